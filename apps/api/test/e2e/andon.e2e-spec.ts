import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type {
  AndonCall,
  AndonInsights,
  AuthTokens,
  Equipment,
  Line,
  Paginated,
} from '@ms5/contracts';
import { Clock } from '../../src/platform/clock/clock.js';
import { type AndonStep, sendAndonCall, sendAndonStep } from '../support/andon-factory.js';
import { get, send } from '../support/api.js';
import { createEquipment, createLine } from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

/** The andon lifecycle, permissions and line visibility over HTTP on real PostgreSQL. */
describe('andon calls over HTTP', () => {
  let t: TestApp;
  let engineer: AuthTokens;
  let operator: AuthTokens;
  let viewer: AuthTokens;
  let maintenance: AuthTokens;
  let lineA: Line;
  let lineB: Line;
  let fillerA: Equipment;
  let cutterB: Equipment;

  beforeAll(async () => {
    t = await createTestApp();
    [engineer, operator, viewer, maintenance] = await usersWithRoles(
      t,
      'engineer',
      'operator',
      'viewer',
      'maintenance',
    );
    lineA = await createLine(t, engineer, { code: 'ANDON-A' });
    lineB = await createLine(t, engineer, { code: 'ANDON-B' });
    fillerA = await createEquipment(t, engineer, { code: 'A-FILL', lineId: lineA.id });
    cutterB = await createEquipment(t, engineer, { code: 'B-CUT', lineId: lineB.id });
  });
  afterAll(() => t.close());

  const raise = (tokens: AuthTokens, body: Record<string, unknown>) =>
    sendAndonCall(t, tokens, body);
  const act = (tokens: AuthTokens, id: string, step: AndonStep, body = {}) =>
    sendAndonStep(t, tokens, id, step, body);

  it('operator raises, maintenance acknowledges and resolves, with server time stamps', async () => {
    const before = Date.now();
    const raised = await raise(operator, {
      equipmentId: fillerA.id,
      type: 'maintenance',
      priority: 'high',
      description: 'Jammed infeed',
    }).expect(201);
    const call = raised.body as AndonCall;
    expect(call).toMatchObject({
      id: expect.any(String),
      status: 'open',
      type: 'maintenance',
      priority: 'high',
      equipmentId: fillerA.id,
      equipmentCode: 'A-FILL',
      lineId: lineA.id,
      description: 'Jammed infeed',
      raisedBy: { id: operator.user.id },
      acknowledgedAt: null,
      resolvedAt: null,
      escalationLevel: 0,
      downtimeEventId: null,
      workOrderId: null,
    });
    expect(Date.parse(call.raisedAt)).toBeGreaterThanOrEqual(before - 1000);

    // Lifecycle order is enforced.
    await act(maintenance, call.id, 'resolve').expect(409);
    const acknowledged = (await act(maintenance, call.id, 'acknowledge').expect(200))
      .body as AndonCall;
    expect(acknowledged).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: { id: maintenance.user.id },
    });
    expect(Date.parse(acknowledged.acknowledgedAt!)).toBeGreaterThanOrEqual(
      Date.parse(call.raisedAt),
    );
    expect(acknowledged.responseSeconds).toBeGreaterThanOrEqual(0);
    const again = await act(maintenance, call.id, 'acknowledge').expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });

    const resolved = (
      await act(maintenance, call.id, 'resolve', { resolution: 'Cleared the jam' }).expect(200)
    ).body as AndonCall;
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: 'Cleared the jam',
      resolvedBy: { id: maintenance.user.id },
    });
    expect(resolved.resolutionSeconds).toBeGreaterThanOrEqual(resolved.responseSeconds!);
    await act(maintenance, call.id, 'resolve').expect(409);

    const read = await send(t, viewer, 'get', `/api/andon/${call.id}`).expect(200);
    expect(read.body).toMatchObject({ id: call.id, status: 'resolved' });
  });

  it('enforces permissions: viewer cannot raise, operator cannot acknowledge or resolve', async () => {
    const denied = await raise(viewer, {
      equipmentId: fillerA.id,
      type: 'help',
      priority: 'low',
    }).expect(403);
    expect(denied.body).toMatchObject({ statusCode: 403, message: expect.any(String) });
    const call = (
      await raise(operator, { equipmentId: fillerA.id, type: 'help', priority: 'low' }).expect(201)
    ).body as AndonCall;
    await act(operator, call.id, 'acknowledge').expect(403);
    await act(viewer, call.id, 'acknowledge').expect(403);
    await act(maintenance, call.id, 'acknowledge').expect(200);
    await act(operator, call.id, 'resolve').expect(403);
    await t.http().post('/api/andon').send({}).expect(401);
  });

  it('validates input with field errors and rejects unknown properties', async () => {
    const bad = await raise(operator, {
      equipmentId: fillerA.id,
      type: 'coffee',
      priority: 'urgent',
      colour: 'red',
    }).expect(400);
    const paths = (bad.body as { fieldErrors: Array<{ path: string }> }).fieldErrors.map(
      (e) => e.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['type', 'priority']));
    expect(paths.some((path) => path === 'colour' || path === '')).toBe(true);

    const unknown = await raise(operator, {
      equipmentId: '00000000-0000-4000-8000-000000000000',
      type: 'help',
      priority: 'low',
    }).expect(400);
    expect(unknown.body).toMatchObject({ fieldErrors: [{ path: 'equipmentId' }] });

    await raise(operator, {
      equipmentId: fillerA.id,
      type: 'material',
      priority: 'low',
      openDowntime: true,
    }).expect(400);
    await send(t, viewer, 'get', '/api/andon/00000000-0000-4000-8000-000000000000').expect(404);
    await send(t, viewer, 'get', '/api/andon?status=closed').expect(400);
    await send(t, viewer, 'get', '/api/andon?pageSize=500').expect(400);
  });

  it('a maintenance call can open a downtime record on its equipment', async () => {
    const call = (
      await raise(operator, {
        equipmentId: cutterB.id,
        type: 'maintenance',
        priority: 'medium',
        openDowntime: true,
      }).expect(201)
    ).body as AndonCall;
    expect(call.downtimeEventId).toEqual(expect.any(String));
    await withClient(t.db.url, async (client) => {
      const { rows } = await client.query(
        'SELECT equipment_id, type, state, reason_code FROM machine_events WHERE id = $1',
        [call.downtimeEventId],
      );
      expect(rows).toEqual([
        {
          equipment_id: cutterB.id,
          type: 'state',
          state: 'stopped',
          reason_code: 'andon.maintenance',
        },
      ]);
    });
  });

  it('lists with filters and pagination in the contract shape', async () => {
    await raise(operator, {
      equipmentId: cutterB.id,
      type: 'quality',
      priority: 'critical',
    }).expect(201);
    const open = await get<Paginated<AndonCall>>(t, viewer, '/api/andon?status=open&pageSize=2');
    expect(open).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(open.items.every((call) => call.status === 'open')).toBe(true);
    expect(open.totalPages).toBe(Math.ceil(open.total / 2));

    const critical = await get<Paginated<AndonCall>>(
      t,
      viewer,
      `/api/andon?priority=critical&type=quality&lineId=${lineB.id}`,
    );
    expect(critical.total).toBe(1);
    expect(critical.items[0]).toMatchObject({ priority: 'critical', type: 'quality' });

    const board = await get<Paginated<AndonCall>>(
      t,
      viewer,
      '/api/andon?status=open,acknowledged&sort=urgency',
    );
    const ranks = board.items.map((call) =>
      ['low', 'medium', 'high', 'critical'].indexOf(call.priority),
    );
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('limits an operator assigned to a line to that line', async () => {
    const restricted = await t.userWithRole('operator');
    const restrictedMaintenance = await t.userWithRole('maintenance');
    const admin = await t.adminTokens();
    await send(t, engineer, 'put', `/api/users/${restricted.user.id}/lines`, {
      lineIds: [lineA.id],
    }).expect(403);
    await send(t, admin, 'put', `/api/users/${restricted.user.id}/lines`, {
      lineIds: ['00000000-0000-4000-8000-000000000000'],
    }).expect(400);
    for (const user of [restricted, restrictedMaintenance]) {
      const set = await assignLines(t, admin, user, [lineA.id]);
      expect(set).toEqual({ userId: user.user.id, lineIds: [lineA.id] });
    }
    const mine = await send(t, restricted, 'get', '/api/andon/my-lines').expect(200);
    expect(mine.body).toEqual({ userId: restricted.user.id, lineIds: [lineA.id] });

    // Raise only on its own line.
    await raise(restricted, { equipmentId: cutterB.id, type: 'help', priority: 'low' }).expect(403);
    await raise(restricted, { equipmentId: fillerA.id, type: 'help', priority: 'low' }).expect(201);

    // A call on line B is invisible and untouchable for users limited to line A.
    const other = (
      await raise(operator, { equipmentId: cutterB.id, type: 'safety', priority: 'high' }).expect(
        201,
      )
    ).body as AndonCall;
    await send(t, restricted, 'get', `/api/andon/${other.id}`).expect(403);
    await act(restrictedMaintenance, other.id, 'acknowledge').expect(403);
    const listed = await get<Paginated<AndonCall>>(t, restricted, '/api/andon?pageSize=200');
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.items.every((call) => call.lineId === lineA.id)).toBe(true);
    await act(maintenance, other.id, 'acknowledge').expect(200);

    // An empty list gives every line back.
    await assignLines(t, admin, restricted, []);
    await raise(restricted, { equipmentId: cutterB.id, type: 'help', priority: 'low' }).expect(201);
  });

  it('computes insights in SQL on known data', async () => {
    const clock = t.app.get(Clock);
    const at = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
    const day = '2031-03-04';
    const scenario = async (
      equipmentId: string,
      type: string,
      priority: string,
      raisedAt: string,
      ackAt: string | null,
      resolvedAt: string | null,
    ) => {
      at(`${day}T${raisedAt}Z`);
      const call = (await raise(operator, { equipmentId, type, priority }).expect(201))
        .body as AndonCall;
      if (ackAt) {
        at(`${day}T${ackAt}Z`);
        await act(maintenance, call.id, 'acknowledge').expect(200);
      }
      if (resolvedAt) {
        at(`${day}T${resolvedAt}Z`);
        await act(maintenance, call.id, 'resolve').expect(200);
      }
    };
    // Maintenance: ack after 60 s and 180 s (mean 120), resolve after 600 s (one resolved).
    await scenario(fillerA.id, 'maintenance', 'high', '08:00:00', '08:01:00', '08:10:00');
    await scenario(fillerA.id, 'maintenance', 'critical', '08:30:00', '08:33:00', null);
    // Quality on line B: ack after 30 s, resolve after 90 s; one left open at 14h.
    await scenario(cutterB.id, 'quality', 'high', '14:00:00', '14:00:30', '14:01:30');
    await scenario(cutterB.id, 'quality', 'low', '14:20:00', null, null);
    jest.restoreAllMocks();

    const insights = await get<AndonInsights>(
      t,
      viewer,
      `/api/andon/insights?from=${day}T00:00:00Z&to=${day}T23:59:59Z`,
    );
    expect(insights.total).toBe(4);
    expect(insights.byType).toEqual([
      { key: 'maintenance', calls: 2, meanSecondsToAcknowledge: 120, meanSecondsToResolve: 600 },
      { key: 'quality', calls: 2, meanSecondsToAcknowledge: 30, meanSecondsToResolve: 90 },
    ]);
    expect(insights.byPriority.find((row) => row.key === 'high')).toEqual({
      key: 'high',
      calls: 2,
      meanSecondsToAcknowledge: 45,
      meanSecondsToResolve: 345,
    });
    expect(insights.byLine.find((row) => row.key === lineA.id)?.calls).toBe(2);
    expect(insights.byHourOfDay).toHaveLength(24);
    expect(insights.byHourOfDay[8]).toEqual({ hour: 8, calls: 2 });
    expect(insights.byHourOfDay[14]).toEqual({ hour: 14, calls: 2 });
    expect(insights.byHourOfDay[9]).toEqual({ hour: 9, calls: 0 });
    expect(insights.topEquipment.map((row) => [row.code, row.calls])).toEqual([
      ['A-FILL', 2],
      ['B-CUT', 2],
    ]);
    await send(
      t,
      viewer,
      'get',
      `/api/andon/insights?from=${day}T10:00:00Z&to=${day}T09:00:00Z`,
    ).expect(400);
  });
});
