import { MAX_COUNT_INTERVAL_MS } from './count-attribution-limit.js';
import { type Interval, intersectIntervals, mergeIntervals } from './intervals.js';
import { type StateSegment } from './state-timeline.js';

/** Parts reported by a machine since its previous count event. */
export interface CountEvent {
  eventId: string;
  /** Epoch milliseconds. */
  ts: number;
  /** Good parts, right first time (excludes rework). */
  good: number;
  /** Scrapped parts. */
  reject: number;
  /** Parts that need rework. */
  rework?: number;
  /** Ideal cycle time of the product made, per part. */
  idealCycleTimeSeconds: number;
  /**
   * Where the parts' interval starts: the ts of the equipment's previous count event (see
   * {@link linkCounts}). The parts were made in `[since, ts)`. Absent (no previous count within
   * {@link MAX_COUNT_INTERVAL_MS}): they are placed at `ts` itself.
   */
  since?: number;
}

/** How a count's parts are spread over its interval. */
export type AttributionBasis = 'running' | 'calendar' | 'instant';

/**
 * One count event with its parts spread over its interval: by the equipment's running time in
 * it, or evenly over the whole interval when the machine never ran in it (a report after a stop),
 * or at the report's instant when it has no interval.
 *
 * Part k of n (k = 1…n) is made when the basis time used so far reaches k/n of the whole, so every
 * part has one instant: whatever windows time is cut into, each part lands in exactly one, and
 * the windows' counts are whole numbers that add up to what was reported.
 */
export class ApportionedCount {
  readonly basis: AttributionBasis;
  private readonly pieces: Interval[];
  private readonly prefix: number[];
  private readonly total: number;

  constructor(
    readonly count: CountEvent,
    running: readonly Interval[],
  ) {
    const since = count.since;
    if (since === undefined || !(count.ts > since)) {
      this.basis = 'instant';
      this.pieces = [];
    } else {
      const interval = { start: since, end: count.ts };
      const ran = clipSorted(running, interval);
      this.basis = ran.length > 0 ? 'running' : 'calendar';
      this.pieces = ran.length > 0 ? ran : [interval];
    }
    this.prefix = [];
    let sum = 0;
    for (const piece of this.pieces) {
      this.prefix.push(sum);
      sum += piece.end - piece.start;
    }
    this.total = sum;
  }

  /** The earliest instant a part of this count can be in. */
  get start(): number {
    return this.pieces[0]?.start ?? this.count.ts;
  }

  /**
   * The earliest {@link start} of this count and every later one in the list
   * {@link apportionCounts} made (which is sorted by ts): a window ending before it holds no part
   * of them, so a scan can stop there.
   */
  earliestFromHere: number = Infinity;

  /** Of `n` parts of this count, how many were made before instant `x`. */
  before(x: number, n: number): number {
    if (n === 0) return 0;
    if (this.basis === 'instant') return x > this.count.ts ? n : 0;
    const used = this.basisBefore(x);
    if (used >= this.total) return n;
    return Math.floor((n * used) / this.total);
  }

  /** Of `n` parts, how many were made in `[start, end)`. */
  between(window: Interval, n: number): number {
    if (!(window.end > window.start)) return 0;
    return this.before(window.end, n) - this.before(window.start, n);
  }

  /** Basis time (ms) in the interval before `x`. */
  private basisBefore(x: number): number {
    let lo = 0;
    let hi = this.pieces.length;
    // The first piece that ends after x.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.pieces[mid] as Interval).end <= x) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.pieces.length) return this.total;
    const piece = this.pieces[lo] as Interval;
    return (this.prefix[lo] as number) + Math.max(0, x - piece.start);
  }
}

/** Parts of some counts in one window, with those that fell outside planned busy time. */
export interface WindowParts {
  good: number;
  reject: number;
  rework: number;
  /** Σ parts × the ideal cycle time of the product they were made as, in seconds. */
  idealSeconds: number;
  /** Parts (good + reject + rework) attributed to time outside planned busy time. */
  outsidePlanned: number;
}

function compareCounts(a: CountEvent, b: CountEvent): number {
  return (
    a.ts - b.ts ||
    a.good - b.good ||
    a.reject - b.reject ||
    (a.rework ?? 0) - (b.rework ?? 0) ||
    a.idealCycleTimeSeconds - b.idealCycleTimeSeconds ||
    (a.since ?? -Infinity) - (b.since ?? -Infinity)
  );
}

const byTsThenId = (a: CountEvent, b: CountEvent): number =>
  a.ts - b.ts || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

/**
 * Deduplicates count events by `eventId`. When two events share an `eventId` but differ, the
 * one that sorts first (by ts, then quantities) is kept, so arrival order never matters.
 * The result is sorted by ts, then eventId.
 */
export function dedupeCounts(counts: readonly CountEvent[]): CountEvent[] {
  const byId = new Map<string, CountEvent>();
  for (const count of counts) {
    for (const value of [
      count.ts,
      count.good,
      count.reject,
      count.rework ?? 0,
      count.idealCycleTimeSeconds,
    ]) {
      if (!Number.isFinite(value) || (value < 0 && value !== count.ts)) {
        throw new RangeError(`Count event ${count.eventId} has an invalid value ${value}`);
      }
    }
    if (count.since !== undefined && !(count.since <= count.ts)) {
      throw new RangeError(`Count event ${count.eventId} starts after it was reported`);
    }
    const seen = byId.get(count.eventId);
    if (seen === undefined || compareCounts(count, seen) < 0) byId.set(count.eventId, count);
  }
  // A fixed order, so that sums do not depend on arrival order even in the last bit.
  return [...byId.values()].sort(byTsThenId);
}

/**
 * Gives each count of ONE equipment's complete stream its interval: from the previous count's
 * ts (in ts, then eventId order) when that is at most `maxIntervalMs` earlier. The first count,
 * and one after a longer silence, keeps no interval (its parts are placed at its ts).
 */
export function linkCounts(
  counts: readonly CountEvent[],
  maxIntervalMs: number = MAX_COUNT_INTERVAL_MS,
): CountEvent[] {
  const sorted = dedupeCounts(counts);
  return sorted.map((count, index) => {
    const previous = sorted[index - 1];
    const { since: _ignored, ...rest } = count;
    return previous !== undefined && count.ts - previous.ts <= maxIntervalMs
      ? { ...rest, since: previous.ts }
      : rest;
  });
}

/** `range` widened to every count's interval: what a timeline must cover to apportion them. */
export function countsSpan(range: Interval, counts: readonly CountEvent[]): Interval {
  let start = range.start;
  let end = range.end;
  for (const count of counts) {
    start = Math.min(start, count.since ?? count.ts);
    end = Math.max(end, count.ts + 1);
  }
  return { start, end };
}

/** The instants the equipment was `running`, from its state timeline. */
export function runningIntervals(timeline: readonly StateSegment[]): Interval[] {
  return mergeIntervals(
    timeline.filter((s) => s.state === 'running').map((s) => ({ start: s.start, end: s.end })),
  );
}

/**
 * Spreads each count over its interval by the timeline's running time (see
 * {@link ApportionedCount}). The timeline must cover every count's interval; time it does not
 * cover counts as not running.
 */
export function apportionCounts(
  counts: readonly CountEvent[],
  timeline: readonly StateSegment[],
): ApportionedCount[] {
  const running = runningIntervals(timeline);
  const out = dedupeCounts(counts).map((count) => new ApportionedCount(count, running));
  let earliest = Infinity;
  for (let k = out.length - 1; k >= 0; k--) {
    const apportioned = out[k] as ApportionedCount;
    earliest = Math.min(earliest, apportioned.start);
    apportioned.earliestFromHere = earliest;
  }
  return out;
}

/** `sorted ∩ interval`, where `sorted` is normalized (see `mergeIntervals`): a binary search, no copy of the rest. */
function clipSorted(sorted: readonly Interval[], interval: Interval): Interval[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Interval).end <= interval.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Interval[] = [];
  for (let k = lo; k < sorted.length; k++) {
    const piece = sorted[k] as Interval;
    if (piece.start >= interval.end) break;
    out.push({
      start: Math.max(piece.start, interval.start),
      end: Math.min(piece.end, interval.end),
    });
  }
  return out;
}

/** The first index whose count has `ts >= t` in a list sorted by ts. */
function firstReportedFrom(counts: readonly ApportionedCount[], t: number): number {
  let lo = 0;
  let hi = counts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((counts[mid] as ApportionedCount).count.ts < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The parts of the counts made inside `window`; those outside `plannedBusy` are also counted
 * apart. `counts` is a list as {@link apportionCounts} returns it (sorted by ts).
 */
export function partsInWindow(
  counts: readonly ApportionedCount[],
  window: Interval,
  plannedBusy: readonly Interval[],
): WindowParts {
  const parts: WindowParts = { good: 0, reject: 0, rework: 0, idealSeconds: 0, outsidePlanned: 0 };
  if (!(window.end > window.start)) return parts;
  const busy = intersectIntervals(plannedBusy, [window]);
  // Parts are made in [start, ts]: counts reported before the window hold none of its parts,
  // and the scan ends where no later count starts before the window's end.
  for (let k = firstReportedFrom(counts, window.start); k < counts.length; k++) {
    const apportioned = counts[k] as ApportionedCount;
    if (apportioned.earliestFromHere >= window.end) break;
    const { count } = apportioned;
    if (apportioned.start >= window.end) continue;
    const rework = count.rework ?? 0;
    const good = apportioned.between(window, count.good);
    const reject = apportioned.between(window, count.reject);
    const reworked = apportioned.between(window, rework);
    const made = good + reject + reworked;
    if (made === 0) continue;
    let inside = 0;
    for (const piece of busy) {
      inside +=
        apportioned.between(piece, count.good) +
        apportioned.between(piece, count.reject) +
        apportioned.between(piece, rework);
    }
    parts.good += good;
    parts.reject += reject;
    parts.rework += reworked;
    parts.idealSeconds += made * count.idealCycleTimeSeconds;
    parts.outsidePlanned += made - inside;
  }
  return parts;
}
