import {
  type ChecklistAnswer,
  type ChecklistItem,
  type FieldError,
  checklistItemPasses,
} from '@ms5/contracts';

export type AnswerValue = boolean | number | string;

export interface AnswerInput {
  itemId: string;
  value: AnswerValue;
}

export interface ChecklistOutcome {
  /** One answer per item, in the template's item order. */
  answers: ChecklistAnswer[];
  /** Every item passed. */
  passed: boolean;
  /** A critical item failed. */
  blocking: boolean;
  failedItemIds: string[];
}

export type Evaluation =
  ({ ok: true } & ChecklistOutcome) | { ok: false; fieldErrors: FieldError[] };

const EXPECTED_TYPE: Record<ChecklistItem['kind'], { type: string; message: string }> = {
  yes_no: { type: 'boolean', message: 'Must be yes or no (true or false)' },
  number: { type: 'number', message: 'Must be a number' },
  text: { type: 'string', message: 'Must be text' },
};

/**
 * Checks a set of answers against a template's items and evaluates them. The answers must name
 * each item exactly once with a value of its kind; otherwise the field errors say which
 * (`answers.<i>.itemId`, `answers.<i>.value`, or `answers` for items left unanswered).
 */
export function evaluateChecklist(
  items: readonly ChecklistItem[],
  answers: readonly AnswerInput[],
): Evaluation {
  const byId = new Map(items.map((item) => [item.id, item]));
  const given = new Map<string, AnswerValue>();
  const fieldErrors: FieldError[] = [];
  answers.forEach((answer, index) => {
    const item = byId.get(answer.itemId);
    if (!item) {
      fieldErrors.push({
        path: `answers.${index}.itemId`,
        message: 'Not an item of this checklist',
      });
      return;
    }
    if (given.has(answer.itemId)) {
      fieldErrors.push({ path: `answers.${index}.itemId`, message: 'Answered more than once' });
      return;
    }
    const expected = EXPECTED_TYPE[item.kind];
    if (typeof answer.value !== expected.type) {
      fieldErrors.push({ path: `answers.${index}.value`, message: expected.message });
    }
    given.set(answer.itemId, typeof answer.value === 'string' ? answer.value.trim() : answer.value);
  });
  const missing = items.filter((item) => !given.has(item.id));
  if (missing.length > 0) {
    fieldErrors.push({
      path: 'answers',
      message: `Missing answers for: ${missing.map((item) => item.label).join(', ')}`,
    });
  }
  if (fieldErrors.length > 0) return { ok: false, fieldErrors };

  const evaluated = items.map((item) => {
    const value = given.get(item.id) as AnswerValue;
    return { item, answer: { itemId: item.id, value, passed: checklistItemPasses(item, value) } };
  });
  const failed = evaluated.filter(({ answer }) => !answer.passed);
  return {
    ok: true,
    answers: evaluated.map(({ answer }) => answer),
    passed: failed.length === 0,
    blocking: failed.some(({ item }) => item.critical),
    failedItemIds: failed.map(({ item }) => item.id),
  };
}

export type ChecklistStatus = 'missing' | 'blocked' | 'done';

/**
 * Where a job stands on one template: `missing` without a run of the template's current version
 * (a run of an older version answered other items), `blocked` when that run failed a critical
 * item, else `done`.
 */
export function checklistStatus(
  template: { version: number },
  latestRun: { templateVersion: number; blocking: boolean } | null,
): ChecklistStatus {
  if (latestRun === null || latestRun.templateVersion !== template.version) return 'missing';
  return latestRun.blocking ? 'blocked' : 'done';
}
