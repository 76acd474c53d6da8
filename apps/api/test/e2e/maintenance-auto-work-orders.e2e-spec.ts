import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AndonPolicy,
  AndonPriority,
  AuthTokens,
  Equipment,
  Line,
  Paginated,
  WorkOrder,
  WorkOrderSummary,
} from '@ms5/contracts';
import pg from 'pg';
import { raiseAndonCall } from '../support/andon-factory.js';
import { fieldPaths, get, ok, send } from '../support/api.js';
import { createEquipment, createLine } from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

const LEVELS = [{ afterMinutes: 5, condition: 'unacknowledged', notifyRoles: ['maintenance'] }];

/** 403 for another line's (or a plant-wide) object, as everywhere else. */
async function refused(request: PromiseLike<{ status: number; body: unknown }>): Promise<void> {
  const response = await request;
  expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({
    status: 403,
    code: 'LINE_NOT_ASSIGNED',
  });
}

/**
 * An escalation policy's `openWorkOrderAt`: a maintenance call of that priority or higher opens
 * its corrective work order as it is raised, linked both ways, announced, and only once.
 */
describe('automatic work orders from maintenance calls', () => {
  let t: TestApp;
  let db: pg.Client;
  let admin: AuthTokens;
  let engineer: AuthTokens;
  let operator: AuthTokens;
  let planner: AuthTokens;
  let line: Line;
  let otherLine: Line;
  let equipment: Equipment;
  let highPolicy: AndonPolicy;

  const policy = (body: Record<string, unknown>, tokens = engineer) =>
    ok<AndonPolicy>(t, tokens, 'post', '/api/andon-policies', {
      name: `Policy ${Math.random().toString(36).slice(2, 8)}`,
      lineId: line.id,
      levels: LEVELS,
      ...body,
    });
  const raise = (priority: AndonPriority, type: 'maintenance' | 'quality' = 'maintenance') =>
    raiseAndonCall(t, operator, {
      equipmentId: equipment.id,
      type,
      priority,
      description: 'Hydraulic leak under the press',
      openDowntime: true,
    });
  const ordersOfCall = (callId: string) =>
    get<Paginated<WorkOrderSummary>>(t, planner, `/api/work-orders?andonCallId=${callId}`);

  beforeAll(async () => {
    t = await createTestApp();
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    admin = await t.adminTokens();
    [engineer, operator, planner] = await usersWithRoles(t, 'engineer', 'operator', 'maintenance');
    line = await createLine(t, engineer, { code: 'AWO', name: 'Auto work orders' });
    otherLine = await createLine(t, engineer, { code: 'AWO-B', name: 'Other line' });
    equipment = await createEquipment(t, engineer, {
      code: 'AWO-1',
      name: 'Press',
      lineId: line.id,
      idealCycleTimeSeconds: 3,
    });
    highPolicy = await policy({ priority: 'high', type: 'maintenance', openWorkOrderAt: 'high' });
    await policy({ priority: 'low', type: null, openWorkOrderAt: 'high' });
    await policy({ priority: 'critical', type: null, openWorkOrderAt: 'critical' });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('keeps the setting on the policy (null unless given)', async () => {
    expect(highPolicy.openWorkOrderAt).toBe('high');
    const plain = await policy({ priority: 'medium' });
    expect(plain.openWorkOrderAt).toBeNull();
    expect(await get<AndonPolicy>(t, engineer, `/api/andon-policies/${highPolicy.id}`)).toEqual(
      highPolicy,
    );
  });

  it('a high maintenance call opens a corrective work order, linked both ways and announced', async () => {
    const call = await raise('high');
    expect(call.workOrderId).not.toBeNull();
    const order = await get<WorkOrder>(t, planner, `/api/work-orders/${call.workOrderId}`);
    expect(order).toMatchObject({
      type: 'corrective',
      priority: 'high',
      status: 'open',
      equipmentId: equipment.id,
      lineId: line.id,
      andonCallId: call.id,
      title: 'Hydraulic leak under the press',
    });
    expect(order.andonCall?.id).toBe(call.id);
    // The stop the call opened counts for the order through the call.
    expect(order.stops.length).toBe(1);
    expect(order.history.map((step) => [step.action, step.by.id])).toEqual([
      ['create', operator.user.id],
    ]);
    expect((await ordersOfCall(call.id)).items.map((o) => o.id)).toEqual([order.id]);

    const events = await db.query(
      `SELECT payload->>'lineId' AS "lineId" FROM outbox_events
        WHERE event = 'maintenance.workorder.changed' AND payload->>'id' = $1`,
      [order.id],
    );
    expect(events.rows).toEqual([{ lineId: line.id }]);

    // One work order per call: opening another from it is a conflict.
    const again = await send(t, planner, 'post', '/api/work-orders', {
      equipmentId: equipment.id,
      type: 'corrective',
      priority: 'high',
      title: 'Again',
      andonCallId: call.id,
    });
    expect({ status: again.status, code: (again.body as { code: string }).code }).toEqual({
      status: 409,
      code: 'CONFLICT',
    });
    expect((await ordersOfCall(call.id)).total).toBe(1);
  });

  it('a call below the setting, or not a maintenance call, opens none', async () => {
    const low = await raise('low');
    expect(low.workOrderId).toBeNull();
    expect((await ordersOfCall(low.id)).total).toBe(0);
    const quality = await raise('critical', 'quality');
    expect(quality.workOrderId).toBeNull();
    const critical = await raise('critical');
    expect(critical.workOrderId).not.toBeNull();
  });

  it('without the setting no call opens one', async () => {
    await ok(t, engineer, 'patch', `/api/andon-policies/${highPolicy.id}`, {
      openWorkOrderAt: null,
    });
    const call = await raise('high');
    expect(call.workOrderId).toBeNull();
    expect((await ordersOfCall(call.id)).total).toBe(0);
    // A medium call matches the policy without the setting (created in the first test).
    const medium = await raise('medium');
    expect(medium.workOrderId).toBeNull();
  });

  it('refuses a setting below high, or on a policy for other calls than maintenance', async () => {
    const medium = await send(t, engineer, 'post', '/api/andon-policies', {
      name: 'Too eager',
      priority: 'medium',
      lineId: line.id,
      levels: LEVELS,
      openWorkOrderAt: 'medium',
    }).expect(400);
    expect(fieldPaths(medium.body)).toEqual(['openWorkOrderAt']);
    const quality = await send(t, engineer, 'post', '/api/andon-policies', {
      name: 'Quality',
      priority: 'high',
      type: 'quality',
      lineId: line.id,
      levels: LEVELS,
      openWorkOrderAt: 'high',
    }).expect(400);
    expect(fieldPaths(quality.body)).toEqual(['openWorkOrderAt']);
    const set = await policy({ priority: 'high', type: 'maintenance', openWorkOrderAt: 'high' });
    const retyped = await send(t, engineer, 'patch', `/api/andon-policies/${set.id}`, {
      type: 'quality',
    }).expect(400);
    expect(fieldPaths(retyped.body)).toEqual(['openWorkOrderAt']);
    await send(t, operator, 'patch', `/api/andon-policies/${set.id}`, {
      openWorkOrderAt: null,
    }).expect(403);
  });

  it('a line-limited engineer still cannot set it on another line’s or a plant-wide policy', async () => {
    const [limited] = await usersWithRoles(t, 'engineer');
    await assignLines(t, admin, limited, [line.id]);
    const other = await policy({ priority: 'high', lineId: otherLine.id }, admin);
    const plant = await policy({ priority: 'high', lineId: null, name: 'Plant-wide' }, admin);
    await refused(
      send(t, limited, 'patch', `/api/andon-policies/${other.id}`, { openWorkOrderAt: 'high' }),
    );
    await refused(
      send(t, limited, 'patch', `/api/andon-policies/${plant.id}`, { openWorkOrderAt: 'high' }),
    );
    await refused(
      send(t, limited, 'post', '/api/andon-policies', {
        name: 'Sneak',
        priority: 'high',
        lineId: otherLine.id,
        levels: LEVELS,
        openWorkOrderAt: 'high',
      }),
    );
    const own = await ok<AndonPolicy>(t, limited, 'patch', `/api/andon-policies/${highPolicy.id}`, {
      openWorkOrderAt: 'critical',
    });
    expect(own.openWorkOrderAt).toBe('critical');
    expect(
      (await get<AndonPolicy>(t, admin, `/api/andon-policies/${other.id}`)).openWorkOrderAt,
    ).toBeNull();
    // Back to none, so that the plant-wide policy made here opens nothing elsewhere.
    await ok(t, admin, 'delete', `/api/andon-policies/${plant.id}`, undefined, 204);
  });
});
