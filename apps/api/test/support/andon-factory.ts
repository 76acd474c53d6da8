import type { AndonCall, AuthTokens, raiseAndonCallSchema } from '@ms5/contracts';
import type { Test } from 'supertest';
import type { z } from 'zod';
import { post, send } from './api.js';
import type { TestApp } from './test-app.js';

export type AndonCallOverrides = Partial<z.input<typeof raiseAndonCallSchema>> & {
  equipmentId: string;
};
export type AndonStep = 'acknowledge' | 'resolve';

/** `POST /api/andon` with any body. */
export const sendAndonCall = (t: TestApp, tokens: AuthTokens, body: object): Test =>
  send(t, tokens, 'post', '/api/andon', body);

/** A call raised on the equipment: critical maintenance unless told otherwise. */
export const raiseAndonCall = (
  t: TestApp,
  tokens: AuthTokens,
  overrides: AndonCallOverrides,
): Promise<AndonCall> =>
  post<AndonCall>(t, tokens, '/api/andon', {
    type: 'maintenance',
    priority: 'critical',
    ...overrides,
  });

/** `POST /api/andon/:id/<step>`; the body goes out only when given. */
export const sendAndonStep = (
  t: TestApp,
  tokens: AuthTokens,
  callId: string,
  step: AndonStep,
  body?: object,
): Test => send(t, tokens, 'post', `/api/andon/${callId}/${step}`, body);

/** Acknowledges or resolves the call, expecting 200, to the call it became. */
export const stepAndonCall = async (
  t: TestApp,
  tokens: AuthTokens,
  callId: string,
  step: AndonStep,
  body?: object,
): Promise<AndonCall> =>
  (await sendAndonStep(t, tokens, callId, step, body).expect(200)).body as AndonCall;
