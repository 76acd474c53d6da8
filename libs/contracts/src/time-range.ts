import { z } from 'zod';

const DAY_MS = 86_400_000;

/**
 * The times the API takes: from 1970 up to the start of 9999. Outside, `Date` writes years that
 * PostgreSQL does not read (`0000-…`, `-000001-…`, `+010000-…`, reached by an offset or a
 * default window), and no plant has data there.
 */
const EARLIEST_MS = Date.parse('1970-01-01T00:00:00Z');
const LATEST_MS = Date.parse('9999-01-01T00:00:00Z');
export const TIME_REACH_MESSAGE = 'Must be between 1970-01-01 and 9999-01-01';
/** Not a time at all is the format's issue, reported once by it. */
const withinReach = (ms: number): boolean =>
  Number.isNaN(ms) || (ms >= EARLIEST_MS && ms < LATEST_MS);

/** An ISO 8601 time with an offset (`2026-03-01T06:00:00+01:00`), within reach. */
export const instantSchema = (message = 'Must be an ISO 8601 time with an offset') =>
  z.iso
    .datetime({ offset: true, message })
    .refine((text) => withinReach(Date.parse(text)), TIME_REACH_MESSAGE);

/** A calendar date (`2026-03-01`), within reach. */
export const calendarDateSchema = (message = 'Must be a date (YYYY-MM-DD)') =>
  z.iso
    .date(message)
    .refine((text) => withinReach(Date.parse(`${text}T00:00:00Z`)), TIME_REACH_MESSAGE);

export interface TimeRangeRule<K extends string> {
  /** The fields holding the range's start and end (ISO 8601 times). */
  start: K;
  end: K;
  /** An empty range (end = start) is allowed; otherwise the end must come after the start. */
  allowEmpty?: boolean;
  /** The longest range allowed, in days. */
  maxDays?: number;
}

/**
 * The one check of a time range, for `.superRefine`: an end before its start is an issue on the
 * end field ("Must be after from"), as is a range longer than `maxDays`. A bound left out or not
 * a time is not checked here; its own field reports it.
 */
export function checkTimeRange<K extends string>(rule: TimeRangeRule<K>) {
  const { start, end, allowEmpty = false, maxDays } = rule;
  return (value: Partial<Record<K, string | null>>, ctx: z.RefinementCtx): void => {
    const from = value[start];
    const to = value[end];
    if (typeof from !== 'string' || typeof to !== 'string') return;
    const span = Date.parse(to) - Date.parse(from);
    if (Number.isNaN(span)) return;
    if (allowEmpty ? span < 0 : span <= 0) {
      const message = allowEmpty ? `Must not be before ${start}` : `Must be after ${start}`;
      ctx.addIssue({ code: 'custom', path: [end], message });
    } else if (maxDays !== undefined && span > maxDays * DAY_MS) {
      ctx.addIssue({
        code: 'custom',
        path: [end],
        message: `At most ${maxDays} days after ${start}`,
      });
    }
  };
}

/** `from`…`to` of a query: the end after the start, at most 400 days later when `maxDays`. */
export const checkWindow = (maxDays?: number) =>
  checkTimeRange({ start: 'from', end: 'to', ...(maxDays === undefined ? {} : { maxDays }) });
