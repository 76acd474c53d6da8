import { describe, expect, it } from 'vitest';
import { nextDueParts, triggerText } from '@/features/maintenance/utils/maintenance-plan-labels';

describe('maintenance plan labels', () => {
  it('words each trigger kind, singular and plural', () => {
    expect(triggerText({ kind: 'calendar', every: 1, unit: 'month' })).toBe('Every 1 month');
    expect(triggerText({ kind: 'calendar', every: 2, unit: 'week' })).toBe('Every 2 weeks');
    expect(triggerText({ kind: 'runtime', everyHours: 8 })).toBe('Every 8 running hours');
    expect(triggerText({ kind: 'parts', everyParts: 1 })).toBe('Every 1 part');
  });

  it('lists only the parts of the next due the plan has', () => {
    expect(nextDueParts({ runtimeHoursLeft: 7.25, partsLeft: 120 })).toEqual([
      '7.3 h running left',
      `${(120).toLocaleString()} parts left`,
    ]);
    expect(nextDueParts({})).toEqual([]);
    expect(nextDueParts({ at: '2026-03-20T06:00:00.000Z' })).toHaveLength(1);
  });
});
