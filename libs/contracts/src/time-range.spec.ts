import { describe, expect, it } from 'vitest';
import { andonInsightsQuerySchema, andonListQuerySchema } from './andon.js';
import { downtimeParetoQuerySchema } from './downtime.js';
import { oeeLinesQuerySchema, oeeQuerySchema } from './oee.js';
import { createPlannedStopSchema, updatePlannedStopSchema } from './plant.js';
import { productionOrderListQuerySchema, updateProductionOrderSchema } from './production.js';
import { TIME_REACH_MESSAGE, calendarDateSchema } from './time-range.js';

const LINE = '7f1d3c2e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const EARLY = '2026-03-01T00:00:00Z';
const LATE = '2026-03-02T00:00:00Z';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ ...issue, path: issue.path.join('.') }));

describe('time ranges', () => {
  it('refuses an end before its start on every schema that takes a range, naming the end', () => {
    const backwards = [
      oeeQuerySchema.safeParse({ lineId: LINE, from: LATE, to: EARLY }),
      oeeLinesQuerySchema.safeParse({ from: LATE, to: EARLY }),
      downtimeParetoQuerySchema.safeParse({ lineId: LINE, from: LATE, to: EARLY }),
      andonListQuerySchema.safeParse({ from: LATE, to: EARLY }),
      andonInsightsQuerySchema.safeParse({ from: LATE, to: EARLY }),
      productionOrderListQuerySchema.safeParse({ from: LATE, to: EARLY }),
    ];
    for (const result of backwards) {
      expect(issuesOf(result)).toEqual([expect.objectContaining({ path: 'to' })]);
    }
    const stop = createPlannedStopSchema.safeParse({
      lineId: LINE,
      startsAt: LATE,
      endsAt: EARLY,
      reason: 'Cleaning',
    });
    expect(issuesOf(stop)).toEqual([
      expect.objectContaining({ path: 'endsAt', message: 'Must be after startsAt' }),
    ]);
    expect(issuesOf(updatePlannedStopSchema.safeParse({ startsAt: LATE, endsAt: EARLY }))).toEqual([
      expect.objectContaining({ path: 'endsAt' }),
    ]);
    expect(
      issuesOf(updateProductionOrderSchema.safeParse({ plannedStart: LATE, plannedEnd: EARLY })),
    ).toEqual([
      expect.objectContaining({ path: 'plannedEnd', message: 'Must be after plannedStart' }),
    ]);
  });

  it('allows an empty andon window but no empty OEE window, and caps OEE at 400 days', () => {
    expect(andonListQuerySchema.safeParse({ from: EARLY, to: EARLY }).success).toBe(true);
    expect(issuesOf(oeeLinesQuerySchema.safeParse({ from: EARLY, to: EARLY }))).toEqual([
      expect.objectContaining({ path: 'to', message: 'Must be after from' }),
    ]);
    expect(
      issuesOf(oeeLinesQuerySchema.safeParse({ from: '2024-01-01T00:00:00Z', to: LATE })),
    ).toEqual([expect.objectContaining({ path: 'to', message: 'At most 400 days after from' })]);
  });

  it('leaves a bound that is not a time to its own field, and one bound alone unchecked', () => {
    expect(issuesOf(oeeLinesQuerySchema.safeParse({ from: 'soon', to: EARLY }))).toEqual([
      expect.objectContaining({ path: 'from' }),
    ]);
    expect(productionOrderListQuerySchema.safeParse({ to: EARLY }).success).toBe(true);
  });

  it('takes times from 1970 up to 9999 only, offsets included', () => {
    for (const at of [
      '0000-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '9999-12-31T23:00:00-23:00',
    ]) {
      expect(issuesOf(andonListQuerySchema.safeParse({ from: at }))).toEqual([
        expect.objectContaining({ path: 'from', message: TIME_REACH_MESSAGE }),
      ]);
    }
    expect(andonListQuerySchema.safeParse({ from: '1970-01-01T00:00:00Z' }).success).toBe(true);
    expect(calendarDateSchema().safeParse('0000-01-01').success).toBe(false);
    expect(calendarDateSchema().safeParse('2026-02-30').error?.issues).toHaveLength(1);
    expect(calendarDateSchema().safeParse('2026-03-01').success).toBe(true);
  });
});
