import type {
  AuthTokens,
  ChecklistRun,
  ChecklistTemplate,
  JobAssignment,
  ProductionOrder,
  createJobAssignmentSchema,
  createProductionOrderSchema,
} from '@ms5/contracts';
import type { Test } from 'supertest';
import type { z } from 'zod';
import { post, send } from './api.js';
import type { TestApp } from './test-app.js';

/**
 * Production orders, job assignments and pre-start checklists over HTTP. `send…` functions give
 * the request for the test to check the status of; the others expect success and give the body.
 */

export type OrderOverrides = Partial<z.input<typeof createProductionOrderSchema>> &
  Pick<z.input<typeof createProductionOrderSchema>, 'lineId' | 'productId'>;
export type JobBody = z.input<typeof createJobAssignmentSchema>;
export type OrderStep = 'release' | 'start' | 'complete' | 'cancel';
export type JobStep = 'accept' | 'start' | 'complete';

/** `POST /api/orders` with any body. */
export const sendOrder = (t: TestApp, tokens: AuthTokens, body: object): Test =>
  send(t, tokens, 'post', '/api/orders', body);

/** A planned order of 100 on the line, for a slot given or the first hour of 1 January 2030. */
export function createOrder(
  t: TestApp,
  tokens: AuthTokens,
  overrides: OrderOverrides,
): Promise<ProductionOrder> {
  return post<ProductionOrder>(t, tokens, '/api/orders', {
    quantity: 100,
    plannedStart: '2030-01-01T00:00:00.000Z',
    plannedEnd: '2030-01-01T01:00:00.000Z',
    ...overrides,
  });
}

/** `POST /api/orders/:id/<step>` with the body (`{}` unless given). */
export const sendOrderStep = (
  t: TestApp,
  tokens: AuthTokens,
  orderId: string,
  step: OrderStep,
  body: object = {},
): Test => send(t, tokens, 'post', `/api/orders/${orderId}/${step}`, body);

/** Takes the order a step on, expecting 200, to the order it became. */
export const stepOrder = (
  t: TestApp,
  tokens: AuthTokens,
  orderId: string,
  step: OrderStep,
  body: object = {},
): Promise<ProductionOrder> =>
  post<ProductionOrder>(t, tokens, `/api/orders/${orderId}/${step}`, body, 200);

/** `POST /api/jobs` with any body. */
export const sendJob = (t: TestApp, tokens: AuthTokens, body: object): Test =>
  send(t, tokens, 'post', '/api/jobs', body);

/** Assigns an order's job to an operator (as a shift manager). */
export const createJob = (t: TestApp, tokens: AuthTokens, body: JobBody): Promise<JobAssignment> =>
  post<JobAssignment>(t, tokens, '/api/jobs', body);

/** `POST /api/jobs/:id/<step>` with an empty body, as the job's operator or anyone else. */
export const sendJobStep = (t: TestApp, tokens: AuthTokens, jobId: string, step: JobStep): Test =>
  send(t, tokens, 'post', `/api/jobs/${jobId}/${step}`, {});

/** Takes the job a step on, expecting 200, to the job it became. */
export const stepJob = (
  t: TestApp,
  tokens: AuthTokens,
  jobId: string,
  step: JobStep,
): Promise<JobAssignment> => post<JobAssignment>(t, tokens, `/api/jobs/${jobId}/${step}`, {}, 200);

/** `POST /api/checklist-templates` with any body. */
export const sendChecklistTemplate = (t: TestApp, tokens: AuthTokens, body: object): Test =>
  send(t, tokens, 'post', '/api/checklist-templates', body);

/** A checklist template (as an engineer). */
export const createChecklistTemplate = (
  t: TestApp,
  tokens: AuthTokens,
  body: object,
): Promise<ChecklistTemplate> =>
  post<ChecklistTemplate>(t, tokens, '/api/checklist-templates', body);

/** `POST /api/jobs/:id/checklists` with any body. */
export const sendChecklistRun = (
  t: TestApp,
  tokens: AuthTokens,
  jobId: string,
  body: object,
): Test => send(t, tokens, 'post', `/api/jobs/${jobId}/checklists`, body);

/** A completed checklist run of the job (as its operator). */
export const submitChecklistRun = (
  t: TestApp,
  tokens: AuthTokens,
  jobId: string,
  body: object,
): Promise<ChecklistRun> => post<ChecklistRun>(t, tokens, `/api/jobs/${jobId}/checklists`, body);
