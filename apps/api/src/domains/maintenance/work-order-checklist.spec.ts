import { describe, expect, it } from '@jest/globals';
import { followUpText, workOrderChecklistStatus } from './work-order-checklist.js';

const template = { id: 't1', version: 2 };
const run = (overrides: { templateId?: string; templateVersion?: number; passed?: boolean }) => ({
  templateId: 't1',
  templateVersion: 2,
  passed: true,
  ...overrides,
});

describe('workOrderChecklistStatus', () => {
  it('is none without a template and missing without a run', () => {
    expect(workOrderChecklistStatus(null, null)).toBe('none');
    expect(workOrderChecklistStatus(template, null)).toBe('missing');
  });

  it('asks again after the template changed: a run of an older version is missing', () => {
    expect(workOrderChecklistStatus(template, run({ templateVersion: 1 }))).toBe('missing');
    expect(workOrderChecklistStatus(template, run({ templateId: 't0' }))).toBe('missing');
  });

  it("follows the latest run's verdict: any failed item is failed", () => {
    expect(workOrderChecklistStatus(template, run({}))).toBe('passed');
    expect(workOrderChecklistStatus(template, run({ passed: false }))).toBe('failed');
  });
});

describe('followUpText', () => {
  const parent = { number: 'WO-2026-00042' };
  const checklist = { templateName: 'Pump service', templateVersion: 3, note: null };

  it('names the item, the answer with its unit, the checklist and the work order', () => {
    expect(followUpText(parent, checklist, { label: 'Vibration', unit: 'mm/s' }, 9.5)).toEqual({
      title: 'Vibration (follow-up of WO-2026-00042)',
      description:
        'Failed on checklist "Pump service" (v3) of WO-2026-00042: Vibration, answered 9.5 mm/s.',
    });
    expect(
      followUpText(parent, { ...checklist, note: 'Loud' }, { label: 'Seal dry', unit: null }, false)
        .description,
    ).toBe(
      'Failed on checklist "Pump service" (v3) of WO-2026-00042: Seal dry, answered no. Note: Loud',
    );
  });

  it('keeps the title within 200 characters', () => {
    const { title } = followUpText(parent, checklist, { label: 'x'.repeat(300), unit: null }, 1);
    expect(title).toHaveLength(200);
    expect(title.endsWith('…')).toBe(true);
  });
});
