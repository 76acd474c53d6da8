import type {
  AuthTokens,
  Equipment,
  Line,
  MachineEventInput,
  Product,
  Shift,
} from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { ok } from './api.js';
import { eventsAt } from './ingestion-factory.js';
import {
  createDowntimeReason,
  createEquipment,
  createLine,
  createPlannedStop,
  createProduct,
  createShift,
} from './plant-factory.js';
import type { TestApp } from './test-app.js';

/** The day of the packing line's shift, and its times: `at('07:10')`, `at('06:00', DAY_AFTER)`. */
export const DAY = '2024-03-04';
export const at = (time: string, day = DAY): string => `${day}T${time}:00.000Z`;
/** When the packing line's equipment was installed: some days before DAY. */
const INSTALLED = '2024-02-01';

export interface PackingLine {
  line: Line;
  fill: Equipment;
  pack: Equipment;
  shift: Shift;
  product: Product;
}

/**
 * Line `code`: a filler (`<code>-FILL`) feeding a case packer (`<code>-PACK`), the packer the
 * line's output if `packIsOutput`. Early shift 06:00–14:00 UTC, breaks 09:00 (15 min) and 12:00
 * (30 min); the line stopped (planned) 10:30–11:00 on DAY. Downtime reasons JAM (a loss) and CLEAN
 * (planned). Product `<code>-CASE`: 10 s by default, 20 s on this line, 30 s on the packer.
 */
export async function createPackingLine(
  t: TestApp,
  engineer: AuthTokens,
  { code, name, packIsOutput = false }: { code: string; name: string; packIsOutput?: boolean },
): Promise<PackingLine> {
  const line = await createLine(t, engineer, { code, name });
  const fill = await createEquipment(t, engineer, {
    code: `${code}-FILL`,
    name: 'Filler',
    lineId: line.id,
    idealCycleTimeSeconds: 5,
  });
  const pack = await createEquipment(t, engineer, {
    code: `${code}-PACK`,
    name: 'Case packer',
    lineId: line.id,
    idealCycleTimeSeconds: 5,
  });
  // Installed before the day the tests replay (their clock is set then): ingestion refuses events
  // more than INGEST_MAX_AGE_DAYS older than an equipment's creation, which is today by default.
  await t.app
    .get(DataSource)
    .query('UPDATE equipment SET created_at = $2 WHERE id = ANY($1::uuid[])', [
      [fill.id, pack.id],
      at('00:00', INSTALLED),
    ]);
  if (packIsOutput)
    await ok(t, engineer, 'patch', `/api/lines/${line.id}`, { outputEquipmentId: pack.id });
  const shift = await createShift(t, engineer, {
    lineId: line.id,
    breaks: [
      { startTime: '09:00', durationMinutes: 15 },
      { startTime: '12:00', durationMinutes: 30 },
    ],
  });
  await createPlannedStop(t, engineer, {
    lineId: line.id,
    startsAt: at('10:30'),
    endsAt: at('11:00'),
    reason: 'Cleaning (planned)',
  });
  await createDowntimeReason(t, engineer, {
    code: 'JAM',
    name: 'Jam',
    category: 'Mechanical',
    planned: false,
  });
  await createDowntimeReason(t, engineer, {
    code: 'CLEAN',
    name: 'Planned cleaning',
    category: 'Planned',
    planned: true,
  });
  const product = await createProduct(t, engineer, {
    code: `${code}-CASE`,
    name: 'Case of 12',
    idealCycleTimeSeconds: 10,
    cycleTimes: [
      { lineId: line.id, idealCycleTimeSeconds: 20 },
      { equipmentId: pack.id, idealCycleTimeSeconds: 30 },
    ],
  });
  return { line, fill, pack, shift, product };
}

/**
 * The shift's machine events: the packer jams 07:10–07:40 and stops with JAM inside the planned
 * stop; the filler stops 10:05–10:15 (no reason) and 10:16–10:29 (CLEAN). A count is the parts
 * made since the previous count, spread over the running time in between, so the packer's counts
 * make 120 / 60 / 125 / 90 / 50 / 40 good in the hours from 06:00 and 30 more reported at 11:45
 * (made 11:05–11:45), with 3 rejects; the filler 500 at 06:30 (its first report: at that instant).
 *
 *   report   parts        made in (running time since the previous report)
 *   06:30    60           06:30 (the first report)
 *   07:00    60 + 2 rej   06:30–07:00
 *   08:00    60           07:00–07:10 and 07:40–08:00 (jammed in between)
 *   08:30    125 + 1 rej  08:00–08:30
 *   09:00    0            08:30–09:00
 *   10:00    90           09:00–10:00 (the packer ran through the 09:00 break)
 *   10:20    50           10:00–10:20
 *   10:30    0            10:20–10:30
 *   11:05    40           11:00–11:05 (stopped 10:30–11:00)
 *   11:45    30           11:05–11:45
 */
export function packingLineEvents(fill: Equipment, pack: Equipment): MachineEventInput[] {
  const { state, count } = eventsAt(at);
  return [
    state(pack, '06:00', 'running'),
    state(pack, '07:10', 'stopped'),
    state(pack, '07:40', 'running'),
    state(pack, '10:30', 'stopped', 'JAM'), // inside the planned stop: no loss
    state(pack, '11:00', 'running'),
    state(fill, '06:00', 'running'),
    state(fill, '10:05', 'stopped'), // no reason given: 600 s
    state(fill, '10:15', 'running'),
    state(fill, '10:16', 'stopped', 'CLEAN'), // a planned reason: 780 s, not a loss
    state(fill, '10:29', 'running'),
    count(pack, '06:30', 60),
    count(pack, '07:00', 60, 2),
    count(pack, '08:00', 60),
    count(pack, '08:30', 125, 1),
    count(pack, '09:00', 0),
    count(pack, '10:00', 90),
    count(pack, '10:20', 50),
    count(pack, '10:30', 0),
    count(pack, '11:05', 40),
    count(pack, '11:45', 30),
    count(fill, '06:30', 500),
  ];
}
