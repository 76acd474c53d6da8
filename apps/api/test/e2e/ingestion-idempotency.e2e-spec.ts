import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { AuthTokens, IngestConflictBody, MachineEventInput } from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { fieldPaths } from '../support/api.js';
import { freezeClock } from '../support/clock.js';
import { ingestEvents, sendEvents } from '../support/ingestion-factory.js';
import { createEquipment, createLine } from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const MAX_AGE_DAYS = 400; // the default of INGEST_MAX_AGE_DAYS

/**
 * Idempotency per equipment (`(equipmentId, eventId)`: duplicates, conflicts, 409) and the bounds
 * on event times (`INGEST_MAX_AGE_DAYS` before now and before the equipment was created).
 */
describe('ingestion: idempotency per equipment and event times within reason', () => {
  let t: TestApp;
  let gateway: AuthTokens;
  let press: string;
  let oven: string;
  let setNow: (next: Date) => void;
  /** The time the tests take as now: after the equipment was created, so now − N days is the bound. */
  let realNow: Date;

  beforeAll(async () => {
    t = await createTestApp();
    gateway = await t.userWithRole('engineer', 'gateway');
    const line = await createLine(t, gateway, { code: 'IDEM', name: 'Idempotency line' });
    const make = async (code: string) =>
      (await createEquipment(t, gateway, { code, name: code, lineId: line.id })).id;
    press = await make('IDEM-PRESS');
    oven = await make('IDEM-OVEN');
    realNow = new Date();
    setNow = freezeClock(t.app, realNow);
  });
  beforeEach(() => setNow(realNow));
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const post = (events: readonly unknown[]) => sendEvents(t, gateway, events);
  const ts = (minutesAgo: number) =>
    new Date(realNow.getTime() - minutesAgo * 60_000).toISOString();
  const state = (
    equipmentId: string,
    eventId: string,
    at: string,
    extra: Partial<Extract<MachineEventInput, { type: 'state' }>> = {},
  ): MachineEventInput => ({
    eventId,
    equipmentId,
    ts: at,
    type: 'state',
    state: 'running',
    ...extra,
  });
  const count = (
    equipmentId: string,
    eventId: string,
    at: string,
    good = 10,
    reject = 0,
  ): MachineEventInput => ({ eventId, equipmentId, ts: at, type: 'count', good, reject });
  const stored = (eventId: string) =>
    db().query<
      Array<{ equipment_id: string; type: string; state: string | null; good: number | null }>
    >(
      `SELECT equipment_id, type, state, good FROM machine_events WHERE event_id = $1
        ORDER BY equipment_id`,
      [eventId],
    );
  const total = async () =>
    (await db().query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM machine_events'))[0]
      ?.n ?? 0;
  const ingestCounter = async (): Promise<Record<string, number>> => {
    const text = (await t.http().get('/metrics').expect(200)).text;
    const out: Record<string, number> = {};
    for (const match of text.matchAll(/^ingest_events_total\{outcome="(\w+)"\} (\d+)$/gm))
      out[match[1] ?? ''] = Number(match[2]);
    return out;
  };

  describe('idempotency per equipment', () => {
    it('stores the same eventIds of two machines, both', async () => {
      const events = [
        count(press, '1', ts(30), 10),
        count(oven, '1', ts(30), 20),
        state(press, '2', ts(29)),
        state(oven, '2', ts(29), { state: 'stopped', reasonCode: 'JAM' }),
      ];
      expect(await ingestEvents(t, gateway, events)).toEqual({
        accepted: 4,
        duplicates: 0,
        conflicts: [],
      });
      expect(await stored('1')).toEqual(
        [
          { equipment_id: press, type: 'count', state: null, good: 10 },
          { equipment_id: oven, type: 'count', state: null, good: 20 },
        ].sort((a, b) => (a.equipment_id < b.equipment_id ? -1 : 1)),
      );
      expect(await stored('2')).toHaveLength(2);
    });

    it('counts the same key with the same payload as a duplicate, the time written with any offset', async () => {
      const at = new Date(Date.parse(ts(30)) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
      const before = await total();
      expect(
        await ingestEvents(t, gateway, [
          count(press, '1', at, 10),
          { ...count(oven, '1', ts(30), 20), equipmentId: oven.toUpperCase() },
          state(oven, '2', ts(29), { state: 'stopped', reasonCode: 'JAM' }),
        ]),
      ).toEqual({ accepted: 0, duplicates: 3, conflicts: [] });
      expect(await total()).toBe(before);
    });

    it('answers 409 naming each event when every event conflicts, and stores none', async () => {
      const before = await total();
      const response = await post([
        count(press, '1', ts(30), 11), // good differs
        count(oven, '1', ts(30), 20, 1), // reject differs
        state(press, '2', ts(28)), // ts differs
        state(oven, '2', ts(29), { state: 'stopped', reasonCode: 'MAT' }), // reason differs
        state(oven, '2', ts(29), { state: 'stopped' }), // reason absent
        state(press, '2', ts(29), { state: 'idle' }), // state differs
        count(press, '2', ts(29), 0), // type differs
      ]).expect(409);
      const body = response.body as IngestConflictBody;
      expect(body).toMatchObject({
        statusCode: 409,
        code: 'CONFLICT',
        accepted: 0,
        duplicates: 0,
        conflicts: [
          { index: 0, eventId: '1' },
          { index: 1, eventId: '1' },
          { index: 2, eventId: '2' },
          { index: 3, eventId: '2' },
          { index: 4, eventId: '2' },
          { index: 5, eventId: '2' },
          { index: 6, eventId: '2' },
        ],
      });
      expect(body.requestId).toEqual(expect.any(String));
      expect(await total()).toBe(before);
      expect((await stored('1')).map((row) => row.good).sort()).toEqual([10, 20]);
    });

    it('tells a stored time from one a millisecond off, and from one a microsecond off', async () => {
      const second = Math.floor(realNow.getTime() / 1000) * 1000 - DAY;
      const utc = new Date(second).toISOString().slice(0, 19); // 2026-12-06T10:00:00
      const plusOne = new Date(second + 3_600_000).toISOString().slice(0, 19);
      await ingestEvents(t, gateway, [state(press, 'micro', `${utc}.123456Z`)]);
      const again = await ingestEvents(t, gateway, [
        state(press, 'micro', `${plusOne}.123456+01:00`),
        state(press, 'micro', `${utc}.123457Z`),
        state(press, 'micro', `${utc}.124456Z`),
      ]);
      expect(again).toEqual({
        accepted: 0,
        duplicates: 1,
        conflicts: [
          { index: 1, eventId: 'micro' },
          { index: 2, eventId: 'micro' },
        ],
      });
    });

    it('sorts out a mixed batch: new, duplicate, conflict, and repeats inside the batch', async () => {
      const events = [
        count(press, 'm-1', ts(20), 5), // new
        count(press, '1', ts(30), 10), // duplicate of a stored event
        count(oven, '1', ts(30), 99), // conflict with a stored event
        count(oven, 'm-1', ts(20), 7), // new: the same eventId as index 0, another machine
        count(press, 'm-1', ts(20), 5), // repeat in the batch, same payload: duplicate
        count(press, 'm-1', ts(20), 6), // repeat in the batch, another payload: conflict
      ];
      const counter = await ingestCounter();
      const response = await post(events).expect(200);
      expect(response.body).toEqual({
        accepted: 2,
        duplicates: 2,
        conflicts: [
          { index: 2, eventId: '1' },
          { index: 5, eventId: 'm-1' },
        ],
      });
      const rows = await stored('m-1');
      expect(rows.map((row) => [row.equipment_id, row.good])).toEqual(
        expect.arrayContaining([
          [press, 5],
          [oven, 7],
        ]),
      );
      expect(rows).toHaveLength(2);
      expect(await ingestCounter()).toEqual({
        accepted: (counter.accepted ?? 0) + 2,
        duplicate: (counter.duplicate ?? 0) + 2,
        conflict: (counter.conflict ?? 0) + 2,
      });
    });

    it('of two concurrent batches with one key and two payloads, stores one and reports the other', async () => {
      const answers = await Promise.all(
        [1, 2].map((good) => post([count(press, 'race', ts(15), good)])),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(await stored('race')).toHaveLength(1);
    });

    it('shows every outcome in /metrics from the start', async () => {
      const text = (await t.http().get('/metrics').expect(200)).text;
      expect(text).toContain('# TYPE ingest_events_total counter');
      for (const outcome of ['accepted', 'duplicate', 'conflict'])
        expect(text).toMatch(
          new RegExp(`^ingest_events_total\\{outcome="${outcome}"\\} \\d+$`, 'm'),
        );
    });
  });

  it('documents the answer, conflicts and the 409 in OpenAPI', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const responses = doc.body.paths['/api/ingest/events'].post.responses as Record<
      string,
      { content: Record<string, { schema: { properties: Record<string, unknown> } }> }
    >;
    for (const status of ['200', '409']) {
      const schema = responses[status]?.content['application/json']?.schema;
      expect(Object.keys(schema?.properties ?? {})).toEqual(
        expect.arrayContaining(['accepted', 'duplicates', 'conflicts']),
      );
    }
  });

  describe('event times within reason', () => {
    it('refuses events older than INGEST_MAX_AGE_DAYS before now naming events.i.ts, and stores nothing', async () => {
      const bound = realNow.getTime() - MAX_AGE_DAYS * DAY;
      const before = await total();
      const response = await post([
        state(press, 'age-ok', ts(5)),
        state(press, 'age-old', new Date(bound - 1).toISOString()),
        state(press, 'age-year1', '0001-01-01T00:00:00Z'),
        state(oven, 'age-1970', '1970-01-01T00:00:00Z'),
      ]).expect(400);
      expect(fieldPaths(response.body)).toEqual(['events.1.ts', 'events.2.ts', 'events.3.ts']);
      expect(await total()).toBe(before);
    });

    it('accepts an event exactly at the bound, and a 90-day backfill', async () => {
      const bound = realNow.getTime() - MAX_AGE_DAYS * DAY;
      expect(
        await ingestEvents(t, gateway, [
          state(press, 'age-bound', new Date(bound).toISOString()),
          count(press, 'age-90d', new Date(realNow.getTime() - 90 * DAY).toISOString()),
        ]),
      ).toMatchObject({ accepted: 2 });
    });

    it('moves the bound with the server clock', async () => {
      const at = new Date(realNow.getTime() - (MAX_AGE_DAYS - 1) * DAY).toISOString();
      setNow(new Date(realNow.getTime() + 2 * DAY)); // now the same event is 401 days old
      const response = await post([state(press, 'age-moved', at)]).expect(400);
      expect(fieldPaths(response.body)).toEqual(['events.0.ts']);
    });

    it('refuses events more than N days before the equipment was created (a clock behind it)', async () => {
      const [row] = await db().query<Array<{ created_at: Date }>>(
        'SELECT created_at FROM equipment WHERE id = $1',
        [oven],
      );
      const createdAt = (row?.created_at ?? new Date()).getTime();
      setNow(new Date(createdAt - 100 * DAY)); // the server's clock, 100 days behind the equipment
      const bound = createdAt - MAX_AGE_DAYS * DAY; // later than now − 400 days
      const before = await total();
      const response = await post([
        state(oven, 'created-ok', new Date(bound + DAY).toISOString()),
        state(oven, 'created-old', new Date(bound - 1).toISOString()),
      ]).expect(400);
      expect(response.body.fieldErrors).toEqual([
        { path: 'events.1.ts', message: expect.stringContaining(new Date(bound).toISOString()) },
      ]);
      expect(await total()).toBe(before);
      expect(
        await ingestEvents(t, gateway, [
          state(oven, 'created-bound', new Date(bound).toISOString()),
        ]),
      ).toMatchObject({ accepted: 1 });
    });

    it('names unknown equipment and old times together, in batch order', async () => {
      const response = await post([
        state(press, 'mix-old', '1999-01-01T00:00:00Z'),
        state(randomUUID(), 'mix-unknown', ts(1)),
        state(oven, 'mix-ok', ts(1)),
        state(oven, 'mix-old-2', '2000-01-01T00:00:00+05:00'),
      ]).expect(400);
      expect(fieldPaths(response.body)).toEqual([
        'events.0.ts',
        'events.1.equipmentId',
        'events.3.ts',
      ]);
      expect(await stored('mix-ok')).toEqual([]);
    });
  });
});
