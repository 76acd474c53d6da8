import {
  type Interval,
  clipIntervals,
  containsInstant,
  intersectIntervals,
  overlapLength,
  subtractIntervals,
  totalLength,
  unionIntervals,
} from './intervals.js';
import { type OeeResult, type OeeTotals, computeOeeFromTotals } from './roll-up.js';
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
}

/** The time inputs of one equipment over one window. */
export interface TimeModelInput {
  /** The window `[start, end)` in epoch ms; calendar time = its length. */
  window: Interval;
  /** Shift time (from the shift calendar); may reach outside the window and overlap itself. */
  plannedOperation: readonly Interval[];
  /** Breaks, planned maintenance, no-order time; only the part inside planned operation counts. */
  plannedDowntime: readonly Interval[];
  /** The equipment's state timeline, e.g. from `buildStateTimeline`. */
  timeline: readonly StateSegment[];
  /** Stops and idle stretches shorter than this are micro-stops (minor stops). */
  microStopThresholdSeconds: number;
}

export interface OeeInput extends TimeModelInput {
  counts: readonly CountEvent[];
}

/** The ISO 22400-2 time model of one equipment over one window, in milliseconds. */
export interface TimeModel {
  /** Calendar time: the window's length. */
  calendarMs: number;
  /** POT: planned operation (shift) time ∩ window. */
  plannedOperation: Interval[];
  /** PDT: (planned downtime ∪ `planned_stop` segments) ∩ planned operation ∩ window. */
  plannedDowntime: Interval[];
  /** PBT: planned operation − planned downtime. Everything below lies inside it. */
  plannedBusy: Interval[];
  /** APT: `running`. */
  runMs: number;
  /** ASUT: `changeover`. */
  setupMs: number;
  /** ADOT: `stopped` / `idle` stretches ≥ threshold, plus unknown time. */
  downMs: number;
  /** Part of `downMs` with no known state (before the first event, or not covered by the timeline). */
  unknownMs: number;
  /** ADET: `stopped` / `idle` stretches < threshold (micro-stops). */
  minorStopMs: number;
  /** Number of failures: `stopped` stretches ≥ threshold that start inside PBT. */
  failureCount: number;
  /** PBT time spent in `stopped` stretches ≥ threshold (wherever they started). */
  failureMs: number;
}

function episodeLength(segment: StateSegment): number {
  const start = segment.episodeStart ?? segment.start;
  const end = segment.episodeEnd === undefined ? segment.end : (segment.episodeEnd ?? Infinity);
  return end - start;
}

/**
 * Splits the window's time into the ISO 22400-2 time elements.
 *
 * - Time outside planned operation is not counted at all, whatever the machine did.
 * - Inside planned busy time, every instant is counted exactly once: by the first segment
 *   (in time order) that covers it, or as unknown when no segment does. So
 *   APT + ASUT + ADOT + ADET = PBT exactly.
 * - A stop or idle stretch is a micro-stop when its whole length (its episode, not the part
 *   clipped to the window) is shorter than the threshold. A stretch still going on (no later
 *   state event) is not yet known to be short, so it counts as down time.
 */
export function classifyTime(input: TimeModelInput): TimeModel {
  const { window } = input;
  const thresholdMs = input.microStopThresholdSeconds * 1000;
  if (!(thresholdMs >= 0)) throw new RangeError('microStopThresholdSeconds must be ≥ 0');
  const calendarMs = Math.max(0, window.end - window.start);

  const plannedOperation = clipIntervals(input.plannedOperation, window);
  const plannedStops = input.timeline
    .filter((s) => s.state === 'planned_stop')
    .map((s) => ({ start: s.start, end: s.end }));
  const plannedDowntime = intersectIntervals(
    unionIntervals(input.plannedDowntime, plannedStops),
    plannedOperation,
  );
  const plannedBusy = subtractIntervals(plannedOperation, plannedDowntime);
  const pbtMs = totalLength(plannedBusy);

  let runMs = 0;
  let setupMs = 0;
  let stateDownMs = 0;
  let minorStopMs = 0;
  let failureCount = 0;
  let failureMs = 0;

  const ordered = [...input.timeline].sort((a, b) => a.start - b.start || a.end - b.end);
  let claimedUntil = -Infinity;
  for (const segment of ordered) {
    const start = Math.max(segment.start, claimedUntil);
    if (!(segment.end > start)) continue;
    claimedUntil = segment.end;
    const ms = overlapLength({ start, end: segment.end }, plannedBusy);
    switch (segment.state) {
      case 'running':
        runMs += ms;
        break;
      case 'changeover':
        setupMs += ms;
        break;
      case 'planned_stop':
        // Already planned downtime: no planned busy time left under it.
        break;
      case 'unknown':
        // Counted below with the planned busy time no segment covers.
        break;
      case 'stopped':
      case 'idle': {
        if (episodeLength(segment) < thresholdMs) {
          minorStopMs += ms;
          break;
        }
        stateDownMs += ms;
        if (segment.state === 'stopped') {
          failureMs += ms;
          const episodeStart = segment.episodeStart ?? segment.start;
          // Count each failure once, where it starts (so split windows add up).
          if (segment.start === episodeStart && containsInstant(plannedBusy, episodeStart)) {
            failureCount += 1;
          }
        }
        break;
      }
    }
  }
  // `unknown` segments and planned busy time no segment covers: no known state. The segments
  // counted above are disjoint and inside PBT, so this is never negative.
  const unknownMs = pbtMs - runMs - setupMs - stateDownMs - minorStopMs;
  return {
    calendarMs,
    plannedOperation,
    plannedDowntime,
    plannedBusy,
    runMs,
    setupMs,
    downMs: stateDownMs + unknownMs,
    unknownMs,
    minorStopMs,
    failureCount,
    failureMs,
  };
}

function compareCounts(a: CountEvent, b: CountEvent): number {
  return (
    a.ts - b.ts ||
    a.good - b.good ||
    a.reject - b.reject ||
    (a.rework ?? 0) - (b.rework ?? 0) ||
    a.idealCycleTimeSeconds - b.idealCycleTimeSeconds
  );
}

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
    const seen = byId.get(count.eventId);
    if (seen === undefined || compareCounts(count, seen) < 0) byId.set(count.eventId, count);
  }
  // A fixed order, so that sums do not depend on arrival order even in the last bit.
  return [...byId.values()].sort(
    (a, b) => a.ts - b.ts || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
  );
}

/** Good / reject / rework and ideal production time of the count events inside planned busy time. */
export function sumCounts(
  counts: readonly CountEvent[],
  plannedBusy: readonly Interval[],
): Pick<OeeTotals, 'good' | 'reject' | 'rework' | 'idealSeconds'> {
  let good = 0;
  let reject = 0;
  let rework = 0;
  let idealSeconds = 0;
  for (const count of dedupeCounts(counts)) {
    if (!containsInstant(plannedBusy, count.ts)) continue;
    const rw = count.rework ?? 0;
    good += count.good;
    reject += count.reject;
    rework += rw;
    idealSeconds += (count.good + count.reject + rw) * count.idealCycleTimeSeconds;
  }
  return { good, reject, rework, idealSeconds };
}

/** The totals of one equipment over one window (times in seconds). */
export function computeTotals(input: OeeInput): Required<OeeTotals> {
  const model = classifyTime(input);
  return {
    calendarSeconds: model.calendarMs / 1000,
    plannedOperationSeconds: totalLength(model.plannedOperation) / 1000,
    plannedDowntimeSeconds: totalLength(model.plannedDowntime) / 1000,
    runSeconds: model.runMs / 1000,
    setupSeconds: model.setupMs / 1000,
    downSeconds: model.downMs / 1000,
    minorStopSeconds: model.minorStopMs / 1000,
    unknownSeconds: model.unknownMs / 1000,
    ...sumCounts(input.counts, model.plannedBusy),
    failureCount: model.failureCount,
    failureSeconds: model.failureMs / 1000,
  };
}

/**
 * OEE of one equipment over one window: the ISO 22400-2 times, the counts, every KPI, the six
 * big losses and the flags. Only count events whose `ts` lies in planned busy time count.
 */
export function computeOee(input: OeeInput): OeeResult {
  return computeOeeFromTotals(computeTotals(input));
}
