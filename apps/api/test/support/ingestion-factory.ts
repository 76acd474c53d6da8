import type {
  AuthTokens,
  DowntimeStop,
  IngestResult,
  MachineEventInput,
  assignDowntimeReasonSchema,
} from '@ms5/contracts';
import type { Test } from 'supertest';
import type { z } from 'zod';
import { ok, send } from './api.js';
import type { TestApp } from './test-app.js';

/** `POST /api/ingest/events` with any events. */
export const sendEvents = (t: TestApp, tokens: AuthTokens, events: readonly unknown[]): Test =>
  send(t, tokens, 'post', '/api/ingest/events', { events });

/** Ingests the batch as a gateway (or an engineer), expecting 200. */
export const ingestEvents = (
  t: TestApp,
  tokens: AuthTokens,
  events: readonly MachineEventInput[],
): Promise<IngestResult> =>
  ok<IngestResult>(t, tokens, 'post', '/api/ingest/events', { events }, 200);

/** `PUT /api/downtime/reason`, expecting 200: says why the equipment stopped then. */
export const assignDowntimeReason = (
  t: TestApp,
  tokens: AuthTokens,
  body: z.input<typeof assignDowntimeReasonSchema>,
): Promise<DowntimeStop> => ok<DowntimeStop>(t, tokens, 'put', '/api/downtime/reason', body);

type Named = { id: string; code: string };

/**
 * Machine events at times of day (`at` turns `'07:10'` into the instant), each with an event id
 * made of the equipment's code, its kind and the time.
 */
export function eventsAt(at: (time: string) => string) {
  return {
    state: (
      equipment: Named,
      time: string,
      state: 'running' | 'stopped',
      reasonCode?: string,
    ): MachineEventInput => ({
      eventId: `${equipment.code}-s-${time}`,
      equipmentId: equipment.id,
      ts: at(time),
      type: 'state',
      state,
      ...(reasonCode ? { reasonCode } : {}),
    }),
    count: (equipment: Named, time: string, good: number, reject = 0): MachineEventInput => ({
      eventId: `${equipment.code}-n-${time}`,
      equipmentId: equipment.id,
      ts: at(time),
      type: 'count',
      good,
      reject,
    }),
  };
}
