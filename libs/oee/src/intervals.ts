/**
 * Half-open time intervals `[start, end)` in epoch milliseconds, and the set operations the
 * time model needs. Every operation treats a list of intervals as a set of instants, so an
 * instant covered by two overlapping intervals is never counted twice.
 *
 * Functions return normalized lists: sorted by start, non-empty, non-overlapping and
 * non-adjacent (touching intervals are merged).
 */
export interface Interval {
  start: number;
  end: number;
}

/** True when the interval holds no instant (`end <= start`). */
export function isEmptyInterval(interval: Interval): boolean {
  return !(interval.end > interval.start);
}

/** Length of one interval in milliseconds (0 when empty). */
export function intervalLength(interval: Interval): number {
  return isEmptyInterval(interval) ? 0 : interval.end - interval.start;
}

/** Union of any intervals, in any order, overlapping or not: sorted, disjoint, merged. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => !isEmptyInterval(i))
    .map((i) => ({ start: i.start, end: i.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const current of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && current.start <= last.end) {
      last.end = Math.max(last.end, current.end);
    } else {
      out.push(current);
    }
  }
  return out;
}

/** Union of several lists. */
export function unionIntervals(...lists: ReadonlyArray<readonly Interval[]>): Interval[] {
  return mergeIntervals(lists.flat());
}

/** Instants that lie in both `a` and `b`. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a);
  const right = mergeIntervals(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i] as Interval;
    const y = right[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Instants of `a` that are not in `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a);
  const right = mergeIntervals(b);
  const out: Interval[] = [];
  let j = 0;
  for (const x of left) {
    let cursor = x.start;
    while (j < right.length && (right[j] as Interval).end <= cursor) j++;
    let k = j;
    while (k < right.length && (right[k] as Interval).start < x.end) {
      const y = right[k] as Interval;
      if (y.start > cursor) out.push({ start: cursor, end: y.start });
      cursor = Math.max(cursor, y.end);
      if (cursor >= x.end) break;
      k++;
    }
    if (cursor < x.end) out.push({ start: cursor, end: x.end });
  }
  return out;
}

/** The part of the intervals inside `window`. */
export function clipIntervals(intervals: readonly Interval[], window: Interval): Interval[] {
  return intersectIntervals(intervals, [window]);
}

/** Total length in milliseconds of the union of the intervals (overlaps count once). */
export function totalLength(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const i of mergeIntervals(intervals)) sum += i.end - i.start;
  return sum;
}

/**
 * Length in milliseconds of `interval ∩ sorted`, where `sorted` is already normalized
 * (as returned by {@link mergeIntervals}). Binary search, so a long timeline stays cheap.
 */
export function overlapLength(interval: Interval, sorted: readonly Interval[]): number {
  if (isEmptyInterval(interval)) return 0;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Interval).end <= interval.start) lo = mid + 1;
    else hi = mid;
  }
  let sum = 0;
  for (let k = lo; k < sorted.length; k++) {
    const y = sorted[k] as Interval;
    if (y.start >= interval.end) break;
    sum += Math.min(y.end, interval.end) - Math.max(y.start, interval.start);
  }
  return sum;
}

/** True when `t` lies in one of the normalized intervals (half-open: `start <= t < end`). */
export function containsInstant(sorted: readonly Interval[], t: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Interval).end <= t) lo = mid + 1;
    else hi = mid;
  }
  const candidate = sorted[lo];
  return candidate !== undefined && candidate.start <= t && t < candidate.end;
}
