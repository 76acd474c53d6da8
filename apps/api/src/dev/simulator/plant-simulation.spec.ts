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
import { DEMO_AREAS, DEMO_PRODUCTS, DEMO_SHIFTS } from '../demo-plant/demo-plant.js';
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
        outputEquipmentId: null,
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
      // At the line's pace for its slowest product and the slowest speed factor (0.82), at least.
      const slowest = Math.max(...line.products.map((p) => p.cycleTimes[equipment.id] ?? 0));
      expect(parts).toBeGreaterThan(((runningMs / 1000) * 0.82) / slowest - 100);
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

type StateEvent = Extract<MachineEventInput, { type: 'state' }>;
type CountEvent = Extract<MachineEventInput, { type: 'count' }>;

const machineEvents = (actions: readonly SimAction[]): MachineEventInput[] =>
  actions.flatMap((a) => (a.kind === 'machine' ? [a.event] : []));
const isState = (e: MachineEventInput): e is StateEvent => e.type === 'state';
const isCount = (e: MachineEventInput): e is CountEvent => e.type === 'count';

function simLine(code: string) {
  const line = plant.lines.find((l) => l.code === code);
  if (!line) throw new Error(`no line ${code}`);
  return line;
}

/** The distinct times at which the equipment went into a changeover. */
function changeoverStarts(events: readonly MachineEventInput[], equipmentId: string): number[] {
  return events
    .filter(
      (e) => e.equipmentId === equipmentId && isState(e) && e.reasonCode === 'PLAN-CHANGEOVER',
    )
    .map((e) => Date.parse(e.ts));
}

/**
 * Running seconds and parts (good + reject) of one equipment from `from` up to its last count
 * report at or before `to` (every part made until then has been reported by then).
 */
function runningAndParts(
  events: readonly MachineEventInput[],
  equipmentId: string,
  from: number,
  to: number,
): { runningSeconds: number; parts: number; rejects: number } {
  const own = events.filter((e) => e.equipmentId === equipmentId);
  const counts = own.filter(isCount).filter((e) => {
    const ts = Date.parse(e.ts);
    return ts >= from && ts <= to;
  });
  const end = Math.max(from, ...counts.map((e) => Date.parse(e.ts)));
  const states = own.filter(isState);
  let runningMs = 0;
  states.forEach((s, i) => {
    if (s.state !== 'running') return;
    const next = states[i + 1];
    const a = Math.max(from, Date.parse(s.ts));
    const b = Math.min(end, next ? Date.parse(next.ts) : end);
    if (b > a) runningMs += b - a;
  });
  return {
    runningSeconds: runningMs / 1000,
    parts: counts.reduce((sum, e) => sum + e.good + e.reject, 0),
    rejects: counts.reduce((sum, e) => sum + e.reject, 0),
  };
}

/** Parts made in `runningSeconds` at `cycleSeconds` and a speed factor in 0.82–0.99 (± 1 part). */
function expectPace(
  measured: { runningSeconds: number; parts: number },
  cycleSeconds: number,
): void {
  expect(measured.runningSeconds).toBeGreaterThan(3600);
  expect(measured.parts).toBeGreaterThanOrEqual(
    Math.floor((measured.runningSeconds * 0.82) / cycleSeconds) - 1,
  );
  expect(measured.parts).toBeLessThanOrEqual(
    Math.ceil((measured.runningSeconds * 0.99) / cycleSeconds) + 1,
  );
}

describe('PlantSimulation following the running order', () => {
  const fl1 = simLine('FL1');
  const fl1Plant = { lines: [fl1] };
  // 04:00 in Berlin, inside the night shift and after its breaks (01:00 and 03:30).
  const switchAt = start + 3 * HOUR;
  const until = start + 12 * HOUR;

  it('every FL1 station runs at the line time of its product, never faster than its own', () => {
    for (const e of fl1.equipment) {
      const water05 = fl1.products.find((p) => p.code === 'WATER-05')?.cycleTimes[e.id];
      const water15 = fl1.products.find((p) => p.code === 'WATER-15')?.cycleTimes[e.id];
      expect([water05, water15]).toEqual([1.2, 1.5]);
    }
    expect(fl1.equipment.map((e) => e.idealCycleTimeSeconds)).toEqual([1.1, 1.2, 1.0, 1.2]);
  });

  it.each([1, 60])(
    'at speed %i changes over once to the product it is told, then makes it at its cycle time',
    (speed) => {
      const sim = new PlantSimulation(fl1Plant, {
        ...options,
        speed,
        products: { FL1: 'WATER-05' },
      });
      expect(sim.setProduct('FL1', 'WATER-15', switchAt)).toBe(true);
      const events = machineEvents(sim.advance(until));
      let changeoverEnd = 0;
      for (const e of fl1.equipment) {
        // One changeover in 12 h: the one it was told, none at random.
        expect(changeoverStarts(events, e.id)).toEqual([switchAt]);
        const states = events.filter((x) => x.equipmentId === e.id).filter(isState);
        const index = states.findIndex((x) => x.reasonCode === 'PLAN-CHANGEOVER');
        const end = Date.parse(states[index + 1]?.ts ?? '');
        const minutes = ((end - switchAt) / 60_000) * speed;
        expect(minutes).toBeGreaterThanOrEqual(15);
        expect(minutes).toBeLessThan(35.01);
        if (changeoverEnd === 0) changeoverEnd = end;
        expect(end).toBe(changeoverEnd); // line-wide

        // Before: WATER-05 at 1.2 s a part; after: WATER-15 at 1.5 s, on every station.
        expectPace(runningAndParts(events, e.id, start, switchAt), 1.2);
        expectPace(runningAndParts(events, e.id, end, until), 1.5);
      }
      // Scrap at WATER-15's rate (1 %) after the changeover.
      const after = fl1.equipment.map((e) => runningAndParts(events, e.id, changeoverEnd, until));
      const rate =
        after.reduce((sum, m) => sum + m.rejects, 0) / after.reduce((sum, m) => sum + m.parts, 0);
      expect(rate).toBeGreaterThan(0.007);
      expect(rate).toBeLessThan(0.013);
    },
  );

  it('parts per running hour fall from WATER-05 to WATER-15 as 1.2 s to 1.5 s', () => {
    const sim = new PlantSimulation(fl1Plant, { ...options, products: { FL1: 'WATER-05' } });
    sim.setProduct('FL1', 'WATER-15', switchAt);
    const events = machineEvents(sim.advance(until));
    const filler = fl1.equipment.find((e) => e.code === 'FL1-FILL');
    if (!filler) throw new Error('no filler');
    const perHour = (m: { runningSeconds: number; parts: number }) =>
      (m.parts / m.runningSeconds) * 3600;
    const before = perHour(runningAndParts(events, filler.id, start, switchAt));
    const after = perHour(runningAndParts(events, filler.id, switchAt + HOUR, until));
    // 3600 / 1.2 × 0.82–0.99 = 2460–2970 parts an hour; 3600 / 1.5 × 0.82–0.99 = 1968–2376.
    expect(before).toBeGreaterThan(2460 - 5);
    expect(before).toBeLessThan(2970 + 5);
    expect(after).toBeGreaterThan(1968 - 5);
    expect(after).toBeLessThan(2376 + 5);
  });

  it('makes no random changeover while told a product; null brings them back', () => {
    const horizon = start + 48 * HOUR;
    const first = fl1.equipment[0];
    if (!first) throw new Error('no equipment');
    const free = machineEvents(new PlantSimulation(fl1Plant, options).advance(horizon));
    expect(changeoverStarts(free, first.id).length).toBeGreaterThanOrEqual(6);

    const told = new PlantSimulation(fl1Plant, { ...options, products: { FL1: 'WATER-15' } });
    expect(changeoverStarts(machineEvents(told.advance(horizon)), first.id)).toEqual([]);

    const release = start + 12 * HOUR;
    const released = new PlantSimulation(fl1Plant, { ...options, products: { FL1: 'WATER-15' } });
    expect(released.setProduct('FL1', null, release)).toBe(true);
    const starts = changeoverStarts(machineEvents(released.advance(horizon)), first.id);
    expect(starts.length).toBeGreaterThanOrEqual(4);
    // The first one 3–6 h after the release (later only if it began in a break of 15–30 min).
    expect(starts[0]).toBeGreaterThanOrEqual(release + 3 * HOUR);
    expect(starts[0]).toBeLessThanOrEqual(release + 6.5 * HOUR);
  });

  it('gives the same actions for the same seed and calls, told ahead or as time goes', () => {
    const calls: Array<[string, string | null, number]> = [
      ['FL1', 'WATER-05', start + 2 * HOUR],
      ['FL1', 'WATER-15', start + 5 * HOUR],
      ['PR1', 'HSG-200', start + 5 * HOUR],
      ['FL1', null, start + 9 * HOUR],
      ['FL2', 'JUICE-1L', start + 9 * HOUR],
      ['FL1', 'WATER-05', start + 15 * HOUR],
    ];
    const end = start + 24 * HOUR;
    const ahead = new PlantSimulation(plant, options);
    for (const [line, product, at] of calls) expect(ahead.setProduct(line, product, at)).toBe(true);
    const a = ahead.advance(end);

    const stepped = new PlantSimulation(plant, options);
    const b: SimAction[] = [];
    for (const [line, product, at] of calls) {
      b.push(...stepped.advance(at));
      stepped.setProduct(line, product, at);
      stepped.setProduct(line, product, at); // told again: changes nothing
    }
    b.push(...stepped.advance(end));
    expect(b).toEqual(a);

    // The calls changed what happened: FL1 changed over when told, and a minute later, later.
    const filler = simLine('FL1').equipment.find((e) => e.code === 'FL1-FILL')?.id ?? '';
    expect(changeoverStarts(machineEvents(a), filler)).toContain(start + 5 * HOUR);
    expect(a).not.toEqual(generateActions(plant, options, end));
    const later = new PlantSimulation(plant, options);
    for (const [line, product, at] of calls)
      later.setProduct(line, product, product === 'WATER-15' ? at + 60_000 : at);
    const laterActions = later.advance(end);
    expect(changeoverStarts(machineEvents(laterActions), filler)).toContain(
      start + 5 * HOUR + 60_000,
    );
    expect(laterActions).not.toEqual(a);
  });

  it('ignores a product the line does not make and a line the plant does not have', () => {
    const sim = new PlantSimulation(plant, options);
    expect(sim.setProduct('FL1', 'FRAME-S', start + HOUR)).toBe(false);
    expect(sim.setProduct('XX9', 'WATER-05', start + HOUR)).toBe(false);
    expect(() => sim.setProduct('FL1', 'WATER-05', Number.NaN)).toThrow(RangeError);
    const unknownAtStart = new PlantSimulation(plant, {
      ...options,
      products: { FL1: 'NOPE', XX9: 'WATER-05' },
    });
    const expected = generateActions(plant, options, start + 12 * HOUR);
    expect(sim.advance(start + 12 * HOUR)).toEqual(expected);
    expect(unknownAtStart.advance(start + 12 * HOUR)).toEqual(expected);
  });
});
