const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** 93784 → "1 d 2 h 3 min"; under a minute → "45 s". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0 || parts.length === 0) parts.push(`${minutes} min`);
  return parts.join(' ');
}

/** 0.8881 → "88.8 %"; null or undefined (nothing was planned) → "—". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(1)} %`;
}

/** A gap with its sign: 5 → "+5", −3 → "-3", 0 → "0". */
export function formatSigned(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

export type GapTone = 'ahead' | 'behind' | 'even';

/** Whether a running gap against target is ahead, behind or even. */
export function gapTone(value: number): GapTone {
  if (value > 0) return 'ahead';
  if (value < 0) return 'behind';
  return 'even';
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    try {
      format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      // An unknown zone name: UTC rather than nothing (the screens name the zone).
      format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    }
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** An instant as the wall clock of `timeZone` shows it: "06:00". */
export function formatClock(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : clockFormat(timeZone).format(time);
}

/** A window `[from, to)` on the wall clock of `timeZone`: "06:00–14:00". */
export function formatClockRange(from: string, to: string, timeZone: string): string {
  return `${formatClock(from, timeZone)}–${formatClock(to, timeZone)}`;
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
