import type { Equipment, Line, Product, Shift } from '@ms5/contracts';
import { scrapRateOf } from '../demo-plant/demo-plant.js';
import type { SimLine, SimPlant, SimProduct } from './plant-simulation.js';

export interface PlantConfiguration {
  lines: readonly Line[];
  equipment: readonly Equipment[];
  shifts: readonly Shift[];
  products: readonly Product[];
}

/**
 * The simulator's view of the configured plant (as read through the API). A line runs the
 * products that name it (or one of its equipment) in their cycle times. Each equipment's cycle
 * time for a product is the one OEE counts the product's parts at while an order of it runs: the
 * product's time for that equipment, else for the line (the line's pace, set by its bottleneck),
 * else the product's default. (The simulation never runs equipment faster than its own ideal
 * cycle time either, so performance stays at or below 1 with or without an order.)
 */
export function buildSimPlant(config: PlantConfiguration, lineIds?: readonly string[]): SimPlant {
  const wanted = lineIds && lineIds.length > 0 ? new Set(lineIds) : null;
  const lines: SimLine[] = [];
  for (const line of [...config.lines].sort((a, b) => a.code.localeCompare(b.code))) {
    if (wanted && !wanted.has(line.id)) continue;
    const equipment = config.equipment
      .filter((e) => e.lineId === line.id)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((e) => ({ id: e.id, code: e.code, idealCycleTimeSeconds: e.idealCycleTimeSeconds }));
    if (equipment.length === 0) continue;
    const equipmentIds = new Set(equipment.map((e) => e.id));
    const products: SimProduct[] = [];
    for (const product of [...config.products].sort((a, b) => a.code.localeCompare(b.code))) {
      const lineTime = product.cycleTimes.find((c) => c.lineId === line.id);
      const own = product.cycleTimes.filter(
        (c) => c.equipmentId !== null && equipmentIds.has(c.equipmentId),
      );
      if (!lineTime && own.length === 0) continue;
      const cycleTimes: Record<string, number> = {};
      for (const e of equipment) {
        const override = own.find((c) => c.equipmentId === e.id);
        cycleTimes[e.id] =
          override?.idealCycleTimeSeconds ??
          lineTime?.idealCycleTimeSeconds ??
          product.idealCycleTimeSeconds;
      }
      products.push({ code: product.code, scrapRate: scrapRateOf(product.code), cycleTimes });
    }
    lines.push({
      id: line.id,
      code: line.code,
      equipment,
      products,
      shifts: config.shifts
        .filter((s) => s.lineId === line.id)
        .map((s) => ({
          startTime: s.startTime,
          endTime: s.endTime,
          timezone: s.timezone,
          breaks: s.breaks,
        })),
    });
  }
  return { lines };
}
