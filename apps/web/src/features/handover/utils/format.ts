import type { Handover } from '@ms5/contracts';

/** 0.8881 → "88.8 %"; null (nothing was planned) → "—". */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(1)} %`;
}

/** A gap with its sign: 5 → "+5", −3 → "-3", 0 → "0". */
export function formatSigned(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

export function gapTone(value: number): 'ahead' | 'behind' | 'even' {
  if (value > 0) return 'ahead';
  if (value < 0) return 'behind';
  return 'even';
}

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  }
}

/** A shift window in its own time zone: "06:00–14:00". */
export function formatWindow(from: string, to: string, timeZone: string): string {
  const format = clockFormat(timeZone);
  const clock = (iso: string) => {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : format.format(time);
  };
  return `${clock(from)}–${clock(to)}`;
}

const localDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** A local date ("2026-03-10") as "Tue 10 Mar 2026". */
export function formatLocalDate(date: string): string {
  const time = Date.parse(`${date}T12:00:00Z`);
  return Number.isNaN(time) ? date : localDateFormat.format(time);
}

/** "Early · Tue 10 Mar 2026 · 06:00–14:00" */
export function formatShift(
  shift: Pick<Handover['shift'], 'name' | 'date' | 'timezone'>,
  from: string,
  to: string,
): string {
  return `${shift.name} · ${formatLocalDate(shift.date)} · ${formatWindow(from, to, shift.timezone)}`;
}
