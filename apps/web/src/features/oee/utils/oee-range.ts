import type { OEE_BUCKETS } from '@ms5/contracts';

export type OeeBucket = (typeof OEE_BUCKETS)[number];

export const RANGE_PRESETS = ['shift', 'today', 'week'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABELS: Record<RangePreset, string> = {
  shift: 'Current shift',
  today: 'Today',
  week: 'Last 7 days',
};

export interface TimeRange {
  from: string;
  to: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function isRangePreset(value: string | null): value is RangePreset {
  return value !== null && (RANGE_PRESETS as readonly string[]).includes(value);
}

/**
 * The window a preset stands for at `now`: the shift the overview reports (its `window`), the day
 * so far (local midnight to now), or the last seven days. The end is rounded up to the next
 * minute so that the query keys (and the server's cache) stay put within a minute.
 */
export function rangeFor(
  preset: RangePreset,
  now: number,
  shiftWindow: TimeRange | undefined,
): TimeRange | undefined {
  const end = Math.ceil((now + 1) / MINUTE_MS) * MINUTE_MS;
  switch (preset) {
    case 'shift':
      return shiftWindow === undefined
        ? undefined
        : {
            from: shiftWindow.from,
            to: new Date(Math.max(end, Date.parse(shiftWindow.from) + MINUTE_MS)).toISOString(),
          };
    case 'today': {
      const midnight = new Date(now);
      midnight.setHours(0, 0, 0, 0);
      return { from: midnight.toISOString(), to: new Date(end).toISOString() };
    }
    case 'week':
      return { from: new Date(end - 7 * DAY_MS).toISOString(), to: new Date(end).toISOString() };
  }
}

/** Hours for up to two days, days beyond that. */
export function bucketFor(range: TimeRange): OeeBucket {
  return Date.parse(range.to) - Date.parse(range.from) <= 2 * DAY_MS ? 'hour' : 'day';
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
