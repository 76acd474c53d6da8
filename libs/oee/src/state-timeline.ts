import { type Interval } from './intervals.js';

/** Machine states a gateway reports. */
export type MachineState = 'running' | 'idle' | 'stopped' | 'changeover' | 'planned_stop';

/** A state on the timeline: a reported state, or `unknown` before the first known one. */
export type TimelineState = MachineState | 'unknown';

/** A state change of one equipment; the state holds until its next state event. */
export interface StateEvent {
  eventId: string;
  /** Epoch milliseconds. */
  ts: number;
  state: MachineState;
  reasonCode?: string;
}

/** A stretch of one state, clipped to the window the timeline was built for. */
export interface StateSegment extends Interval {
  state: TimelineState;
  reasonCode?: string;
  /** The event that started this segment (absent for `unknown`). */
  eventId?: string;
  /**
   * The whole unbroken stretch of this state (consecutive events with the same state,
   * whatever their reason codes), not clipped to the window: its length decides whether a
   * stop is a micro-stop. `episodeEnd` is `null` while no later state event is known
   * (the state is still going on). {@link buildStateTimeline} always sets both; when a
   * hand-made segment leaves them out, the segment's own bounds are used.
   */
  episodeStart?: number;
  episodeEnd?: number | null;
}

export interface BuildStateTimelineOptions {
  /**
   * The last state event before the window, so the window does not start `unknown`.
   * It may also simply be included in `events`.
   */
  stateBefore?: StateEvent;
}

function compareEvents(a: StateEvent, b: StateEvent): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  if (a.eventId !== b.eventId) return a.eventId < b.eventId ? -1 : 1;
  // Same eventId, different content (should not happen): pick deterministically.
  if (a.state !== b.state) return a.state < b.state ? -1 : 1;
  const ra = a.reasonCode ?? '';
  const rb = b.reasonCode ?? '';
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

/**
 * Deduplicates state events by `eventId` and sorts them by `ts`, then `eventId`. When two
 * events share an `eventId` but differ, the one that sorts first is kept, so the result
 * never depends on arrival order.
 */
export function normalizeStateEvents(events: readonly StateEvent[]): StateEvent[] {
  const byId = new Map<string, StateEvent>();
  for (const event of events) {
    if (!Number.isFinite(event.ts))
      throw new RangeError(`State event ${event.eventId} has no valid ts`);
    const seen = byId.get(event.eventId);
    if (seen === undefined || compareEvents(event, seen) < 0) byId.set(event.eventId, event);
  }
  return [...byId.values()].sort(compareEvents);
}

/**
 * The state timeline of one equipment over `window`: non-overlapping, time-ordered segments
 * covering the whole window. A state holds from its event's `ts` until the next event; two
 * events at the same `ts` resolve to the one with the greater `eventId`. Consecutive events
 * with the same state and reason code make one segment. Time before the first known state
 * is `unknown`. The result is the same whatever the order of, and duplicates in, `events`.
 */
export function buildStateTimeline(
  events: readonly StateEvent[],
  window: Interval,
  options: BuildStateTimelineOptions = {},
): StateSegment[] {
  const all = options.stateBefore === undefined ? events : [...events, options.stateBefore];
  const sorted = normalizeStateEvents(all);
  // Drop events superseded at the same instant.
  const effective = sorted.filter((e, i) => {
    const next = sorted[i + 1];
    return next === undefined || next.ts > e.ts;
  });

  // Episode bounds: runs of consecutive events with the same state.
  const episodeStarts: number[] = [];
  const episodeEnds: Array<number | null> = [];
  for (let i = 0; i < effective.length; i++) {
    const event = effective[i] as StateEvent;
    const previous = effective[i - 1];
    episodeStarts.push(
      previous !== undefined && previous.state === event.state
        ? (episodeStarts[i - 1] as number)
        : event.ts,
    );
  }
  for (let i = effective.length - 1; i >= 0; i--) {
    const event = effective[i] as StateEvent;
    const next = effective[i + 1];
    if (next === undefined) episodeEnds[i] = null;
    else if (next.state === event.state) episodeEnds[i] = episodeEnds[i + 1] ?? null;
    else episodeEnds[i] = next.ts;
  }

  if (!(window.end > window.start)) return [];
  const out: StateSegment[] = [];
  const first = effective[0];
  const unknownEnd = first === undefined ? window.end : Math.min(first.ts, window.end);
  if (unknownEnd > window.start) {
    out.push({
      start: window.start,
      end: unknownEnd,
      state: 'unknown',
      episodeStart: window.start,
      episodeEnd: unknownEnd,
    });
  }
  for (let i = 0; i < effective.length; i++) {
    const event = effective[i] as StateEvent;
    const nextTs = effective[i + 1]?.ts ?? Infinity;
    const start = Math.max(event.ts, window.start);
    const end = Math.min(nextTs, window.end);
    if (!(end > start)) continue;
    const last = out[out.length - 1];
    if (
      last !== undefined &&
      last.end === start &&
      last.state === event.state &&
      last.reasonCode === event.reasonCode
    ) {
      last.end = end;
      continue;
    }
    const segment: StateSegment = {
      start,
      end,
      state: event.state,
      eventId: event.eventId,
      episodeStart: episodeStarts[i] ?? event.ts,
      episodeEnd: episodeEnds[i] ?? null,
    };
    if (event.reasonCode !== undefined) segment.reasonCode = event.reasonCode;
    out.push(segment);
  }
  return out;
}
