import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuthTokens,
  Line,
  Paginated,
  WorkOrderAssigneeCandidate,
  WorkOrderSummary,
} from '@ms5/contracts';
import { fieldPaths, get, send } from '../support/api.js';
import { createWorkOrder, stepWorkOrder } from '../support/maintenance-factory.js';
import { createEquipment, createLine } from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

type Page = Paginated<WorkOrderAssigneeCandidate>;

/**
 * `GET /api/work-orders/assignees`: the people a planner may assign — active, holding
 * `maintenance:execute`, seeing the line — paginated; refused to roles that do not plan and for a
 * line the planner does not see.
 */
describe('work-order assignees over HTTP', () => {
  let t: TestApp;
  let admin: AuthTokens;
  let planner: AuthTokens;
  let limitedPlanner: AuthTokens;
  let techAll: AuthTokens;
  let techA: AuthTokens;
  let techB: AuthTokens;
  let disabledTech: AuthTokens;
  let operator: AuthTokens;
  let lineA: Line;
  let lineB: Line;

  const ids = (page: Page) => page.items.map((item) => item.id);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminTokens();
    [planner, limitedPlanner, techAll, techA, techB, disabledTech, operator] = await usersWithRoles(
      t,
      'shift_manager',
      'shift_manager',
      ['maintenance', 'as-tech-all'],
      ['maintenance', 'as-tech-a'],
      ['maintenance', 'as-tech-b'],
      ['maintenance', 'as-tech-off'],
      'operator',
    );
    lineA = await createLine(t, admin, { code: 'AS-A', name: 'Assignees A' });
    lineB = await createLine(t, admin, { code: 'AS-B', name: 'Assignees B' });
    await assignLines(t, admin, techA, [lineA.id]);
    await assignLines(t, admin, techB, [lineB.id]);
    await assignLines(t, admin, limitedPlanner, [lineA.id]);
    await send(t, admin, 'patch', `/api/users/${disabledTech.user.id}`, {
      disabled: true,
    }).expect(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists active users holding maintenance:execute who see the line, with their role', async () => {
    const page = await get<Page>(t, planner, `/api/work-orders/assignees?lineId=${lineA.id}`);
    expect(ids(page)).toEqual(expect.arrayContaining([techAll.user.id, techA.user.id]));
    expect(ids(page)).not.toContain(techB.user.id); // limited to line B
    expect(ids(page)).not.toContain(disabledTech.user.id);
    expect(ids(page)).not.toContain(operator.user.id); // no maintenance:execute
    expect(ids(page)).not.toContain(planner.user.id); // plans, does not execute
    expect(page.items.find((item) => item.id === techA.user.id)).toEqual({
      id: techA.user.id,
      username: 'as-tech-a',
      displayName: 'Test maintenance',
      role: 'maintenance',
    });
    // The bootstrap admin holds every permission and every line.
    expect(page.items.some((item) => item.role === 'admin')).toBe(true);
    expect(page.total).toBe(page.items.length);
  });

  it('pages the list', async () => {
    const all = await get<Page>(t, planner, '/api/work-orders/assignees?pageSize=100');
    expect(ids(all)).toEqual(
      expect.arrayContaining([techAll.user.id, techA.user.id, techB.user.id]),
    );
    const first = await get<Page>(t, planner, '/api/work-orders/assignees?page=1&pageSize=2');
    const second = await get<Page>(t, planner, '/api/work-orders/assignees?page=2&pageSize=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(all.total);
    expect(first.totalPages).toBe(Math.ceil(all.total / 2));
    expect([...ids(first), ...ids(second)]).toEqual(ids(all).slice(0, 4));
  });

  it("limits a line-limited planner to their lines' people and refuses another line", async () => {
    const page = await get<Page>(t, limitedPlanner, '/api/work-orders/assignees');
    expect(ids(page)).toEqual(expect.arrayContaining([techAll.user.id, techA.user.id]));
    expect(ids(page)).not.toContain(techB.user.id);
    const refused = await send(
      t,
      limitedPlanner,
      'get',
      `/api/work-orders/assignees?lineId=${lineB.id}`,
    ).expect(403);
    expect(refused.body).toMatchObject({ code: 'LINE_NOT_ASSIGNED' });
  });

  it('needs maintenance:plan and a valid query', async () => {
    await send(t, techA, 'get', '/api/work-orders/assignees').expect(403);
    await send(t, operator, 'get', '/api/work-orders/assignees').expect(403);
    const bad = await send(t, planner, 'get', '/api/work-orders/assignees?lineId=nope').expect(400);
    expect(fieldPaths(bad.body)).toEqual(['lineId']);
    const big = await send(t, planner, 'get', '/api/work-orders/assignees?pageSize=100000').expect(
      400,
    );
    expect(fieldPaths(big.body)).toEqual(['pageSize']);
  });

  it("filters the work-order list by an assignee (the board's filter)", async () => {
    const equipment = await createEquipment(t, admin, { lineId: lineA.id, code: 'AS-FIL' });
    const order = await createWorkOrder(t, planner, {
      equipmentId: equipment.id,
      title: 'Belt slips',
    });
    await createWorkOrder(t, planner, { equipmentId: equipment.id, title: 'Nobody yet' });
    await stepWorkOrder(t, planner, order.id, 'assign', { assigneeIds: [techA.user.id] });
    const list = (query: string) =>
      get<Paginated<WorkOrderSummary>>(t, planner, `/api/work-orders?${query}`);
    expect((await list(`assigneeId=${techA.user.id}`)).items.map((item) => item.id)).toEqual([
      order.id,
    ]);
    expect((await list(`assigneeId=${techAll.user.id}`)).total).toBe(0);
    const bad = await send(t, planner, 'get', '/api/work-orders?assigneeId=me').expect(400);
    expect(fieldPaths(bad.body)).toEqual(['assigneeId']);
  });
});
