import { describe, expect, it } from 'vitest';
import { type ChecklistItem, checklistItemPasses as itemPasses } from './checklists.js';

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

describe('checklistItemPasses', () => {
  it('passes a yes/no item on the expected answer, yes unless told otherwise', () => {
    const guards = item({ id: 'g', kind: 'yes_no', expected: true });
    expect(itemPasses(guards, true)).toBe(true);
    expect(itemPasses(guards, false)).toBe(false);
    const noLeak = item({ id: 'l', kind: 'yes_no', expected: false });
    expect(itemPasses(noLeak, false)).toBe(true);
    expect(itemPasses(noLeak, true)).toBe(false);
    const unset = item({ id: 'u', kind: 'yes_no', expected: null });
    expect(itemPasses(unset, true)).toBe(true);
    expect(itemPasses(unset, false)).toBe(false);
  });

  it('passes a number inside [min, max], the limits themselves included', () => {
    const pressure = item({ id: 'p', kind: 'number', min: 2, max: 3 });
    expect(itemPasses(pressure, 2)).toBe(true);
    expect(itemPasses(pressure, 2.5)).toBe(true);
    expect(itemPasses(pressure, 3)).toBe(true);
    expect(itemPasses(pressure, 1.999)).toBe(false);
    expect(itemPasses(pressure, 3.0001)).toBe(false);
    expect(itemPasses(pressure, -2.5)).toBe(false);
  });

  it('treats an open limit as no limit', () => {
    const atLeast = item({ id: 'a', kind: 'number', min: 0 });
    expect(itemPasses(atLeast, 0)).toBe(true);
    expect(itemPasses(atLeast, 1e9)).toBe(true);
    expect(itemPasses(atLeast, -0.001)).toBe(false);
    const atMost = item({ id: 'b', kind: 'number', max: 40 });
    expect(itemPasses(atMost, -1e9)).toBe(true);
    expect(itemPasses(atMost, 40)).toBe(true);
    expect(itemPasses(atMost, 40.5)).toBe(false);
    const anything = item({ id: 'c', kind: 'number' });
    expect(itemPasses(anything, -7)).toBe(true);
    const exactly = item({ id: 'd', kind: 'number', min: 5, max: 5 });
    expect(itemPasses(exactly, 5)).toBe(true);
    expect(itemPasses(exactly, 5.01)).toBe(false);
  });

  it('passes a text when written; a non-critical text may be left blank', () => {
    const critical = item({ id: 't', kind: 'text', critical: true });
    expect(itemPasses(critical, 'Batch 42 loaded')).toBe(true);
    expect(itemPasses(critical, '')).toBe(false);
    expect(itemPasses(critical, '   ')).toBe(false);
    const optional = item({ id: 'o', kind: 'text' });
    expect(itemPasses(optional, '')).toBe(true);
    expect(itemPasses(optional, 'ok')).toBe(true);
  });

  it('never passes a value of the wrong kind', () => {
    expect(itemPasses(item({ id: 'y', kind: 'yes_no' }), 'true')).toBe(false);
    expect(itemPasses(item({ id: 'n', kind: 'number', min: 0, max: 5 }), '3')).toBe(false);
    expect(itemPasses(item({ id: 't', kind: 'text' }), 3)).toBe(false);
  });
});
