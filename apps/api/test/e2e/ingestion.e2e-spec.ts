import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, MachineEventInput } from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { sendEvents } from '../support/ingestion-factory.js';
import { createEquipment, createLine } from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

describe('event ingestion over HTTP', () => {
  let t: TestApp;
  let gateway: AuthTokens;
  let equipmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    gateway = await t.userWithRole('engineer', 'gateway');
    const line = await createLine(t, gateway, { code: 'ING', name: 'Ingest line' });
    const equipment = await createEquipment(t, gateway, {
      code: 'ING-1',
      name: 'Press',
      lineId: line.id,
      idealCycleTimeSeconds: 2,
    });
    equipmentId = equipment.id;
  });
  afterAll(() => t.close());

  const storedCount = async (): Promise<number> => {
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM machine_events');
    return row.n as number;
  };
  const post = (events: unknown[]) => sendEvents(t, gateway, events);

  it('accepts a batch, and counts a repeated eventId with another payload as a conflict that changes nothing', async () => {
    const events: MachineEventInput[] = [
      { eventId: 'a-1', equipmentId, ts: '2026-11-02T06:00:00Z', type: 'state', state: 'running' },
      {
        eventId: 'a-2',
        equipmentId,
        ts: '2026-11-02T06:10:00+00:00',
        type: 'count',
        good: 290,
        reject: 10,
      },
      {
        eventId: 'a-2',
        equipmentId,
        ts: '2026-11-02T06:11:00Z',
        type: 'count',
        good: 999,
        reject: 0,
      },
    ];
    expect((await post(events).expect(200)).body).toEqual({
      accepted: 2,
      duplicates: 0,
      conflicts: [{ index: 2, eventId: 'a-2' }],
    });
    expect((await post(events).expect(200)).body).toEqual({
      accepted: 0,
      duplicates: 2,
      conflicts: [{ index: 2, eventId: 'a-2' }],
    });
    const [row] = await t.app
      .get(DataSource)
      .query("SELECT good, reject FROM machine_events WHERE event_id = 'a-2'");
    expect(row).toEqual({ good: 290, reject: 10 });
  });

  it('queues roll-ups from the earliest new event, late events included', async () => {
    await post([
      {
        eventId: 'late-1',
        equipmentId,
        ts: '2026-11-01T22:00:00Z',
        type: 'state',
        state: 'stopped',
        reasonCode: 'JAM',
      },
    ]).expect(200);
    const [queued] = await t.app
      .get(DataSource)
      .query('SELECT since FROM oee_rollup_queue WHERE equipment_id = $1', [equipmentId]);
    expect((queued.since as Date).toISOString()).toBe('2026-11-01T22:00:00.000Z');
  });

  it('rejects a whole batch with any bad event, naming each, and stores nothing', async () => {
    const before = await storedCount();
    const response = await post([
      { eventId: 'b-ok', equipmentId, ts: '2026-11-02T07:00:00Z', type: 'state', state: 'idle' },
      {
        eventId: 'b-neg',
        equipmentId,
        ts: '2026-11-02T07:00:00Z',
        type: 'count',
        good: -5,
        reject: 0,
      },
      { eventId: 'b-tz', equipmentId, ts: '2026-11-02T07:00:00', type: 'state', state: 'idle' },
      {
        eventId: 'b-fut',
        equipmentId,
        ts: new Date(Date.now() + 86_400_000).toISOString(),
        type: 'state',
        state: 'idle',
      },
      {
        eventId: 'b-x',
        equipmentId,
        ts: '2026-11-02T07:00:00Z',
        type: 'state',
        state: 'idle',
        colour: 'red',
      },
    ]).expect(400);
    expect((response.body.fieldErrors as Array<{ path: string }>).map((e) => e.path)).toEqual([
      'events.1.good',
      'events.2.ts',
      'events.3.ts',
      'events.4.colour',
    ]);
    expect(await storedCount()).toBe(before);

    const unknown = await post([
      { eventId: 'c-ok', equipmentId, ts: '2026-11-02T07:00:00Z', type: 'state', state: 'idle' },
      {
        eventId: 'c-unknown',
        equipmentId: randomUUID(),
        ts: '2026-11-02T07:00:00Z',
        type: 'state',
        state: 'idle',
      },
    ]).expect(400);
    expect(unknown.body.fieldErrors).toEqual([
      { path: 'events.1.equipmentId', message: 'Unknown equipment' },
    ]);
    expect(await storedCount()).toBe(before);
    await post([]).expect(400);
  });

  it('stays idempotent under concurrent duplicate posts', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({
      eventId: `conc-${i}`,
      equipmentId,
      ts: new Date(Date.parse('2026-11-03T00:00:00Z') + i * 1000).toISOString(),
      type: 'count' as const,
      good: 1,
      reject: 0,
    }));
    const results = await Promise.all([post(events), post(events), post(events)]);
    const accepted = results.reduce((sum, r) => sum + (r.body.accepted as number), 0);
    const duplicates = results.reduce((sum, r) => sum + (r.body.duplicates as number), 0);
    expect(accepted).toBe(200);
    expect(duplicates).toBe(400);
  });

  it('is for gateways and engineers, not viewers or operators', async () => {
    const viewer = await t.userWithRole('viewer');
    await sendEvents(t, viewer, []).expect(403);
    const operator = await t.userWithRole('operator');
    await sendEvents(t, operator, []).expect(403);
  });
});
