import {
  type Interval,
  clipIntervals,
  intersectIntervals,
  mergeIntervals,
  overlapLength,
  subtractIntervals,
} from './intervals.js';
import { assertTimeZone, offsetAt } from './time-zone.js';

const HOUR_MS = 3_600_000;
const SECOND_MS = 1000;
/**
 * A part is due once the cumulative due count reaches it within this much: `3600 × (1 / 30)` is
 * `119.99999999999999` in floating point, and must still give 120 parts.
 */
const DUE_EPSILON = 1e-6;

/**
 * An order's stretch of production: its window and the pace the line should make parts at, given
 * either as the ideal cycle time of one part or as parts per second (e.g. the summed rate of
 * parallel machines).
 */
export interface OrderSegment extends Interval {
  orderId: string;
  /** Seconds per part. Give this or `partsPerSecond`, not both. */
  idealCycleTimeSeconds?: number;
  /** Parts per second. */
  partsPerSecond?: number;
}

export interface HourTargetInput {
  /** The shift occurrence, half-open, epoch ms. */
  shift: Interval;
  /** IANA time zone whose clock hours make the rows. */
  timezone: string;
  /** Breaks of the occurrence (planned downtime). */
  breaks: readonly Interval[];
  /** Planned stops of the line (planned downtime). */
  plannedStops: readonly Interval[];
  /**
   * The orders' windows. Where two overlap (an order overrunning into the next one's planned
   * slot), the time counts once, for the order listed first.
   */
  orders: readonly OrderSegment[];
}

export interface HourTargetOrder {
  orderId: string;
  /** Planned production seconds of this order in the hour. */
  plannedSeconds: number;
}

export interface HourTarget extends Interval {
  /** Seconds of the hour in which production is planned: order time, minus breaks and planned stops. */
  plannedSeconds: number;
  /** Parts due from the shift's start to the hour's end, not rounded. */
  cumulativeDue: number;
  /** Whole parts due in this hour: `floor(due at end) − floor(due at start)`. */
  target: number;
  /** Whole parts due from the shift's start to the hour's end. */
  cumulativeTarget: number;
  /** The orders with planned production in this hour, in input order. */
  orders: HourTargetOrder[];
}

/**
 * The clock hours of `timezone` that meet `window`, clipped to it: a shift starting at 06:30
 * gives a first row 06:30–07:00. In a zone whose offset is not whole hours (India, +05:30) the
 * local clock hours are used; on a DST change each row is still one real hour (a 22:00–06:00
 * shift gives 9 rows on a fall-back night and 7 on a spring-forward night).
 */
export function clockHours(window: Interval, timezone: string): Interval[] {
  assertTimeZone(timezone);
  const out: Interval[] = [];
  for (let start = window.start; start < window.end;) {
    const end = Math.min(nextClockHour(start, timezone), window.end);
    out.push({ start, end });
    start = end;
  }
  return out;
}

/**
 * The first instant after `t` at which a local clock hour of `timezone` ends: the clock running up
 * to it shows a whole hour there. At an offset change that is the end of the hour on the clock of
 * before (Lord Howe turns 02:00 daylight back to 01:30: the 01:00 hour ends at that instant, and
 * 01:30–02:00 is a half-hour row of its own), so no row is longer than an hour.
 */
function nextClockHour(t: number, timezone: string): number {
  const offset = offsetAt(t, timezone);
  const candidate = t + (HOUR_MS - mod(t + offset, HOUR_MS));
  if (offsetAt(candidate - 1, timezone) === offset) return candidate;
  // The offset changed inside the hour: go on from the change, on the new clock.
  const change = firstOffsetChange(t, candidate - 1, timezone, offset);
  return mod(change + offsetAt(change, timezone), HOUR_MS) === 0
    ? change
    : nextClockHour(change, timezone);
}

/** The first millisecond in `(from, to]` whose offset is not `offset` (one exists at `to`). */
function firstOffsetChange(from: number, to: number, timezone: string, offset: number): number {
  let [low, high] = [from, to];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle, timezone) === offset) low = middle;
    else high = middle;
  }
  return high;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** Parts per millisecond of a segment; throws a RangeError for a missing or non-positive pace. */
function partsPerMs(segment: OrderSegment): number {
  const { idealCycleTimeSeconds: cycle, partsPerSecond: rate } = segment;
  if ((cycle === undefined) === (rate === undefined)) {
    throw new RangeError(
      `Order ${segment.orderId}: give either idealCycleTimeSeconds or partsPerSecond`,
    );
  }
  if (cycle !== undefined) {
    if (!(Number.isFinite(cycle) && cycle > 0)) {
      throw new RangeError(`Order ${segment.orderId}: invalid ideal cycle time ${cycle}`);
    }
    return 1 / (cycle * SECOND_MS);
  }
  if (rate === undefined || !(Number.isFinite(rate) && rate > 0)) {
    throw new RangeError(`Order ${segment.orderId}: invalid rate ${String(rate)}`);
  }
  return rate / SECOND_MS;
}

/** Parts due over `ms` milliseconds of a segment: by division for a cycle time (exact for whole numbers). */
function partsIn(segment: OrderSegment, ms: number): number {
  return segment.idealCycleTimeSeconds !== undefined
    ? ms / (segment.idealCycleTimeSeconds * SECOND_MS)
    : ms * partsPerMs(segment);
}

const whole = (due: number): number => Math.floor(due + DUE_EPSILON);

/**
 * The hour-by-hour plan of one shift occurrence: for each clock hour (clipped to the shift), the
 * seconds of planned production (order time inside the shift, less breaks and planned stops) and
 * the whole parts due. Parts are due continuously at each order's pace from the shift's start;
 * an hour's target is `floor(cumulative due at its end) − floor(cumulative due at its start)`,
 * so fractions carry over and the targets add up to the shift's whole target.
 */
export function hourlyTargets(input: HourTargetInput): HourTarget[] {
  const { shift } = input;
  if (!(shift.end > shift.start)) throw new RangeError('The shift occurrence is empty');
  const available = subtractIntervals(
    [shift],
    mergeIntervals([...input.breaks, ...input.plannedStops]),
  );
  // Each order's productive time, overlaps given to the order listed first.
  let taken: Interval[] = [];
  const productive = input.orders.map((segment) => {
    partsPerMs(segment); // validates the pace up front
    const own = subtractIntervals(clipIntervals([segment], shift), taken);
    taken = mergeIntervals([...taken, ...own]);
    return { segment, time: intersectIntervals(own, available) };
  });

  let cumulativeDue = 0;
  let cumulativeTarget = 0;
  return clockHours(shift, input.timezone).map((hour) => {
    const orders: HourTargetOrder[] = [];
    let due = 0;
    let plannedMs = 0;
    for (const { segment, time } of productive) {
      const ms = overlapLength(hour, time);
      if (ms <= 0) continue;
      plannedMs += ms;
      due += partsIn(segment, ms);
      orders.push({ orderId: segment.orderId, plannedSeconds: ms / SECOND_MS });
    }
    const before = whole(cumulativeDue);
    cumulativeDue += due;
    const target = whole(cumulativeDue) - before;
    cumulativeTarget += target;
    return {
      start: hour.start,
      end: hour.end,
      plannedSeconds: plannedMs / SECOND_MS,
      cumulativeDue,
      target,
      cumulativeTarget,
      orders,
    };
  });
}
