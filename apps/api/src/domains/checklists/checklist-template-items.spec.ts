import { describe, expect, it } from '@jest/globals';
import type { ChecklistItem } from '@ms5/contracts';
import { normalizeItems, sameItems } from './checklist-template-items.js';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('normalizeItems', () => {
  it('fills every field, expecting yes on a yes/no item unless told otherwise', () => {
    const result = normalizeItems(
      [
        { label: 'Guards closed', kind: 'yes_no', critical: true },
        { label: 'Leak seen', kind: 'yes_no', critical: false, expected: false },
        { label: 'Pressure', kind: 'number', critical: false, min: 2, max: 3, unit: 'bar' },
        { label: 'Remarks', kind: 'text', critical: false, id: 'ignored-on-create' },
      ],
      null,
      ids(),
    );
    expect(result).toEqual({
      ok: true,
      items: [
        {
          id: 'new-1',
          label: 'Guards closed',
          kind: 'yes_no',
          critical: true,
          expected: true,
          min: null,
          max: null,
          unit: null,
        },
        {
          id: 'new-2',
          label: 'Leak seen',
          kind: 'yes_no',
          critical: false,
          expected: false,
          min: null,
          max: null,
          unit: null,
        },
        {
          id: 'new-3',
          label: 'Pressure',
          kind: 'number',
          critical: false,
          expected: null,
          min: 2,
          max: 3,
          unit: 'bar',
        },
        {
          id: 'new-4',
          label: 'Remarks',
          kind: 'text',
          critical: false,
          expected: null,
          min: null,
          max: null,
          unit: null,
        },
      ],
    });
  });

  it('keeps the ids of the template’s items on an edit, and refuses strangers and repeats', () => {
    const current: ChecklistItem[] = [
      {
        id: 'a',
        label: 'Guards',
        kind: 'yes_no',
        critical: true,
        expected: true,
        min: null,
        max: null,
        unit: null,
      },
    ];
    const kept = normalizeItems(
      [
        { id: 'a', label: 'Guards closed', kind: 'yes_no', critical: true },
        { label: 'Remarks', kind: 'text', critical: false },
      ],
      current,
      ids(),
    );
    expect(kept.ok && kept.items.map((item) => item.id)).toEqual(['a', 'new-1']);

    const bad = normalizeItems(
      [
        { id: 'a', label: 'Guards', kind: 'yes_no', critical: true },
        { id: 'a', label: 'Guards again', kind: 'yes_no', critical: true },
        { id: 'zzz', label: 'Other', kind: 'text', critical: false },
      ],
      current,
      ids(),
    );
    expect(bad).toEqual({
      ok: false,
      fieldErrors: [
        { path: 'items.1.id', message: 'Given more than once' },
        { path: 'items.2.id', message: 'Not an item of this template' },
      ],
    });
  });
});

describe('sameItems', () => {
  const base: ChecklistItem = {
    id: 'a',
    label: 'Pressure',
    kind: 'number',
    critical: false,
    expected: null,
    min: 2,
    max: 3,
    unit: 'bar',
  };
  it('is true only for the same items in the same order with the same rules', () => {
    expect(sameItems([base], [{ ...base }])).toBe(true);
    expect(sameItems([base], [{ ...base, max: 3.5 }])).toBe(false);
    expect(sameItems([base], [{ ...base, critical: true }])).toBe(false);
    expect(sameItems([base], [{ ...base, id: 'b' }])).toBe(false);
    expect(sameItems([base, { ...base, id: 'b' }], [{ ...base, id: 'b' }, base])).toBe(false);
    expect(sameItems([base], [])).toBe(false);
  });
});
