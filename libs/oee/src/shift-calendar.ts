import { type Interval, clipIntervals, intersectIntervals, mergeIntervals } from './intervals.js';
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  assertTimeZone,
  formatDayNumber,
  isoWeekday,
  localDayNumber,
  parseClockTime,
  wallTimeToInstant,
} from './time-zone.js';

/** A break: planned downtime inside every occurrence of its shift. */
export interface ShiftBreak {
  /** Local clock time `HH:MM`; a time before the shift's start time lies after midnight. */
  startTime: string;
  /** Elapsed minutes (real time, so a break over a DST change is still this long). */
  durationMinutes: number;
}

/** A shift that repeats every day (or on the given weekdays) in its own time zone. */
export interface ShiftPattern {
  /** Local clock time `HH:MM` at which the shift starts. */
  startTime: string;
  /** Local clock time `HH:MM`; `endTime <= startTime` means the shift ends the next day. */
  endTime: string;
  /** IANA time zone, e.g. `Europe/Berlin`, `UTC`. */
  timezone: string;
  breaks: readonly ShiftBreak[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) of the local date on which the shift starts; default every day. */
  days?: readonly number[];
}

/** One occurrence of a shift, in UTC epoch milliseconds, half-open. */
export interface ShiftOccurrence extends Interval {
  /** Local date (`YYYY-MM-DD`) on which this occurrence starts. */
  localDate: string;
  /** The breaks of this occurrence, clipped to it, sorted and merged. */
  breaks: Interval[];
}

/**
 * Occurrences of `pattern` that overlap `[from, to)`, sorted by start, not clipped.
 *
 * Local times are converted with Temporal's `'compatible'` rule: a start, end or break time
 * that does not exist (spring forward) moves forward by the gap; one that occurs twice
 * (fall back) takes the earlier instant. So a 22:00–06:00 shift lasts 7 h on a
 * spring-forward night and 9 h on a fall-back night.
 */
export function shiftOccurrences(
  pattern: ShiftPattern,
  from: number,
  to: number,
): ShiftOccurrence[] {
  assertTimeZone(pattern.timezone);
  const startMinute = parseClockTime(pattern.startTime);
  const endMinute = parseClockTime(pattern.endTime);
  const crossesMidnight = endMinute <= startMinute;
  const breaks = pattern.breaks.map((b) => {
    if (!Number.isFinite(b.durationMinutes) || b.durationMinutes < 0) {
      throw new RangeError(`Invalid break duration ${b.durationMinutes}`);
    }
    const minute = parseClockTime(b.startTime);
    return { minute, nextDay: minute < startMinute, durationMs: b.durationMinutes * MS_PER_MINUTE };
  });
  const days = pattern.days;
  if (days !== undefined) {
    for (const day of days) {
      if (!Number.isInteger(day) || day < 1 || day > 7)
        throw new RangeError(`Invalid weekday ${day}`);
    }
  }
  if (!(to > from)) return [];

  const zone = pattern.timezone;
  const at = (dayNumber: number, minute: number): number =>
    wallTimeToInstant(dayNumber * MS_PER_DAY + minute * MS_PER_MINUTE, zone);

  // A shift starting the local day before `from` may still be running at `from`.
  const firstDay = localDayNumber(from, zone) - 1;
  const lastDay = localDayNumber(to, zone);
  const out: ShiftOccurrence[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (days !== undefined && !days.includes(isoWeekday(day))) continue;
    const start = at(day, startMinute);
    const end = at(crossesMidnight ? day + 1 : day, endMinute);
    if (!(end > from && start < to) || !(end > start)) continue;
    const breakIntervals = breaks.map((b) => {
      const breakStart = at(b.nextDay ? day + 1 : day, b.minute);
      return { start: breakStart, end: breakStart + b.durationMs };
    });
    out.push({
      start,
      end,
      localDate: formatDayNumber(day),
      breaks: clipIntervals(breakIntervals, { start, end }),
    });
  }
  return out;
}

/** Planned operation time (shift time) and the calendar's planned downtime (breaks) in a window. */
export interface PlannedTime {
  /** Union of all shift occurrences, clipped to the window. */
  plannedOperation: Interval[];
  /** Union of all breaks, clipped to the window (and so inside planned operation). */
  plannedDowntime: Interval[];
}

/**
 * Planned time of one or more shift patterns (e.g. early, late and night shift of a line) in
 * `window`. Overlapping shifts count once; a break of one shift that overlaps another shift's
 * working time is still planned downtime.
 */
export function plannedTimeFromShifts(
  patterns: readonly ShiftPattern[],
  window: Interval,
): PlannedTime {
  const occurrences = patterns.flatMap((p) => shiftOccurrences(p, window.start, window.end));
  const plannedOperation = clipIntervals(occurrences, window);
  const plannedDowntime = intersectIntervals(
    mergeIntervals(occurrences.flatMap((o) => o.breaks)),
    plannedOperation,
  );
  return { plannedOperation, plannedDowntime };
}
