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
import {
  type ApportionedCount,
  type CountEvent,
  apportionCounts,
  partsInWindow,
} from './count-attribution.js';
import { type OeeResult, type OeeTotals, computeOeeFromTotals } from './roll-up.js';
import { type StateSegment } from './state-timeline.js';

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
  /**
   * Count events whose parts may fall in the window: their intervals (`since`) are spread over
   * the timeline's running time, so the timeline must cover them (it may reach beyond the window).
   */
  counts: readonly CountEvent[];
  /**
   * The same counts already apportioned ({@link apportionCounts}), when one caller computes many
   * windows over the same counts; `counts` is then ignored.
   */
  apportioned?: readonly ApportionedCount[];
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
  /** `running` anywhere in the window, planned busy time or not. */
  machineRunMs: number;
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
  let machineRunMs = 0;
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
        machineRunMs += overlapLength({ start, end: segment.end }, [window]);
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
    machineRunMs,
    setupMs,
    downMs: stateDownMs + unknownMs,
    unknownMs,
    minorStopMs,
    failureCount,
    failureMs,
  };
}

function countTotals(
  input: OeeInput,
  plannedBusy: readonly Interval[],
): Pick<
  Required<OeeTotals>,
  'good' | 'reject' | 'rework' | 'idealSeconds' | 'outsidePlannedParts'
> {
  const apportioned = input.apportioned ?? apportionCounts(input.counts, input.timeline);
  const parts = partsInWindow(apportioned, input.window, plannedBusy);
  return {
    good: parts.good,
    reject: parts.reject,
    rework: parts.rework,
    idealSeconds: parts.idealSeconds,
    outsidePlannedParts: parts.outsidePlanned,
  };
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
    ...countTotals(input, model.plannedBusy),
    failureCount: model.failureCount,
    failureSeconds: model.failureMs / 1000,
    machineRunSeconds: model.machineRunMs / 1000,
  };
}

/**
 * OEE of one equipment over one window: the ISO 22400-2 times, the counts, every KPI, the six
 * big losses and the flags. A count's parts count in the window they were made in (see
 * {@link ApportionedCount}); parts made outside planned busy time count too, and are flagged.
 */
export function computeOee(input: OeeInput): OeeResult {
  return computeOeeFromTotals(computeTotals(input));
}
