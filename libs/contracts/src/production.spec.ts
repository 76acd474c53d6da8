import { describe, expect, it } from 'vitest';
import {
  JOB_TRANSITIONS,
  PRODUCTION_ORDER_TRANSITIONS,
  createJobAssignmentSchema,
  createProductionOrderSchema,
  jobListQuerySchema,
  productionOrderListQuerySchema,
  updateProductionOrderSchema,
} from './production.js';

const lineId = '6f1c1f9e-8f7c-4a57-9d0c-2f4a3c1b5e10';
const productId = '0b6e2d4a-1c3f-4e5a-8b7c-9d0e1f2a3b4c';

const paths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join('.')).sort();

describe('production schemas', () => {
  it('accepts an order and names each bad field', () => {
    expect(
      createProductionOrderSchema.safeParse({
        lineId,
        productId,
        quantity: 500,
        plannedStart: '2030-01-01T06:00:00+01:00',
        plannedEnd: '2030-01-01T14:00:00+01:00',
        reference: 'PO-1',
      }).success,
    ).toBe(true);
    expect(
      paths(
        createProductionOrderSchema.safeParse({
          lineId,
          productId,
          quantity: 2.5,
          plannedStart: '2030-01-01 06:00',
          plannedEnd: '2030-01-01T14:00:00Z',
        }),
      ),
    ).toEqual(['plannedStart', 'quantity']);
    expect(
      paths(
        createProductionOrderSchema.safeParse({
          lineId,
          productId,
          quantity: 1,
          plannedStart: '2030-01-01T14:00:00Z',
          plannedEnd: '2030-01-01T14:00:00Z',
        }),
      ),
    ).toEqual(['plannedEnd']);
    expect(
      paths(updateProductionOrderSchema.safeParse({ lineId, quantity: 0 })).includes('quantity'),
    ).toBe(true);
  });

  it('parses list filters', () => {
    const parsed = productionOrderListQuerySchema.parse({ status: 'released,running' });
    expect(parsed).toMatchObject({ page: 1, pageSize: 50, status: ['released', 'running'] });
    expect(productionOrderListQuerySchema.safeParse({ status: 'paused' }).success).toBe(false);
    expect(
      paths(
        productionOrderListQuerySchema.safeParse({
          from: '2030-01-02T00:00:00Z',
          to: '2030-01-01T00:00:00Z',
        }),
      ),
    ).toEqual(['to']);
    expect(jobListQuerySchema.parse({ mine: 'true' }).mine).toBe('true');
    expect(
      paths(
        createJobAssignmentSchema.safeParse({ orderId: lineId, operatorId: 'x', shiftDate: '1/2' }),
      ),
    ).toEqual(['operatorId', 'shiftDate']);
  });

  it('declares the lifecycles', () => {
    expect(PRODUCTION_ORDER_TRANSITIONS.cancel.from).toEqual(['planned', 'released', 'running']);
    expect(PRODUCTION_ORDER_TRANSITIONS.start).toEqual({ from: ['released'], to: 'running' });
    expect(Object.values(JOB_TRANSITIONS).map((step) => step.to)).toEqual([
      'accepted',
      'started',
      'completed',
    ]);
  });
});
