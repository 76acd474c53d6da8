import { describe, expect, it } from '@jest/globals';
import type { OutboxMessage } from './outbox.repository.js';

// The checks here are the compiler's (`pnpm typecheck` fails if an expected error goes away); the
// assertions only keep the values used.
describe('OutboxMessage', () => {
  it('takes the payload the event map declares for the event', () => {
    const job: OutboxMessage<'production.job.changed'> = {
      event: 'production.job.changed',
      payload: {
        id: 'j',
        lineId: 'l',
        at: '2026-01-01T00:00:00Z',
        status: 'started',
        operatorId: 'o',
      },
      rooms: ['line:l'],
    };
    expect(job.payload.operatorId).toBe('o');
  });

  it("refuses a payload that is not the event's", () => {
    const wrong: OutboxMessage<'production.job.changed'> = {
      event: 'production.job.changed',
      // @ts-expect-error a job notice must name the job's operator
      payload: { id: 'j', at: '2026-01-01T00:00:00Z', status: 'started' },
      rooms: [],
    };
    const mismatched: OutboxMessage = {
      event: 'handover.changed',
      // @ts-expect-error a handover notice says whether it was acknowledged, not a state
      payload: { id: 'h', at: '2026-01-01T00:00:00Z', state: 'running', reasonCode: null },
      rooms: [],
    };
    expect([wrong.event, mismatched.event]).toEqual(['production.job.changed', 'handover.changed']);
  });
});
