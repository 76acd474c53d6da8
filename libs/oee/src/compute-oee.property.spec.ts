import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OeeInput, computeOee } from './compute-oee.js';
import { type CountEvent, countsSpan, dedupeCounts, linkCounts } from './count-attribution.js';
import { type Interval } from './intervals.js';
import { type OeeResult, rollUp } from './roll-up.js';
import { type MachineState, type StateEvent, buildStateTimeline } from './state-timeline.js';

/*
 * Random equipment shifts: a window of 1–12 h; shift intervals (overlapping, reaching past
 * the window's edges) and short planned downtimes; 5–60 state events, half scattered over
 * the window ± 1 h, half clustered (out of order, colliding eventIds, some before and after
 * the window), so stops are a few seconds to hours long around a 0–10 min micro-stop
 * threshold; count events, linked into one equipment's stream (each from the previous one, so
 * their parts are spread over the running time in between). Timestamps at 1-second resolution.
 */
const SEC = 1_000;
const HOUR_S = 3_600;

const states: MachineState[] = ['running', 'idle', 'stopped', 'changeover', 'planned_stop'];

interface Scenario {
  window: Interval;
  plannedOperation: Interval[];
  plannedDowntime: Interval[];
  events: StateEvent[];
  counts: CountEvent[];
  microStopThresholdSeconds: number;
}

const arbScenario: fc.Arbitrary<Scenario> = fc
  .integer({ min: HOUR_S, max: 12 * HOUR_S })
  .chain((w) => {
    // A second in [-1 h, w + 1 h].
    const arbSecond = fc.integer({ min: -HOUR_S, max: w + HOUR_S });
    const arbInterval = (maxLength: number) =>
      fc
        .tuple(arbSecond, fc.integer({ min: 1, max: maxLength }))
        .map(([s, l]): Interval => ({ start: s * SEC, end: (s + l) * SEC }));
    // Half the events cluster within 15 min after one of ten anchors: short stops.
    const arbClustered = fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 900 }))
      .map(([k, offset]) => Math.round((k * w) / 10) + offset);
    const arbStateEvent = fc
      .record({
        eventId: fc.integer({ min: 0, max: 80 }).map((n) => `s${n}`),
        ts: fc.oneof(arbSecond, arbClustered).map((s) => s * SEC),
        state: fc.constantFrom(...states, 'running', 'stopped'),
        reason: fc.constantFrom(undefined, 'jam', 'material'),
      })
      .map(({ reason, ...e }): StateEvent =>
        reason === undefined ? e : { ...e, reasonCode: reason },
      );
    const arbCount = fc
      .record({
        eventId: fc.integer({ min: 0, max: 40 }).map((n) => `c${n}`),
        ts: arbSecond.map((s) => s * SEC),
        good: fc.integer({ min: 0, max: 200 }),
        reject: fc.integer({ min: 0, max: 20 }),
        rework: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        idealCycleTimeSeconds: fc.constantFrom(0, 0.5, 12, 30, 45.5, 120),
      })
      .map(({ rework, ...c }): CountEvent => (rework === undefined ? c : { ...c, rework }));
    return fc.record({
      window: fc.constant({ start: 0, end: w * SEC }),
      plannedOperation: fc.array(arbInterval(w), { minLength: 1, maxLength: 4 }),
      plannedDowntime: fc.array(arbInterval(HOUR_S), { maxLength: 4 }),
      events: fc.array(arbStateEvent, { minLength: 5, maxLength: 60, size: 'max' }),
      counts: fc
        .array(arbCount, { maxLength: 30, size: 'max' })
        // A 2-hour limit, so that some counts follow a longer silence and keep no interval.
        .map((counts) => linkCounts(counts, 2 * HOUR_S * SEC)),
      microStopThresholdSeconds: fc.integer({ min: 0, max: 600 }),
    });
  });

/** The span every count's parts can be in, and the window: the timeline must cover both. */
const span = (s: Scenario, window: Interval): Interval => countsSpan(window, s.counts);

function compute(s: Scenario, window: Interval = s.window): OeeResult {
  const input: OeeInput = {
    window,
    plannedOperation: s.plannedOperation,
    plannedDowntime: s.plannedDowntime,
    timeline: buildStateTimeline(s.events, span(s, window)),
    counts: s.counts,
    microStopThresholdSeconds: s.microStopThresholdSeconds,
  };
  return computeOee(input);
}

/** Equal to 1e-9 relative (of `scale` when given, for values that are differences). */
function expectClose(actual: number | null, expected: number | null, scale = 0, path = ''): void {
  if (expected === null || actual === null) {
    expect(actual, path).toBe(expected);
    return;
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual), scale);
  expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

function expectSameResult(actual: OeeResult, expected: OeeResult): void {
  const scale = expected.times.plannedOperationSeconds;
  for (const group of ['times', 'counts', 'kpis'] as const) {
    const actualGroup: Record<string, number | null> = { ...actual[group] };
    for (const [key, value] of Object.entries(expected[group])) {
      expectClose(actualGroup[key] ?? null, value, scale, `${group}.${key}`);
    }
  }
  for (const [key, value] of Object.entries(expected.losses.seconds)) {
    expectClose(
      actual.losses.seconds[key as keyof typeof expected.losses.seconds],
      value,
      scale,
      `losses.${key}`,
    );
  }
  expect(actual.flags.performanceAboveOne).toBe(expected.flags.performanceAboveOne);
  expect(actual.flags.hasUnknownTime).toBe(expected.flags.hasUnknownTime);
  expect(actual.flags.countsOutsidePlannedTime).toBe(expected.flags.countsOutsidePlannedTime);
}

describe('computeOee properties', () => {
  it('keeps every factor except performance (and what multiplies it) in [0, 1]', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { kpis, flags } = compute(s);
        const bounded = [
          kpis.availability,
          kpis.quality,
          kpis.technicalEfficiency,
          kpis.setupRatio,
          kpis.allocationEfficiency,
          kpis.loading,
          kpis.scrapRatio,
          kpis.reworkRatio,
          kpis.firstPassYield,
        ];
        if (!flags.performanceAboveOne)
          bounded.push(kpis.performance, kpis.oee, kpis.nee, kpis.teep);
        for (const value of bounded) {
          if (value === null) continue;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        for (const value of Object.values(kpis))
          expect(value === null || Number.isFinite(value)).toBe(true);
        expect(flags.timesInconsistent).toBe(false);
        if (kpis.performance !== null) expect(flags.performanceAboveOne).toBe(kpis.performance > 1);
      }),
    );
  });

  it('does not depend on event order or duplicates', () => {
    fc.assert(
      fc.property(
        arbScenario,
        fc.func(fc.integer()),
        fc.array(fc.nat(), { maxLength: 15 }),
        (s, key, dupes) => {
          const shuffle = <T>(list: T[]): T[] =>
            list
              .map((item, k) => ({ item, k: key(k) }))
              .sort((a, b) => a.k - b.k)
              .map((x) => x.item);
          const repeat = <T>(list: T[]): T[] =>
            list.length === 0 ? [] : dupes.map((d) => list[d % list.length]!);
          const messy: Scenario = {
            ...s,
            events: [...shuffle(s.events), ...repeat(s.events)],
            counts: [...repeat(s.counts), ...shuffle(s.counts)],
          };
          expect(compute(messy)).toEqual(compute(s));
        },
      ),
    );
  });

  it('splitting the window and rolling up the pieces equals computing the whole', () => {
    const arbSplit = arbScenario.chain((s) =>
      fc.tuple(
        fc.constant(s),
        // 1–8 cut points, whole seconds inside the window.
        fc.array(fc.integer({ min: 1, max: (s.window.end - s.window.start) / SEC - 1 }), {
          minLength: 1,
          maxLength: 8,
          size: 'max',
        }),
      ),
    );
    fc.assert(
      fc.property(arbSplit, ([s, cuts]) => {
        const points = [...new Set(cuts.map((c) => s.window.start + c * SEC))].sort(
          (a, b) => a - b,
        );
        const edges = [s.window.start, ...points, s.window.end];
        const pieces = edges.slice(1).map((end, k) => compute(s, { start: edges[k]!, end }));
        const whole = compute(s);
        expectSameResult(rollUp(pieces), whole);
        expect(rollUp(pieces).counts.failures).toBe(whole.counts.failures);
      }),
      { numRuns: 300 },
    );
  });

  it('conserves parts: any partition of time into windows counts exactly what was reported', () => {
    const arbPartition = arbScenario.chain((s) => {
      const whole = span(s, s.window);
      const seconds = Math.max(2, Math.ceil((whole.end - whole.start) / SEC));
      return fc.tuple(
        fc.constant(s),
        fc.constant(whole),
        fc.array(fc.integer({ min: 1, max: seconds - 1 }), { maxLength: 12 }),
      );
    });
    fc.assert(
      fc.property(arbPartition, ([s, whole, cuts]) => {
        const points = [...new Set(cuts.map((c) => whole.start + c * SEC))]
          .filter((p) => p < whole.end)
          .sort((a, b) => a - b);
        const edges = [whole.start, ...points, whole.end];
        const windows = edges.slice(1).map((end, k) => ({ start: edges[k]!, end }));
        const results = windows.map((w) => compute(s, w));
        const reported = dedupeCounts(s.counts).reduce(
          (sum, c) => sum + c.good + c.reject + (c.rework ?? 0),
          0,
        );
        const counted = results.reduce((sum, r) => sum + r.counts.total, 0);
        expect(counted).toBe(reported);
        for (const r of results) {
          expect(Number.isInteger(r.counts.good)).toBe(true);
          expect(r.flags.countsOutsidePlannedTime).toBeLessThanOrEqual(r.counts.total);
        }
        // Parts counted outside planned busy time are exactly those not inside it.
        const outside = results.reduce((sum, r) => sum + r.flags.countsOutsidePlannedTime, 0);
        expect(outside).toBe(rollUp(results).flags.countsOutsidePlannedTime);
      }),
      { numRuns: 300 },
    );
  });

  it('six big losses + fully productive time = planned busy time', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = compute(s);
        const l = r.losses.seconds;
        expect(l.unaccounted).toBe(0);
        const sum =
          l.breakdowns + l.setupAndAdjustments + l.minorStops + l.reducedSpeed + l.rejectsAndRework;
        expect(
          Math.abs(sum + r.times.fullyProductiveSeconds - r.times.plannedBusySeconds),
        ).toBeLessThanOrEqual(1e-6);
        expect(
          r.times.runSeconds +
            r.times.setupSeconds +
            r.times.downSeconds +
            r.times.minorStopSeconds,
        ).toBe(r.times.plannedBusySeconds);
        if (r.times.plannedBusySeconds > 0) {
          const f = r.losses.fractions;
          const fractionSum =
            f.breakdowns! +
            f.setupAndAdjustments! +
            f.minorStops! +
            f.reducedSpeed! +
            f.rejectsAndRework! +
            f.fullyProductive!;
          expect(Math.abs(fractionSum - 1)).toBeLessThanOrEqual(1e-9);
          expect(f.fullyProductive).toBeCloseTo(r.kpis.oee!, 9);
        }
      }),
    );
  });
});
