import { describe, expect, it } from '@jest/globals';
import {
  type Equipment,
  type Line,
  type MachineEventInput,
  type Product,
  type Shift,
  ingestBatchSchema,
} from '@ms5/contracts';
import { plannedTimeFromShifts } from '@ms5/oee';
import { DEMO_AREAS, DEMO_PRODUCTS, DEMO_SHIFTS } from '../demo/demo-plant.js';
import {
  type SimAction,
  PlantSimulation,
  generateActions,
  generateEvents,
} from './plant-simulation.js';
import { buildSimPlant } from './sim-plant.js';

const HOUR = 3_600_000;
let idCounter = 0;
const fakeId = () => `00000000-0000-4000-8000-${String(++idCounter).padStart(12, '0')}`;
const stamp = '2025-01-01T00:00:00.000Z';

/** The demo plant as the API would list it, with made-up ids. */
function demoConfig() {
  const lines: Line[] = [];
  const equipment: Equipment[] = [];
  const shifts: Shift[] = [];
  for (const area of DEMO_AREAS) {
    for (const line of area.lines) {
      const lineId = fakeId();
      lines.push({
        id: lineId,
        code: line.code,
        name: line.name,
        areaId: null,
        microStopThresholdSeconds: 120,
        createdAt: stamp,
        updatedAt: stamp,
      });
      for (const e of line.equipment) {
        equipment.push({ id: fakeId(), lineId, ...e, createdAt: stamp, updatedAt: stamp });
      }
      for (const shift of DEMO_SHIFTS) shifts.push({ id: fakeId(), lineId, ...shift });
    }
  }
  const products: Product[] = DEMO_PRODUCTS.map((p) => ({
    id: fakeId(),
    code: p.code,
    name: p.name,
    idealCycleTimeSeconds: p.idealCycleTimeSeconds,
    cycleTimes: Object.entries(p.lines).map(([code, seconds]) => ({
      lineId: lines.find((l) => l.code === code)?.id ?? null,
      equipmentId: null,
      idealCycleTimeSeconds: seconds,
    })),
  }));
  return { lines, equipment, shifts, products };
}

const config = demoConfig();
const plant = buildSimPlant(config);
// A Monday in the past, 00:00 UTC (01:00 in Berlin, inside the night shift).
const start = Date.UTC(2025, 0, 6, 0, 0, 0);
const options = { seed: 42, speed: 1, runKey: 'run-test', start };

describe('PlantSimulation', () => {
  it('models every demo line and equipment', () => {
    expect(plant.lines).toHaveLength(5);
    expect(plant.lines.flatMap((l) => l.equipment)).toHaveLength(20);
    for (const line of plant.lines) {
      expect(line.products.length).toBeGreaterThanOrEqual(1);
      expect(line.shifts).toHaveLength(3);
    }
  });

  it('gives the same actions for the same seed and start, and others for another seed', () => {
    const a = generateActions(plant, options, start + 12 * HOUR);
    const b = generateActions(plant, options, start + 12 * HOUR);
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
    const other = generateActions(plant, { ...options, seed: 43 }, start + 12 * HOUR);
    expect(other).not.toEqual(a);
  });

  it('gives the same actions whether advanced at once or in uneven steps', () => {
    const once = generateActions(plant, options, start + 6 * HOUR);
    const stepped = new PlantSimulation(plant, options);
    const steps: SimAction[] = [];
    let t = start;
    let step = 1;
    while (t < start + 6 * HOUR) {
      t = Math.min(start + 6 * HOUR, t + (step++ % 7) * 37_013);
      steps.push(...stepped.advance(t));
    }
    expect(steps).toEqual(once);
  });

  it('makes events that pass the ingestion schema, with unique ids, in batches of 1000', () => {
    const events = generateEvents(plant, options, start + 24 * HOUR);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    for (let i = 0; i < events.length; i += 1000) {
      const result = ingestBatchSchema.safeParse({ events: events.slice(i, i + 1000) });
      expect(result.success).toBe(true);
    }
    expect(Math.max(...events.map((e) => e.eventId.length))).toBeLessThanOrEqual(128);
  });

  it('honours breaks, runs between them and never claims more parts than the cycle time allows', () => {
    const until = start + 24 * HOUR;
    const events = generateEvents(plant, options, until);
    const line = plant.lines[0];
    if (!line) throw new Error('no line');
    const breaks = plannedTimeFromShifts(line.shifts, { start, end: until }).plannedDowntime;
    expect(breaks.length).toBe(6);
    for (const equipment of line.equipment) {
      const own = events.filter((e) => e.equipmentId === equipment.id);
      const states = own.filter(
        (e): e is Extract<MachineEventInput, { type: 'state' }> => e.type === 'state',
      );
      const stateAt = (t: number) =>
        states.filter((s) => Date.parse(s.ts) <= t).at(-1)?.state ?? null;
      for (const b of breaks) {
        expect(stateAt(b.start + 60_000)).toBe('planned_stop');
        expect(stateAt(b.end - 1)).toBe('planned_stop');
      }
      // Running time and parts made: performance stays at or below 1 and near realistic speed.
      let runningMs = 0;
      for (let i = 0; i < states.length; i++) {
        const s = states[i];
        if (s?.state !== 'running') continue;
        const next = states[i + 1];
        runningMs += (next ? Date.parse(next.ts) : until) - Date.parse(s.ts);
      }
      const parts = own.reduce((sum, e) => (e.type === 'count' ? sum + e.good + e.reject : sum), 0);
      const idealParts = runningMs / 1000 / equipment.idealCycleTimeSeconds;
      expect(parts).toBeLessThanOrEqual(idealParts);
      expect(parts).toBeGreaterThan(idealParts * 0.7);
      expect(runningMs).toBeGreaterThan(10 * HOUR);
      const rejects = own.reduce((sum, e) => (e.type === 'count' ? sum + e.reject : sum), 0);
      expect(rejects).toBeGreaterThan(0);
    }
  });

  it('breaks down, micro-stops and changes over, and raises, acknowledges and resolves calls in order', () => {
    const actions = generateActions(plant, options, start + 48 * HOUR);
    const reasons = new Set(
      actions.flatMap((a) =>
        a.kind === 'machine' && a.event.type === 'state'
          ? [a.event.reasonCode ?? a.event.state]
          : [],
      ),
    );
    for (const expected of ['running', 'MECH-JAM', 'PLAN-BREAK', 'PLAN-CHANGEOVER', 'MAT-STARVED'])
      expect(reasons).toContain(expected);
    expect([...reasons].some((r) => r.startsWith('MECH-') || r.startsWith('ELEC-'))).toBe(true);

    const calls = new Map<string, string[]>();
    for (const a of actions) {
      if (a.kind !== 'andon') continue;
      calls.set(a.andon.key, [...(calls.get(a.andon.key) ?? []), a.andon.step]);
    }
    expect(calls.size).toBeGreaterThan(10);
    for (const steps of calls.values()) {
      expect(steps).toEqual(['raise', 'acknowledge', 'resolve'].slice(0, steps.length));
    }
  });

  it('at a higher speed, stops come more often while counts follow the real cycle time', () => {
    const slow = generateEvents(plant, options, start + HOUR);
    const fast = generateEvents(plant, { ...options, speed: 60 }, start + HOUR);
    const stateChanges = (events: MachineEventInput[]) =>
      events.filter((e) => e.type === 'state').length;
    expect(stateChanges(fast)).toBeGreaterThan(stateChanges(slow) * 10);
  });
});
