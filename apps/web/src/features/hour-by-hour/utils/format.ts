import type { HourByHourRow } from '@ms5/contracts';
import { formatDuration } from '@/lib/format';

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
