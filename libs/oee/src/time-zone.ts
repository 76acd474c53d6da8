/**
 * Local wall-clock time ↔ UTC for IANA time zones, with nothing but `Intl.DateTimeFormat`.
 *
 * A "wall time" here is a local date and clock time written as if it were UTC milliseconds
 * (`Date.UTC(y, m - 1, d, h, min)`), which makes calendar arithmetic on it plain addition.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws a RangeError for an unknown time zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError unless `timeZone` is an IANA zone name the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall time (see module comment) that `instant` shows on clocks in `timeZone`. */
export function wallTimeAt(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const bc = parts.find((p) => p.type === 'era')?.value.startsWith('B') ?? false;
  const year = field('year');
  const month = field('month');
  const day = field('day');
  const hour = field('hour');
  const minute = field('minute');
  const second = field('second');
  const date = new Date(0);
  date.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  // Intl drops milliseconds: keep the instant's own sub-second part.
  return date.getTime() + (((instant % 1000) + 1000) % 1000);
}

/** UTC offset of `timeZone` at `instant`, in milliseconds (local = UTC + offset). */
export function offsetAt(instant: number, timeZone: string): number {
  return wallTimeAt(instant, timeZone) - instant;
}

/**
 * The instant at which clocks in `timeZone` show `wallTime`, with Temporal's `'compatible'`
 * disambiguation:
 * - a wall time that occurs twice (clocks turned back) maps to the earlier instant;
 * - a wall time that does not exist (clocks turned forward) maps forward by the length of
 *   the gap, i.e. it is read with the offset in force before the change
 *   (02:30 on a Berlin spring-forward night → 03:30 CEST = 01:30 UTC).
 *
 * Assumes at most one offset change within a day either side, which holds for every real zone.
 */
export function wallTimeToInstant(wallTime: number, timeZone: string): number {
  const offsetBefore = offsetAt(wallTime - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallTime + DAY_MS, timeZone);
  const candidates = [wallTime - offsetBefore, wallTime - offsetAfter].filter(
    (instant) => wallTimeAt(instant, timeZone) === wallTime,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read the wall time with the offset in force before the gap.
  return wallTime - offsetBefore;
}

/** Days since 1970-01-01 of the local date that `instant` falls on in `timeZone`. */
export function localDayNumber(instant: number, timeZone: string): number {
  return Math.floor(wallTimeAt(instant, timeZone) / DAY_MS);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number as returned by {@link localDayNumber}. */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Parses `HH:MM` (00:00–23:59) into minutes after midnight; throws a RangeError otherwise. */
export function parseClockTime(value: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (match === null) throw new RangeError(`Invalid clock time "${value}", expected HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export const MS_PER_MINUTE = MINUTE_MS;
export const MS_PER_DAY = DAY_MS;
