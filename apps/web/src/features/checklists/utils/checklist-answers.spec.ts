import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '@ms5/contracts';
import {
  answerOf,
  failingCriticalItems,
  limitsText,
  missingAnswer,
} from '@/features/checklists/utils/checklist-answers';

function item(overrides: Partial<ChecklistItem>): ChecklistItem {
  return {
    id: 'i1',
    label: 'Item',
    kind: 'yes_no',
    critical: false,
    expected: null,
    min: null,
    max: null,
    unit: null,
    ...overrides,
  };
}

describe('checklist answers', () => {
  it('describes the limits with the unit', () => {
    expect(limitsText({ min: 5, max: 7, unit: 'bar' })).toBe('Between 5 and 7 bar');
    expect(limitsText({ min: 0.5, max: null, unit: null })).toBe('At least 0.5');
    expect(limitsText({ min: null, max: 80, unit: '°C' })).toBe('At most 80 °C');
    expect(limitsText({ min: null, max: null, unit: 'mm' })).toBe('In mm');
    expect(limitsText({ min: null, max: null, unit: null })).toBeUndefined();
  });

  it('reads the draft as typed, and says what is missing', () => {
    const number = item({ kind: 'number' });
    expect(answerOf(number, '6.2')).toBe(6.2);
    expect(answerOf(number, '')).toBeUndefined();
    expect(missingAnswer(number, '')).toBe('Enter a number');
    expect(missingAnswer(item({}), undefined)).toBe('Choose Yes or No');
    expect(missingAnswer(item({ kind: 'text' }), undefined)).toBeUndefined();
    expect(missingAnswer(item({ kind: 'text', critical: true }), '  ')).toBe('Required');
    expect(answerOf(item({ kind: 'text' }), ' ok ')).toBe('ok');
  });

  it('finds the critical items whose answer fails', () => {
    const guard = item({ id: 'guard', critical: true });
    const leaks = item({ id: 'leaks', expected: false });
    const pressure = item({ id: 'pressure', kind: 'number', critical: true, min: 5, max: 7 });
    const items = [guard, leaks, pressure];
    expect(failingCriticalItems(items, { guard: true, leaks: true, pressure: '6' })).toEqual([]);
    expect(failingCriticalItems(items, { guard: false, pressure: '9' })).toEqual([guard, pressure]);
    // Not answered yet: nothing fails.
    expect(failingCriticalItems(items, {})).toEqual([]);
  });
});
