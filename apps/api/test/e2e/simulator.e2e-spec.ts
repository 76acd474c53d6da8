import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AuthTokens,
  type BackfillResult,
  type Equipment,
  type Line,
  type Paginated,
  type Product,
  type Shift,
  type SimulatorRun,
  type SimulatorState,
  ingestBatchSchema,
} from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { DemoSeeder } from '../../src/dev/demo/demo-seeder.js';
import { MaintenanceSchedulerService } from '../../src/domains/maintenance/maintenance-scheduler.service.js';
import { generateEvents } from '../../src/dev/simulator/plant-simulation.js';
import { buildSimPlant } from '../../src/dev/simulator/sim-plant.js';
import { SIMULATOR_LOCK_KEY } from '../../src/dev/simulator/simulator.driver.js';
import { get, send } from '../support/api.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { usersWithRoles } from '../support/user-factory.js';
import { sleep, waitFor } from '../support/wait.js';

/** The demo plant, the simulator's control and its traffic, over HTTP on real PostgreSQL. */
describe('line simulator', () => {
  let t: TestApp;
  let db: DataSource;
  let engineer: AuthTokens;
  let admin: AuthTokens;
  let operator: AuthTokens;
  let viewer: AuthTokens;

  const control = (action: string, tokens: AuthTokens = engineer, body: object = {}) =>
    send(t, tokens, 'post', `/api/simulator/${action}`, body);
  const count = async (sql: string): Promise<number> => {
    const rows: Array<{ n: string }> = await db.query(sql);
    return Number(rows[0]?.n ?? 0);
  };

  beforeAll(async () => {
    t = await createTestApp({ SIMULATOR_TICK_MS: '200' });
    await t.app.listen(0, '127.0.0.1');
    db = t.app.get(DataSource);
    admin = await t.adminTokens();
    [engineer, operator, viewer] = await usersWithRoles(t, 'engineer', 'operator', 'viewer');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('seeds the demo plant and its users once, with passwords only in an owner-only file', async () => {
    const printed: string[] = [];
    const first = await t.app.get(DemoSeeder).seed((message) => printed.push(message));
    expect(first.created).toBe(true);
    expect(first.users.map((u) => u.role).sort()).toEqual(
      [
        'admin',
        'engineer',
        'engineer',
        'maintenance',
        'operator',
        'production_manager',
        'quality',
        'shift_manager',
        'viewer',
      ].sort(),
    );
    expect(first.passwordFile).not.toBeNull();
    expect(statSync(first.passwordFile ?? '').mode & 0o777).toBe(0o600);
    expect(printed.join('')).toContain(first.users[0]?.password ?? 'missing');
    const demoEngineer = first.users.find((u) => u.username === 'demo-engineer');
    await t.login('demo-engineer', demoEngineer?.password ?? '');

    const sizes = async () => ({
      sites: await count('SELECT count(*) AS n FROM sites'),
      areas: await count('SELECT count(*) AS n FROM areas'),
      lines: await count('SELECT count(*) AS n FROM lines'),
      equipment: await count('SELECT count(*) AS n FROM equipment'),
      shifts: await count('SELECT count(*) AS n FROM shifts'),
      products: await count('SELECT count(*) AS n FROM products'),
      reasons: await count('SELECT count(*) AS n FROM downtime_reasons'),
      policies: await count('SELECT count(*) AS n FROM andon_policies'),
      checklists: await count('SELECT count(*) AS n FROM checklist_templates WHERE active'),
      plans: await count('SELECT count(*) AS n FROM maintenance_plans WHERE active'),
      users: await count('SELECT count(*) AS n FROM users'),
    });
    const after = await sizes();
    expect(after).toMatchObject({ sites: 1, areas: 2, lines: 5, equipment: 20, shifts: 15 });
    expect(after.products).toBe(7);
    expect(after.reasons).toBeGreaterThanOrEqual(10);
    expect(after.policies).toBe(3);
    // One pre-start checklist per line; FL1's has five items, three of them critical.
    expect(after.checklists).toBe(5);
    const [fl1Checklist] = await db.query<Array<{ items: number; critical: number }>>(
      `SELECT jsonb_array_length(c.items) AS items,
              (SELECT count(*) FROM jsonb_array_elements(c.items) i WHERE (i->>'critical')::boolean)::int AS critical
         FROM checklist_templates c JOIN lines l ON l.id = c.line_id WHERE l.code = 'FL1'`,
    );
    expect(fl1Checklist).toEqual({ items: 5, critical: 3 });
    // Preventive plans: a weekly inspection on each line's first machine, a runtime plan on its
    // output, a parts plan on FL1's filler; the inspections (a week of lead) are due at once.
    expect(after.plans).toBe(11);
    const triggers = await db.query<Array<{ code: string; kinds: string }>>(
      `SELECT e.code, string_agg(t.kind, ',' ORDER BY t.kind) AS kinds
         FROM maintenance_plans p JOIN equipment e ON e.id = p.equipment_id
         JOIN maintenance_plan_triggers t ON t.plan_id = p.id
        WHERE e.code LIKE 'FL1-%' GROUP BY e.code ORDER BY e.code`,
    );
    expect(triggers).toEqual([
      { code: 'FL1-FILL', kinds: 'calendar,parts' },
      { code: 'FL1-PACK', kinds: 'runtime' },
    ]);
    await t.app.get(MaintenanceSchedulerService).runPass();
    const preventive = await db.query<Array<{ title: string; n: number }>>(
      `SELECT title, count(*)::int AS n FROM work_orders WHERE type = 'preventive'
        GROUP BY title ORDER BY title`,
    );
    expect(preventive).toEqual([{ title: 'Weekly line inspection', n: 5 }]);

    const again = await t.app.get(DemoSeeder).seed();
    expect(again).toEqual({ created: false, users: [], passwordFile: null });
    expect(await sizes()).toEqual(after);

    // A demo seeded by an earlier version (no output equipment, no checklists) is brought up to
    // date on the next start: FL1 counts its output at its last station again.
    await db.query(`UPDATE lines SET output_equipment_id = NULL WHERE code = 'FL1'`);
    await db.query(
      `DELETE FROM checklist_templates WHERE line_id = (SELECT id FROM lines WHERE code = 'FL1')`,
    );
    expect(await t.app.get(DemoSeeder).seed()).toMatchObject({ created: false });
    const [fl1] = await db.query<Array<{ output: string | null }>>(
      `SELECT e.code AS output FROM lines l LEFT JOIN equipment e ON e.id = l.output_equipment_id
        WHERE l.code = 'FL1'`,
    );
    expect(fl1).toEqual({ output: 'FL1-PACK' });
    expect(await sizes()).toEqual(after);
  });

  it('lets engineers and admins control it, not operators or viewers', async () => {
    for (const tokens of [operator, viewer]) {
      for (const action of ['start', 'stop', 'pause', 'resume', 'backfill'])
        await control(action, tokens, action === 'backfill' ? { days: 1 } : {}).expect(403);
    }
    await send(t, viewer, 'get', '/api/simulator').expect(403);
    expect((await get<SimulatorState>(t, admin, '/api/simulator')).status).toBe('stopped');
    await t.http().get('/api/simulator').expect(401);
  });

  it('answers 409 to every transition that makes no sense, 200 with the new status otherwise', async () => {
    const expectStatus = async (action: string, code: number, status?: string) => {
      const response = await control(action, action === 'start' ? admin : engineer).expect(code);
      if (status) expect((response.body as SimulatorState).status).toBe(status);
      else expect(response.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });
    };
    // stopped
    await expectStatus('stop', 409);
    await expectStatus('pause', 409);
    await expectStatus('resume', 409);
    await expectStatus('start', 200, 'running');
    // running
    await expectStatus('start', 409);
    await expectStatus('resume', 409);
    await expectStatus('pause', 200, 'paused');
    // paused
    await expectStatus('pause', 409);
    await expectStatus('start', 409);
    await expectStatus('resume', 200, 'running');
    await expectStatus('stop', 200, 'stopped');
    await expectStatus('stop', 409);
    // paused → stopped is allowed too
    await expectStatus('start', 200, 'running');
    await expectStatus('pause', 200, 'paused');
    await expectStatus('stop', 200, 'stopped');

    const bad = await control('start', engineer, { speed: 0, seed: -1, extra: 1 }).expect(400);
    const paths = (bad.body as { fieldErrors: Array<{ path: string }> }).fieldErrors.map(
      (e) => e.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['speed', 'seed']));
    await control('pause', engineer, { unexpected: true }).expect(400);
  });

  it('sends events and andon calls through the public routes while running, none while paused', async () => {
    // The demo shifts cover the whole day, but during their breaks every line stands still: take
    // the breaks out so that this test sees traffic at whatever time of day it runs.
    const shifts = await get<Paginated<{ id: string }>>(t, engineer, '/api/shifts?pageSize=200');
    expect(shifts.total).toBe(15);
    for (const shift of shifts.items) {
      await send(t, engineer, 'patch', `/api/shifts/${shift.id}`, { breaks: [] }).expect(200);
    }
    const started = (await control('start', engineer, { seed: 7, speed: 120 }).expect(200))
      .body as SimulatorState;
    const runId = started.run?.id ?? '';
    expect(started.run).toMatchObject({ seed: 7, speed: 120, status: 'running' });

    const state = await waitFor(
      () => get<SimulatorState>(t, engineer, '/api/simulator'),
      (s) => (s.run?.eventsSent ?? 0) > 50 && (s.run?.andonCalls ?? 0) > 0,
      45_000,
    );
    expect(state.driving).toBe(true);
    expect(
      await count(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = ${SIMULATOR_LOCK_KEY} AND granted`,
      ),
    ).toBe(1);
    // Everything went through the andon routes as the simulator's service user.
    const calls: Array<{ username: string; n: string }> = await db.query(
      `SELECT u.username, count(*) AS n FROM andon_calls c JOIN users u ON u.id = c.raised_by GROUP BY u.username`,
    );
    expect(calls.map((c) => c.username)).toEqual(['simulator']);
    await waitFor(
      () => count(`SELECT count(*) AS n FROM andon_calls WHERE status = 'resolved'`),
      (n) => n > 0,
      45_000,
    );
    // Maintenance calls become work orders, linked both ways, assigned to the demo technician
    // (the high and critical ones opened by the demo's policies as they are raised, the
    // simulator assigning them just after: wait for an assigned one).
    await waitFor(
      () =>
        count(
          `SELECT count(*) AS n FROM work_orders w
            WHERE w.andon_call_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM work_order_assignees a WHERE a.work_order_id = w.id)`,
        ),
      (n) => n > 0,
      45_000,
    );
    const orders: Array<{ type: string; call_type: string; linked: boolean; assignee: string }> =
      await db.query(
        `SELECT w.type, c.type AS call_type, c.work_order_id = w.id AS linked, u.username AS assignee
           FROM work_orders w
           JOIN andon_calls c ON c.id = w.andon_call_id
           JOIN work_order_assignees a ON a.work_order_id = w.id
           JOIN users u ON u.id = a.user_id`,
      );
    expect(orders.length).toBeGreaterThan(0);
    for (const order of orders) {
      expect(order).toEqual({
        type: 'corrective',
        call_type: 'maintenance',
        linked: true,
        assignee: 'demo-maintenance',
      });
    }

    await control('pause').expect(200);
    await sleep(600); // a tick in flight may still finish
    const eventsAtPause = await count(`SELECT count(*) AS n FROM machine_events`);
    const callsAtPause = await count(
      `SELECT count(*) + count(acknowledged_at) + count(resolved_at) AS n FROM andon_calls`,
    );
    const sentAtPause = (await get<SimulatorState>(t, engineer, '/api/simulator')).run?.eventsSent;
    await sleep(3000);
    expect(await count(`SELECT count(*) AS n FROM machine_events`)).toBe(eventsAtPause);
    expect(
      await count(
        `SELECT count(*) + count(acknowledged_at) + count(resolved_at) AS n FROM andon_calls`,
      ),
    ).toBe(callsAtPause);
    const paused = await get<SimulatorState>(t, engineer, '/api/simulator');
    expect(paused.status).toBe('paused');
    expect(paused.run?.eventsSent).toBe(sentAtPause);

    await control('resume').expect(200);
    await waitFor(
      () => count(`SELECT count(*) AS n FROM machine_events`),
      (n) => n > eventsAtPause,
    );
    await control('stop').expect(200);
    await sleep(600);

    // Every event the simulator counted as sent was accepted by the ingestion route.
    const run = (await get<Paginated<SimulatorRun>>(t, engineer, '/api/simulator/runs')).items.find(
      (r) => r.id === runId,
    );
    expect(run?.status).toBe('stopped');
    expect(run?.stoppedAt).not.toBeNull();
    expect(
      await count(`SELECT count(*) AS n FROM machine_events WHERE event_id LIKE 'sim-%'`),
    ).toBe(run?.eventsSent);
    expect((await get<SimulatorState>(t, engineer, '/api/simulator')).driving).toBe(false);
  });

  it('generates events that pass the same validation and route as everyone else', async () => {
    const list = <T>(path: string) =>
      get<Paginated<T>>(t, engineer, `${path}?pageSize=200`).then((page) => page.items);
    const plant = buildSimPlant({
      lines: await list<Line>('/api/lines'),
      equipment: await list<Equipment>('/api/equipment'),
      shifts: await list<Shift>('/api/shifts'),
      products: await list<Product>('/api/products'),
    });
    const start = Date.now() - 3 * 3_600_000;
    const options = { seed: 99, speed: 1, runKey: 'e2e-check', start };
    const events = generateEvents(plant, options, start + 3_600_000);
    expect(generateEvents(plant, options, start + 3_600_000)).toEqual(events);
    expect(events.length).toBeGreaterThan(1000);
    for (let i = 0; i < events.length; i += 1000) {
      const batch = { events: events.slice(i, i + 1000) };
      expect(ingestBatchSchema.safeParse(batch).success).toBe(true);
      const first = await ingestEvents(t, engineer, batch.events);
      expect(first).toEqual({ accepted: batch.events.length, duplicates: 0, conflicts: [] });
      const again = await ingestEvents(t, engineer, batch.events);
      expect(again).toEqual({ accepted: 0, duplicates: batch.events.length, conflicts: [] });
    }
  });

  it('backfills days of history through the ingestion route and lists the runs', async () => {
    const response = await control('backfill', engineer, { days: 1, seed: 5 }).expect(200);
    const result = response.body as BackfillResult;
    expect(result.events).toBeGreaterThan(25_000);
    expect(result.accepted).toBe(result.events);
    expect(result.conflicts).toBe(0);
    expect(result.batches).toBeGreaterThanOrEqual(Math.ceil(result.events / 1000));
    expect(Date.parse(result.to) - Date.parse(result.from)).toBe(86_400_000);
    await control('backfill', engineer, { days: 0 }).expect(400);

    const runs = await get<Paginated<SimulatorRun>>(t, engineer, '/api/simulator/runs?pageSize=2');
    expect(runs.total).toBeGreaterThanOrEqual(3);
    expect(runs.items).toHaveLength(2);
    expect(runs.items[0]?.startedBy?.username).toMatch(/^engineer-/);
  });
});
