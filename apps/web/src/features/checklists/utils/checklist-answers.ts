import { type ChecklistAnswerValue, type ChecklistItem, checklistItemPasses } from '@ms5/contracts';

/** What the operator has entered: yes/no as a boolean, a number or a text as typed. */
export type DraftValue = boolean | string;
export type Draft = Record<string, DraftValue | undefined>;

const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });

/** "Between 2 and 4 bar", "At least 2 bar", "At most 4 bar", "In bar", or undefined. */
export function limitsText(item: Pick<ChecklistItem, 'min' | 'max' | 'unit'>): string | undefined {
  const unit = item.unit === null || item.unit === '' ? '' : ` ${item.unit}`;
  if (item.min !== null && item.max !== null) {
    return `Between ${decimal.format(item.min)} and ${decimal.format(item.max)}${unit}`;
  }
  if (item.min !== null) return `At least ${decimal.format(item.min)}${unit}`;
  if (item.max !== null) return `At most ${decimal.format(item.max)}${unit}`;
  return unit === '' ? undefined : `In${unit}`;
}

/** A draft value as the answer to send; undefined while it is not a valid answer yet. */
export function answerOf(
  item: ChecklistItem,
  value: DraftValue | undefined,
): ChecklistAnswerValue | undefined {
  switch (item.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? value : undefined;
    case 'number': {
      if (typeof value !== 'string' || value.trim() === '') return undefined;
      const number = Number(value);
      return Number.isFinite(number) ? number : undefined;
    }
    case 'text':
      return typeof value === 'string' ? value.trim() : '';
  }
}

/** Why an item cannot be sent as it is (a critical text must be written), or undefined. */
export function missingAnswer(
  item: ChecklistItem,
  value: DraftValue | undefined,
): string | undefined {
  switch (item.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? undefined : 'Choose Yes or No';
    case 'number':
      if (typeof value !== 'string' || value.trim() === '') return 'Enter a number';
      return Number.isFinite(Number(value)) ? undefined : 'Must be a number';
    case 'text':
      return item.critical && (typeof value !== 'string' || value.trim() === '')
        ? 'Required'
        : undefined;
  }
}

/** The critical items whose current answer fails: the run would block the job. */
export function failingCriticalItems(
  items: readonly ChecklistItem[],
  draft: Draft,
): ChecklistItem[] {
  return items.filter((item) => {
    if (!item.critical) return false;
    const answer = answerOf(item, draft[item.id]);
    return answer !== undefined && !checklistItemPasses(item, answer);
  });
}

/** How an answer reads in a result: "Yes", "3.2 bar", the text, or "—". */
export function formatAnswer(item: ChecklistItem, value: ChecklistAnswerValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    return item.unit === null || item.unit === ''
      ? decimal.format(value)
      : `${decimal.format(value)} ${item.unit}`;
  }
  return value === '' ? '—' : value;
}
