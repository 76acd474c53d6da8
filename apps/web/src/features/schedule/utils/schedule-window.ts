import type { ProductionOrder } from '@ms5/contracts';
import { addDays, localDay, parseLocalDay, toIsoWithOffset } from '@/lib/local-time';

/** The timeline shows eight days: from yesterday to a week ahead (local midnights). */
export const WINDOW_DAYS = 8;
/** Previous / next move by a week. */
export const WINDOW_STEP_DAYS = 7;

export interface ScheduleWindow {
  /** First day shown, `YYYY-MM-DD`. */
  startDay: string;
  /** ISO with offset, for the API: `[from, to)`. */
  from: string;
  to: string;
  fromMs: number;
  toMs: number;
}

/** Local midnight of yesterday: the default first day. */
function yesterday(now: Date): Date {
  return addDays(new Date(now.getFullYear(), now.getMonth(), now.getDate()), -1);
}

/** Yesterday, the default first day, as `YYYY-MM-DD`. */
export function defaultStartDay(now: Date): string {
  return localDay(yesterday(now));
}

/** The window that starts on `startDay` (a bad day falls back to the default). */
export function scheduleWindow(startDay: string | null, now: Date): ScheduleWindow {
  const start = (startDay === null ? undefined : parseLocalDay(startDay)) ?? yesterday(now);
  const end = addDays(start, WINDOW_DAYS);
  return {
    startDay: localDay(start),
    from: toIsoWithOffset(start),
    to: toIsoWithOffset(end),
    fromMs: start.getTime(),
    toMs: end.getTime(),
  };
}

/** The first day of the window `steps` weeks away. */
export function shiftStartDay(window: ScheduleWindow, steps: number): string {
  return localDay(addDays(new Date(window.fromMs), steps * WINDOW_STEP_DAYS));
}

export interface DayTick {
  day: string;
  /** Percent from the left edge. */
  left: number;
  label: string;
}

const tickFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

export function dayTicks(window: ScheduleWindow): DayTick[] {
  const ticks: DayTick[] = [];
  const span = window.toMs - window.fromMs;
  for (let date = new Date(window.fromMs); date.getTime() < window.toMs; date = addDays(date, 1)) {
    ticks.push({
      day: localDay(date),
      left: ((date.getTime() - window.fromMs) / span) * 100,
      label: tickFormat.format(date),
    });
  }
  return ticks;
}

export interface BarGeometry {
  /** Percent of the window from the left edge, and wide. */
  left: number;
  width: number;
  /** The order starts before / ends after the window. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** Where an order's planned window sits on the timeline; undefined when it is outside. */
export function barGeometry(
  order: Pick<ProductionOrder, 'plannedStart' | 'plannedEnd'>,
  window: ScheduleWindow,
): BarGeometry | undefined {
  const start = Date.parse(order.plannedStart);
  const end = Date.parse(order.plannedEnd);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= window.fromMs || start >= window.toMs) {
    return undefined;
  }
  const span = window.toMs - window.fromMs;
  const visibleStart = Math.max(start, window.fromMs);
  const visibleEnd = Math.min(end, window.toMs);
  return {
    left: ((visibleStart - window.fromMs) / span) * 100,
    width: ((visibleEnd - visibleStart) / span) * 100,
    clippedStart: start < window.fromMs,
    clippedEnd: end > window.toMs,
  };
}

/** Where `now` sits, in percent; undefined outside the window. */
export function nowPosition(window: ScheduleWindow, now: number): number | undefined {
  if (now < window.fromMs || now >= window.toMs) return undefined;
  return ((now - window.fromMs) / (window.toMs - window.fromMs)) * 100;
}
