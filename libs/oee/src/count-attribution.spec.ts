import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COUNT_INTERVAL_MS } from './count-attribution-limit.js';
import {
  type CountEvent,
  ApportionedCount,
  apportionCounts,
  linkCounts,
  partsInWindow,
} from './count-attribution.js';
import { type StateSegment } from './state-timeline.js';

const MIN = 60_000;
const count = (eventId: string, ts: number, good: number, extra: Partial<CountEvent> = {}) => ({
  eventId,
  ts,
  good,
  reject: 0,
  idealCycleTimeSeconds: 1,
  ...extra,
});
const segment = (start: number, end: number, state: StateSegment['state']): StateSegment => ({
  start: start * MIN,
  end: end * MIN,
  state,
});

describe('ApportionedCount', () => {
  it('spreads parts over the running time of its interval only', () => {
    // 0–10 running, 10–20 stopped, 20–30 running; 100 parts reported at 30 since 0.
    const running = [
      { start: 0, end: 10 * MIN },
      { start: 20 * MIN, end: 30 * MIN },
    ];
    const c = new ApportionedCount(count('a', 30 * MIN, 100, { since: 0 }), running);
    expect(c.basis).toBe('running');
    expect(c.between({ start: 0, end: 10 * MIN }, 100)).toBe(50);
    expect(c.between({ start: 10 * MIN, end: 20 * MIN }, 100)).toBe(0);
    expect(c.between({ start: 20 * MIN, end: 30 * MIN }, 100)).toBe(50);
    expect(c.between({ start: 0, end: 5 * MIN }, 100)).toBe(25);
  });

  it('spreads evenly over the whole interval when the machine never ran in it', () => {
    const c = new ApportionedCount(count('a', 40 * MIN, 8, { since: 0 }), []);
    expect(c.basis).toBe('calendar');
    expect(c.between({ start: 0, end: 10 * MIN }, 8)).toBe(2);
    expect(c.between({ start: 30 * MIN, end: 40 * MIN }, 8)).toBe(2);
  });

  it('places parts at the report when there is no interval', () => {
    const c = new ApportionedCount(count('a', 10 * MIN, 7), [{ start: 0, end: 60 * MIN }]);
    expect(c.basis).toBe('instant');
    expect(c.between({ start: 10 * MIN, end: 11 * MIN }, 7)).toBe(7);
    expect(c.between({ start: 0, end: 10 * MIN }, 7)).toBe(0);
  });

  it('gives whole parts that add up for awkward numbers and sub-millisecond times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 1, max: 86_400_000, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        (n, length, cutFractions) => {
          const c = new ApportionedCount(count('a', 1000 + length, n, { since: 1000 }), [
            { start: 1000 + length / 3, end: 1000 + length },
          ]);
          const cuts = [...new Set(cutFractions.map((f) => 1000 + f * length))].sort(
            (a, b) => a - b,
          );
          const edges = [0, ...cuts, 2000 + length];
          let sum = 0;
          for (let k = 1; k < edges.length; k++) {
            const part = c.between({ start: edges[k - 1]!, end: edges[k]! }, n);
            expect(Number.isInteger(part) && part >= 0).toBe(true);
            sum += part;
          }
          expect(sum).toBe(n);
        },
      ),
    );
  });
});

describe('linkCounts', () => {
  it('starts each count at the previous one, up to the limit', () => {
    const linked = linkCounts([
      count('b', 10 * MIN, 1),
      count('a', 0, 1),
      count('c', 10 * MIN + MAX_COUNT_INTERVAL_MS + 1, 1),
    ]);
    expect(linked.map((c) => [c.eventId, c.since])).toEqual([
      ['a', undefined],
      ['b', 0],
      ['c', undefined],
    ]);
  });
});

describe('partsInWindow', () => {
  it('counts parts made outside planned busy time and flags them', () => {
    // Running 0–60; a report at 60 since 0; planned busy time only 0–30.
    const counts = apportionCounts(
      [count('a', 60 * MIN, 60, { since: 0, reject: 6, idealCycleTimeSeconds: 2 })],
      [segment(0, 60, 'running')],
    );
    const parts = partsInWindow(counts, { start: 0, end: 60 * MIN }, [{ start: 0, end: 30 * MIN }]);
    expect(parts).toEqual({
      good: 60,
      reject: 6,
      rework: 0,
      idealSeconds: 132,
      outsidePlanned: 33,
    });
  });

  it('refuses a count whose interval starts after it', () => {
    expect(() => apportionCounts([count('a', 0, 1, { since: 5 })], [])).toThrow(RangeError);
  });
});
