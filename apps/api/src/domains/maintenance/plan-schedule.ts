import type { CalendarUnit, PlanMeters, PlanNextDue, PlanTrigger } from '@ms5/contracts';

/**
 * When a preventive plan is due: framework-free, so that the rules are tested on their own.
 *
 * - The first trigger reached wins: the plan is due when any of its triggers is.
 * - Fixed (`floating: false`): calendar dues stay on the schedule `startAt + k · interval`, and
 *   the meters count from the last occurrence's due (or `startAt`).
 * - Floating: everything counts from the completion (or cancellation) of the last occurrence's
 *   work order (or `startAt`): an early completion moves the next due. While that work order is
 *   open, a floating plan waits.
 * - Lead time: a calendar occurrence is created `leadTimeHours` before it is due. A runtime meter
 *   is created when at most `leadTimeHours` of running are left (one hour of lead for one hour
 *   of running, as if the machine ran all along); a parts meter when its count is reached.
 */
export interface PlanScheduleState {
  startAt: number;
  floating: boolean;
  leadTimeHours: number;
  triggers: readonly PlanTrigger[];
  lastOccurrence: number;
  lastDueAt: number | null;
  /** The last occurrence's work order: completed or cancelled at, or null while it is open. */
  lastClosedAt: number | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** `at` plus `n` calendar units (months in UTC, the day clamped to the month's last). */
export function addCalendar(at: number, n: number, unit: CalendarUnit): number {
  if (unit === 'day') return at + n * DAY_MS;
  if (unit === 'week') return at + n * 7 * DAY_MS;
  const date = new Date(at);
  const month = date.getUTCMonth() + n;
  const year = date.getUTCFullYear() + Math.floor(month / 12);
  const monthOfYear = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, monthOfYear + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    monthOfYear,
    Math.min(date.getUTCDate(), lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

/** Whether a floating plan waits for its last work order to be closed. */
export function waiting(state: PlanScheduleState): boolean {
  return state.floating && state.lastOccurrence > 0 && state.lastClosedAt === null;
}

/** Where the meters (and a floating calendar) count from; null while a floating plan waits. */
export function meterOrigin(state: PlanScheduleState): number | null {
  if (state.lastOccurrence === 0) return state.startAt;
  if (state.floating) return state.lastClosedAt;
  return state.lastDueAt ?? state.startAt;
}

/** The next calendar due of a calendar trigger, or null while a floating plan waits. */
export function calendarDue(
  state: PlanScheduleState,
  trigger: { every: number; unit: CalendarUnit },
): number | null {
  const origin = meterOrigin(state);
  if (origin === null) return null;
  if (state.floating) return addCalendar(origin, trigger.every, trigger.unit);
  // Fixed: the first point of the schedule after the last occurrence's due.
  const after = state.lastDueAt ?? state.startAt;
  let k: number;
  if (trigger.unit !== 'month') {
    const step = addCalendar(0, trigger.every, trigger.unit);
    k = Math.max(1, Math.floor((after - state.startAt) / step) + 1);
  } else {
    const from = new Date(state.startAt);
    const to = new Date(after);
    const months =
      (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
    k = Math.max(1, Math.floor(months / trigger.every));
  }
  while (addCalendar(state.startAt, k * trigger.every, trigger.unit) <= after) k++;
  while (k > 1 && addCalendar(state.startAt, (k - 1) * trigger.every, trigger.unit) > after) k--;
  return addCalendar(state.startAt, k * trigger.every, trigger.unit);
}

export interface PlanEvaluation {
  nextDue: PlanNextDue;
  /** Set when an occurrence is to be created now, with the due time it carries. */
  dueNow: { dueAt: number; trigger: PlanTrigger['kind'] } | null;
}

/** The next due of each trigger, and whether the plan's next occurrence is to be created now. */
export function evaluatePlan(
  state: PlanScheduleState,
  meters: PlanMeters,
  now: number,
): PlanEvaluation {
  if (waiting(state)) return { nextDue: {}, dueNow: null };
  const leadMs = state.leadTimeHours * HOUR_MS;
  const nextDue: PlanNextDue = {};
  const firing: Array<{ dueAt: number; trigger: PlanTrigger['kind'] }> = [];
  for (const trigger of state.triggers) {
    switch (trigger.kind) {
      case 'calendar': {
        const due = calendarDue(state, trigger);
        if (due === null) break;
        nextDue.at = new Date(due).toISOString();
        if (now >= due - leadMs) firing.push({ dueAt: due, trigger: 'calendar' });
        break;
      }
      case 'runtime': {
        const left = trigger.everyHours - meters.runtimeHours;
        nextDue.runtimeHoursLeft = round(Math.max(0, left));
        if (left <= state.leadTimeHours) {
          firing.push({ dueAt: now + Math.max(0, left) * HOUR_MS, trigger: 'runtime' });
        }
        break;
      }
      case 'parts': {
        const left = trigger.everyParts - meters.parts;
        nextDue.partsLeft = Math.max(0, Math.ceil(left));
        if (left <= 0) firing.push({ dueAt: now, trigger: 'parts' });
        break;
      }
    }
  }
  firing.sort((a, b) => a.dueAt - b.dueAt);
  return { nextDue, dueNow: firing[0] ?? null };
}

/** Whether the plan has a meter (runtime or parts) trigger, so the meters must be read. */
export const hasMeter = (triggers: readonly PlanTrigger[]): boolean =>
  triggers.some((trigger) => trigger.kind !== 'calendar');

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
