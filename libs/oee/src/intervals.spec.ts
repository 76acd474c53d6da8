import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Interval,
  clipIntervals,
  containsInstant,
  intersectIntervals,
  mergeIntervals,
  overlapLength,
  subtractIntervals,
  totalLength,
  unionIntervals,
} from './intervals.js';

const i = (start: number, end: number): Interval => ({ start, end });

describe('intervals', () => {
  it('merges overlapping, touching and unsorted intervals and drops empty ones', () => {
    expect(mergeIntervals([i(5, 8), i(0, 2), i(1, 3), i(3, 4), i(7, 7), i(9, 8)])).toEqual([
      i(0, 4),
      i(5, 8),
    ]);
  });

  it('counts overlaps once', () => {
    // [0,10) ∪ [5,15) ∪ [20,25) = [0,15) ∪ [20,25) → 15 + 5 = 20
    expect(totalLength([i(0, 10), i(5, 15), i(20, 25)])).toBe(20);
  });

  it('intersects', () => {
    expect(intersectIntervals([i(0, 10), i(20, 30)], [i(5, 25)])).toEqual([i(5, 10), i(20, 25)]);
    expect(intersectIntervals([i(0, 10)], [i(10, 20)])).toEqual([]);
  });

  it('subtracts', () => {
    expect(subtractIntervals([i(0, 100)], [i(10, 20), i(15, 30), i(90, 120)])).toEqual([
      i(0, 10),
      i(30, 90),
    ]);
    expect(subtractIntervals([i(0, 10), i(20, 30)], [i(5, 25)])).toEqual([i(0, 5), i(25, 30)]);
    expect(subtractIntervals([i(0, 10)], [])).toEqual([i(0, 10)]);
  });

  it('clips to a window and tests containment half-open', () => {
    expect(clipIntervals([i(-5, 5), i(8, 20)], i(0, 10))).toEqual([i(0, 5), i(8, 10)]);
    const set = [i(0, 5), i(8, 10)];
    expect(containsInstant(set, 0)).toBe(true);
    expect(containsInstant(set, 5)).toBe(false);
    expect(containsInstant(set, 9)).toBe(true);
    expect(containsInstant(set, 10)).toBe(false);
    expect(overlapLength(i(3, 9), set)).toBe(3);
  });

  const arbIntervals = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 }))
      .map(([s, l]) => i(s, s + l)),
    { maxLength: 12 },
  );
  const covers = (list: Interval[], t: number) => list.some((x) => x.start <= t && t < x.end);

  it('agrees with a point-wise model (property)', () => {
    fc.assert(
      fc.property(arbIntervals, arbIntervals, (a, b) => {
        const union = unionIntervals(a, b);
        const inter = intersectIntervals(a, b);
        const diff = subtractIntervals(a, b);
        let u = 0;
        let n = 0;
        let d = 0;
        const mismatches: number[] = [];
        for (let t = 0; t < 260; t++) {
          const inA = covers(a, t);
          const inB = covers(b, t);
          if (
            containsInstant(union, t) !== (inA || inB) ||
            containsInstant(inter, t) !== (inA && inB) ||
            containsInstant(diff, t) !== (inA && !inB)
          ) {
            mismatches.push(t);
          }
          if (inA || inB) u++;
          if (inA && inB) n++;
          if (inA && !inB) d++;
        }
        expect(mismatches).toEqual([]);
        expect(totalLength(union)).toBe(u);
        expect(totalLength(inter)).toBe(n);
        expect(totalLength(diff)).toBe(d);
        for (const list of [union, inter, diff]) {
          for (let k = 1; k < list.length; k++)
            expect(list[k]!.start).toBeGreaterThan(list[k - 1]!.end);
        }
      }),
    );
  });
});
