import type {
  AuthTokens,
  MaintenancePlan,
  WorkOrder,
  createMaintenancePlanSchema,
  createWorkOrderSchema,
} from '@ms5/contracts';
import type { Test } from 'supertest';
import type { z } from 'zod';
import { post, send } from './api.js';
import type { TestApp } from './test-app.js';

export type WorkOrderOverrides = Partial<z.input<typeof createWorkOrderSchema>> & {
  equipmentId: string;
};
export type WorkOrderStep = 'assign' | 'start' | 'hold' | 'resume' | 'complete' | 'cancel';

/** A work order on the equipment: a high-priority corrective one unless told otherwise. */
export const createWorkOrder = (
  t: TestApp,
  tokens: AuthTokens,
  overrides: WorkOrderOverrides,
): Promise<WorkOrder> =>
  post<WorkOrder>(t, tokens, '/api/work-orders', {
    type: 'corrective',
    priority: 'high',
    title: 'Something is wrong',
    ...overrides,
  });

/** `POST /api/work-orders/:id/<step>` with the body (`{}` when none is given). */
export const sendWorkOrderStep = (
  t: TestApp,
  tokens: AuthTokens,
  id: string,
  step: WorkOrderStep,
  body: object = {},
): Test => send(t, tokens, 'post', `/api/work-orders/${id}/${step}`, body);

/** Takes the step, expecting 200, to the work order it became. */
export const stepWorkOrder = async (
  t: TestApp,
  tokens: AuthTokens,
  id: string,
  step: WorkOrderStep,
  body: object = {},
): Promise<WorkOrder> =>
  (await sendWorkOrderStep(t, tokens, id, step, body).expect(200)).body as WorkOrder;

export type PlanOverrides = Partial<z.input<typeof createMaintenancePlanSchema>> & {
  equipmentId: string;
};

/** A preventive plan on the equipment: every 7 days unless told otherwise. */
export const createMaintenancePlan = (
  t: TestApp,
  tokens: AuthTokens,
  overrides: PlanOverrides,
): Promise<MaintenancePlan> =>
  post<MaintenancePlan>(t, tokens, '/api/maintenance-plans', {
    title: 'Weekly check',
    triggers: [{ kind: 'calendar', every: 7, unit: 'day' }],
    ...overrides,
  });
