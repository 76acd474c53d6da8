import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  addWorkOrderLabourSchema,
  addWorkOrderPartSchema,
  assignWorkOrderSchema,
  createWorkOrderSchema,
  workOrderListQuerySchema,
} from './maintenance.js';
import { toFieldErrors } from './errors.js';

/** The dotted paths a failed parse names (none when it passed). */
const paths = (result: { error?: z.ZodError }): string[] =>
  toFieldErrors(result.error?.issues ?? []).map((e) => e.path);

describe('work-order contracts', () => {
  const equipmentId = '5b2f7c1e-9a0d-4e8b-b7a5-0c6e2d9f1a34';

  it('takes a minimal corrective request and names each bad field of a broken one', () => {
    expect(
      createWorkOrderSchema.safeParse({
        equipmentId,
        type: 'corrective',
        priority: 'high',
        title: 'Leak',
      }).success,
    ).toBe(true);
    const bad = createWorkOrderSchema.safeParse({
      equipmentId: 'x',
      type: 'repair',
      priority: 'urgent',
      title: ' ',
      downtimeEventId: -1,
      extra: 1,
    });
    expect(paths(bad).sort()).toEqual(
      ['downtimeEventId', 'equipmentId', 'extra', 'priority', 'title', 'type'].sort(),
    );
  });

  it('refuses labour of zero, negative or fractional minutes and parts of no quantity', () => {
    const startedAt = '2026-12-01T08:00:00Z';
    for (const minutes of [0, -5, 1.5]) {
      expect(paths(addWorkOrderLabourSchema.safeParse({ startedAt, minutes }))).toEqual([
        'minutes',
      ]);
    }
    expect(addWorkOrderLabourSchema.safeParse({ startedAt, minutes: 45 }).success).toBe(true);
    expect(paths(addWorkOrderPartSchema.safeParse({ partNumber: 'BRG', quantity: 0 }))).toEqual([
      'quantity',
    ]);
    expect(addWorkOrderPartSchema.safeParse({ partNumber: 'BRG', quantity: 0.25 }).success).toBe(
      true,
    );
  });

  it('wants each assignee once', () => {
    expect(paths(assignWorkOrderSchema.safeParse({ assigneeIds: [] }))).toEqual(['assigneeIds']);
    expect(
      paths(assignWorkOrderSchema.safeParse({ assigneeIds: [equipmentId, equipmentId] })),
    ).toEqual(['assigneeIds']);
  });

  it('reads status lists and mine=true from the query', () => {
    expect(workOrderListQuerySchema.parse({ status: 'open,on_hold', mine: 'true' })).toMatchObject({
      status: ['open', 'on_hold'],
      mine: true,
      page: 1,
      pageSize: 50,
    });
    expect(paths(workOrderListQuerySchema.safeParse({ status: 'done' }))).toEqual(['status.0']);
  });
});
