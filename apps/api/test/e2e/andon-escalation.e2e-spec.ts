import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type {
  AndonCall,
  AndonPolicy,
  AndonPriority,
  AndonType,
  AuthTokens,
  Equipment,
  Line,
} from '@ms5/contracts';
import pg from 'pg';
import { EscalationScheduler } from '../../src/domains/andon/escalation.scheduler.js';
import { OutboxDispatcher } from '../../src/platform/realtime/outbox-dispatcher.js';
import { raiseAndonCall, stepAndonCall } from '../support/andon-factory.js';
import { get, post, send } from '../support/api.js';
import { freezeClock } from '../support/clock.js';
import { createEquipment, createLine } from '../support/plant-factory.js';
import { type TestApp, createInstance, createTestApp } from '../support/test-app.js';
import { usersWithRoles } from '../support/user-factory.js';

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe('andon escalation', () => {
  let t: TestApp;
  let db: pg.Client;
  let engineer: AuthTokens;
  let operator: AuthTokens;
  let maintenance: AuthTokens;
  let line: Line;
  let equipment: Equipment;

  beforeAll(async () => {
    t = await createTestApp();
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    [engineer, operator, maintenance] = await usersWithRoles(
      t,
      'engineer',
      'operator',
      'maintenance',
    );
    line = await createLine(t, engineer, { code: 'ESC', name: 'Escalation line' });
    equipment = await createEquipment(t, engineer, {
      code: 'ESC-1',
      name: 'Press',
      lineId: line.id,
      idealCycleTimeSeconds: 3,
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const raise = (priority: AndonPriority = 'critical', type: AndonType = 'maintenance') =>
    raiseAndonCall(t, operator, { equipmentId: equipment.id, type, priority });
  const escalatedEvents = async (callId: string) =>
    (
      await db.query(
        `SELECT (payload->>'level')::int AS level, payload->'notifyRoles' AS roles
           FROM outbox_events WHERE event = 'andon.call.escalated' AND payload->>'id' = $1
          ORDER BY id`,
        [callId],
      )
    ).rows as Array<{ level: number; roles: string[] }>;
  const levelOf = (callId: string) => get<AndonCall>(t, operator, `/api/andon/${callId}`);

  it('policies are data: engineers manage them, operators cannot', async () => {
    const body = {
      name: 'Critical maintenance',
      priority: 'critical',
      type: 'maintenance',
      levels: [
        { afterMinutes: 5, condition: 'unacknowledged', notifyRoles: ['maintenance'] },
        { afterMinutes: 15, condition: 'unresolved', notifyRoles: ['production_manager'] },
      ],
    };
    await send(t, operator, 'post', '/api/andon-policies', body).expect(403);
    await send(t, engineer, 'post', '/api/andon-policies', { ...body, levels: [] }).expect(400);
    await send(t, engineer, 'post', '/api/andon-policies', {
      ...body,
      lineId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    const policy = await post<AndonPolicy>(t, engineer, '/api/andon-policies', body);
    expect(policy).toMatchObject({
      priority: 'critical',
      type: 'maintenance',
      lineId: null,
      enabled: true,
      levels: [
        { level: 1, afterMinutes: 5, condition: 'unacknowledged', notifyRoles: ['maintenance'] },
        { level: 2, afterMinutes: 15, condition: 'unresolved' },
      ],
    });
    const list = await send(t, operator, 'get', '/api/andon-policies').expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
  });

  it('fires each level when its time comes on a controllable clock, and stops on acknowledge', async () => {
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    const setNow = freezeClock(t.app, t0);
    const scheduler = t.app.get(EscalationScheduler);
    const call = await raise();

    setNow(minutes(t0, 4.9));
    await scheduler.runDue();
    expect((await levelOf(call.id)).escalationLevel).toBe(0);

    setNow(minutes(t0, 5));
    await scheduler.runDue();
    expect(await escalatedEvents(call.id)).toEqual([{ level: 1, roles: ['maintenance'] }]);
    const escalated = await levelOf(call.id);
    expect(escalated).toMatchObject({
      escalationLevel: 1,
      escalatedAt: minutes(t0, 5).toISOString(),
    });

    setNow(minutes(t0, 6));
    await stepAndonCall(t, maintenance, call.id, 'acknowledge');
    setNow(minutes(t0, 14));
    await scheduler.runDue();
    expect(await escalatedEvents(call.id)).toHaveLength(1);
    setNow(minutes(t0, 15));
    await scheduler.runDue();
    await scheduler.runDue();
    expect(await escalatedEvents(call.id)).toEqual([
      { level: 1, roles: ['maintenance'] },
      { level: 2, roles: ['production_manager'] },
    ]);

    // Acknowledged in time: the "unacknowledged" level never fires; resolved: nothing more.
    const early = await raise();
    setNow(minutes(t0, 16));
    await stepAndonCall(t, maintenance, early.id, 'acknowledge');
    await stepAndonCall(t, maintenance, early.id, 'resolve');
    setNow(minutes(t0, 60));
    await scheduler.runDue();
    expect(await escalatedEvents(early.id)).toEqual([]);

    // A call with no matching policy never escalates.
    const unmatched = await raise('low', 'help');
    setNow(minutes(t0, 600));
    await scheduler.runDue();
    expect(await escalatedEvents(unmatched.id)).toEqual([]);
  });

  it('resumes pending escalations after a restart, without losing or doubling one', async () => {
    await send(t, engineer, 'post', '/api/andon-policies', {
      name: 'High safety on this line',
      priority: 'high',
      type: 'safety',
      lineId: line.id,
      levels: [
        { afterMinutes: 1, condition: 'unacknowledged', notifyRoles: ['shift_manager'] },
        { afterMinutes: 2, condition: 'unresolved', notifyRoles: ['production_manager'] },
      ],
    }).expect(201);
    const t0 = new Date();
    const call = await raise('high', 'safety');

    // A fresh instance on the same database, as after a restart, 3 minutes later. (The first
    // instance's clock never reaches the due time, so only the fresh one can fire.)
    const restarted = await createInstance(t.db.url);
    try {
      freezeClock(restarted, minutes(t0, 3));
      await Promise.all([
        restarted.get(EscalationScheduler).runDue(),
        restarted.get(EscalationScheduler).runDue(),
      ]);
      await restarted.get(OutboxDispatcher).flush();
      expect(await escalatedEvents(call.id)).toEqual([
        { level: 1, roles: ['shift_manager'] },
        { level: 2, roles: ['production_manager'] },
      ]);
      const stored = await db.query(
        `SELECT level, fired_at IS NOT NULL AS fired FROM andon_escalations WHERE call_id = $1 ORDER BY level`,
        [call.id],
      );
      expect(stored.rows).toEqual([
        { level: 1, fired: true },
        { level: 2, fired: true },
      ]);
    } finally {
      await restarted.close();
    }
  });

  it('with two instances on one database, no level fires twice', async () => {
    const t0 = new Date();
    const calls = await Promise.all(Array.from({ length: 30 }, () => raise()));
    const other = await createInstance(t.db.url);
    try {
      freezeClock(t.app, minutes(t0, 20));
      freezeClock(other, minutes(t0, 20));
      const runs = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 === 0 ? t.app : other).get(EscalationScheduler).runDue(),
        ),
      );
      const fired = await db.query(
        `SELECT count(*)::int AS n FROM outbox_events
          WHERE event = 'andon.call.escalated' AND payload->>'id' = ANY($1::text[])`,
        [calls.map((call) => call.id)],
      );
      // Two levels per call (the first policy), each exactly once, whoever fired it.
      expect(fired.rows[0].n).toBe(60);
      expect(runs.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(60);
      const doubled = await db.query(
        `SELECT payload->>'id' AS id, payload->>'level' AS level, count(*) FROM outbox_events
          WHERE event = 'andon.call.escalated' GROUP BY 1, 2 HAVING count(*) > 1`,
      );
      expect(doubled.rows).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
