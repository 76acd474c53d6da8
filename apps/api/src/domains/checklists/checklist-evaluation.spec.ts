import { describe, expect, it } from '@jest/globals';
import type { ChecklistItem } from '@ms5/contracts';
import { checklistStatus, evaluateChecklist } from './checklist-evaluation.js';

const item = (overrides: Partial<ChecklistItem> & Pick<ChecklistItem, 'id' | 'kind'>) =>
  ({
    label: `Item ${overrides.id}`,
    critical: false,
    expected: null,
    min: null,
    max: null,
    unit: null,
    ...overrides,
  }) satisfies ChecklistItem;

describe('evaluateChecklist', () => {
  const guards = item({ id: 'guards', kind: 'yes_no', critical: true, label: 'Guards closed' });
  const pressure = item({ id: 'pressure', kind: 'number', min: 2, max: 3, label: 'Air pressure' });
  const remarks = item({ id: 'remarks', kind: 'text', label: 'Remarks' });
  const items = [guards, pressure, remarks];

  it('passes when every item passes, answers in the template’s order', () => {
    const result = evaluateChecklist(items, [
      { itemId: 'remarks', value: '  all good ' },
      { itemId: 'pressure', value: 2.4 },
      { itemId: 'guards', value: true },
    ]);
    expect(result).toEqual({
      ok: true,
      answers: [
        { itemId: 'guards', value: true, passed: true },
        { itemId: 'pressure', value: 2.4, passed: true },
        { itemId: 'remarks', value: 'all good', passed: true },
      ],
      passed: true,
      blocking: false,
      failedItemIds: [],
    });
  });

  it('blocks on a failed critical item only', () => {
    const critical = evaluateChecklist(items, [
      { itemId: 'guards', value: false },
      { itemId: 'pressure', value: 3.5 },
      { itemId: 'remarks', value: '' },
    ]);
    expect(critical).toMatchObject({
      ok: true,
      passed: false,
      blocking: true,
      failedItemIds: ['guards', 'pressure'],
    });

    const minor = evaluateChecklist(items, [
      { itemId: 'guards', value: true },
      { itemId: 'pressure', value: 1.9 },
      { itemId: 'remarks', value: '' },
    ]);
    expect(minor).toMatchObject({
      ok: true,
      passed: false,
      blocking: false,
      failedItemIds: ['pressure'],
    });
  });

  it('names every bad answer: unknown item, repeated item, wrong kind, missing items', () => {
    const result = evaluateChecklist(items, [
      { itemId: 'guards', value: 'yes' },
      { itemId: 'nope', value: true },
      { itemId: 'guards', value: true },
      { itemId: 'pressure', value: '2.5' },
    ]);
    expect(result).toEqual({
      ok: false,
      fieldErrors: [
        { path: 'answers.0.value', message: 'Must be yes or no (true or false)' },
        { path: 'answers.1.itemId', message: 'Not an item of this checklist' },
        { path: 'answers.2.itemId', message: 'Answered more than once' },
        { path: 'answers.3.value', message: 'Must be a number' },
        { path: 'answers', message: 'Missing answers for: Remarks' },
      ],
    });
    expect(evaluateChecklist(items, [])).toEqual({
      ok: false,
      fieldErrors: [
        { path: 'answers', message: 'Missing answers for: Guards closed, Air pressure, Remarks' },
      ],
    });
    expect(evaluateChecklist([remarks], [{ itemId: 'remarks', value: false }])).toMatchObject({
      ok: false,
      fieldErrors: [{ path: 'answers.0.value', message: 'Must be text' }],
    });
  });
});

describe('checklistStatus', () => {
  it('is missing without a run of the current version, blocked on a blocking run, else done', () => {
    expect(checklistStatus({ version: 2 }, null)).toBe('missing');
    expect(checklistStatus({ version: 2 }, { templateVersion: 1, blocking: false })).toBe(
      'missing',
    );
    expect(checklistStatus({ version: 2 }, { templateVersion: 2, blocking: true })).toBe('blocked');
    expect(checklistStatus({ version: 2 }, { templateVersion: 2, blocking: false })).toBe('done');
  });
});
