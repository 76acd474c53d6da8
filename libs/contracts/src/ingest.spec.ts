import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './errors.js';
import { ingestBatchSchema } from './ingest.js';

const equipmentId = '6f1c1f9e-8f7c-4a57-9d0c-2f4a3c1b5e10';

describe('ingestBatchSchema', () => {
  it('accepts state and count events with offsets', () => {
    const result = ingestBatchSchema.safeParse({
      events: [
        {
          eventId: 'a',
          equipmentId,
          ts: '2026-11-23T06:00:00+01:00',
          type: 'state',
          state: 'running',
        },
        {
          eventId: 'b',
          equipmentId,
          ts: '2026-11-23T05:01:00Z',
          type: 'count',
          good: 10,
          reject: 0,
        },
      ],
    });
    expect(result.success).toBe(true);
  });

  it('names each bad event field: negative counts, no offset, the far future, unknown state', () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const result = ingestBatchSchema.safeParse({
      events: [
        { eventId: 'ok', equipmentId, ts: '2026-11-23T05:00:00Z', type: 'state', state: 'running' },
        {
          eventId: 'neg',
          equipmentId,
          ts: '2026-11-23T05:00:00Z',
          type: 'count',
          good: -1,
          reject: 0,
        },
        { eventId: 'tz', equipmentId, ts: '2026-11-23T05:00:00', type: 'state', state: 'idle' },
        { eventId: 'fut', equipmentId, ts: future, type: 'state', state: 'idle' },
        {
          eventId: 'st',
          equipmentId,
          ts: '2026-11-23T05:00:00Z',
          type: 'state',
          state: 'sleeping',
        },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error.issues).map((e) => e.path)).toEqual([
      'events.1.good',
      'events.2.ts',
      'events.3.ts',
      'events.4.state',
    ]);
  });

  it('caps a batch at 1000 events', () => {
    const events = Array.from({ length: 1001 }, (_, i) => ({
      eventId: `e${i}`,
      equipmentId,
      ts: '2026-11-23T05:00:00Z',
      type: 'state' as const,
      state: 'running' as const,
    }));
    const result = ingestBatchSchema.safeParse({ events });
    expect(result.success).toBe(false);
  });
});
