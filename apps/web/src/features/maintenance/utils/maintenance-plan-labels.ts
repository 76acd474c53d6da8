import type { CalendarUnit, PlanNextDue, PlanTrigger } from '@ms5/contracts';
import { formatDateTime } from '@/lib/format';

const UNIT_WORDS: Record<CalendarUnit, readonly [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
};

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** `{ kind: "calendar", every: 2, unit: "week" }` → "Every 2 weeks". */
export function triggerText(trigger: PlanTrigger): string {
  switch (trigger.kind) {
    case 'calendar': {
      const [one, many] = UNIT_WORDS[trigger.unit];
      return `Every ${plural(trigger.every, one, many)}`;
    }
    case 'runtime':
      return `Every ${plural(trigger.everyHours, 'running hour', 'running hours')}`;
    case 'parts':
      return `Every ${plural(trigger.everyParts, 'part', 'parts')}`;
  }
}

/** Hours with one decimal: 7.25 → "7.3 h". */
export const formatHours = (hours: number): string => `${hours.toFixed(1)} h`;

/** Each part of a plan's next due that it has: the date, running hours left, parts left. */
export function nextDueParts(nextDue: PlanNextDue): string[] {
  const parts: string[] = [];
  if (nextDue.at !== undefined) parts.push(formatDateTime(nextDue.at));
  if (nextDue.runtimeHoursLeft !== undefined) {
    parts.push(`${formatHours(nextDue.runtimeHoursLeft)} running left`);
  }
  if (nextDue.partsLeft !== undefined) {
    parts.push(`${nextDue.partsLeft.toLocaleString()} parts left`);
  }
  return parts;
}
