import type { HourByHourRow } from '@ms5/contracts';
import { formatDuration } from '@/lib/format';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = timeFormats.get(timeZone);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    try {
      format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      // An unknown zone name: UTC rather than nothing (the header names the zone).
      format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    }
    timeFormats.set(timeZone, format);
  }
  return format;
}

/** An instant as the wall clock of `timeZone` shows it: "06:00". */
export function formatClock(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : timeFormat(timeZone).format(time);
}

/** A half-open hour `[start, end)` in the shift's time zone: "06:00–07:00". */
export function formatHourRange(start: string, end: string, timeZone: string): string {
  return `${formatClock(start, timeZone)}–${formatClock(end, timeZone)}`;
}

/** A gap with its sign: 5 → "+5", −3 → "-3", 0 → "0". */
export function formatSigned(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

export type GapTone = 'ahead' | 'behind' | 'even';

export function gapTone(value: number): GapTone {
  if (value > 0) return 'ahead';
  if (value < 0) return 'behind';
  return 'even';
}

/**
 * How an hour is shown: `short` (ended below target), `made` (ended on or above target),
 * `unplanned` (ended with nothing planned), `current` (running now), `future` (not begun).
 */
export type HourTone = 'short' | 'made' | 'unplanned' | 'current' | 'future';

export function hourTone(row: HourByHourRow): HourTone {
  switch (row.phase) {
    case 'current':
      return 'current';
    case 'future':
      return 'future';
    case 'past':
      if (row.short) return 'short';
      return row.target === 0 && row.plannedSeconds === 0 && row.actualGood === 0
        ? 'unplanned'
        : 'made';
  }
}

/** The top loss of a short hour: "Jam · 12 min"; a short hour without stops lost speed, not time. */
export function formatTopLoss(row: HourByHourRow): string {
  if (!row.short) return '';
  if (row.topLoss === null) return 'No stop recorded';
  return `${row.topLoss.reasonName} · ${formatDuration(row.topLoss.seconds)}`;
}

const localDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** A local date ("2026-03-10") as "Tue, 10 Mar 2026" (a calendar date: no time zone moves it). */
export function formatLocalDate(date: string): string {
  const time = Date.parse(`${date}T12:00:00Z`);
  return Number.isNaN(time) ? date : localDateFormat.format(time);
}

/** Today's date on the wall calendar of `timeZone`, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return new Date(now).toISOString().slice(0, 10);
  }
}
