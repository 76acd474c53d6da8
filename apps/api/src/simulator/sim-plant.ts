import type { Equipment, Line, Product, Shift } from '@ms5/contracts';
import { scrapRateOf } from '../demo/demo-plant.js';
import type { SimLine, SimPlant, SimProduct } from './plant-simulation.js';

export interface PlantConfiguration {
  lines: readonly Line[];
  equipment: readonly Equipment[];
  shifts: readonly Shift[];
  products: readonly Product[];
}

/**
 * The simulator's view of the configured plant (as read through the API). A line runs the
 * products that name it (or one of its equipment) in their cycle times; a product's line cycle
 * time slows every equipment of the line in proportion to its bottleneck.
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
    const bottleneck = Math.max(...equipment.map((e) => e.idealCycleTimeSeconds));
    const products: SimProduct[] = [];
    for (const product of [...config.products].sort((a, b) => a.code.localeCompare(b.code))) {
      const lineTime = product.cycleTimes.find((c) => c.lineId === line.id);
      const own = product.cycleTimes.filter(
        (c) => c.equipmentId !== null && equipmentIds.has(c.equipmentId),
      );
      if (!lineTime && own.length === 0) continue;
      const factor = Math.max(
        1,
        (lineTime?.idealCycleTimeSeconds ?? product.idealCycleTimeSeconds) / bottleneck,
      );
      const cycleTimes: Record<string, number> = {};
      for (const e of equipment) {
        const override = own.find((c) => c.equipmentId === e.id);
        cycleTimes[e.id] = override?.idealCycleTimeSeconds ?? e.idealCycleTimeSeconds * factor;
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
