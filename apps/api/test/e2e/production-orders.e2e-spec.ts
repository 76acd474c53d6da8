import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuthTokens,
  ErrorBody,
  JobAssignment,
  Line,
  LineSchedule,
  MachineEventInput,
  Paginated,
  Product,
  ProductionOrder,
} from '@ms5/contracts';
import { fieldPaths, get, send } from '../support/api.js';
import { hoursOn } from '../support/clock.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import {
  createEquipment,
  createLine,
  createProduct,
  createShift,
} from '../support/plant-factory.js';
import {
  type JobStep,
  type OrderStep,
  createOrder,
  sendJob,
  sendJobStep,
  sendOrder,
  sendOrderStep,
} from '../support/production-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

const at = hoursOn('2030-03-04');

/** Production orders, the line schedule and job assignments over HTTP on real PostgreSQL. */
describe('production orders and job assignments over HTTP', () => {
  let t: TestApp;
  let engineer: AuthTokens;
  let manager: AuthTokens;
  let operator: AuthTokens;
  let otherOperator: AuthTokens;
  let viewer: AuthTokens;
  let product: Product;
  let lineCounter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    [engineer, manager, operator, otherOperator, viewer] = await usersWithRoles(
      t,
      'engineer',
      'shift_manager',
      'operator',
      'operator',
      'viewer',
    );
    product = await createProduct(t, engineer, { code: 'BOTTLE-1L', name: 'Bottle 1 l' });
  });
  afterAll(() => t.close());

  const newLine = (): Promise<Line> =>
    createLine(t, engineer, { code: `PO-${++lineCounter}`, name: `Orders line ${lineCounter}` });
  const newEquipment = (code: string, lineId: string) =>
    createEquipment(t, engineer, { code, lineId });
  const plan = (tokens: AuthTokens, body: Record<string, unknown>) => sendOrder(t, tokens, body);
  const planOk = (lineId: string, start: string, end: string, extra: { reference?: string } = {}) =>
    createOrder(t, manager, {
      lineId,
      productId: product.id,
      quantity: 100,
      plannedStart: start,
      plannedEnd: end,
      ...extra,
    });
  const orderStep = (tokens: AuthTokens, id: string, step: OrderStep, body = {}) =>
    sendOrderStep(t, tokens, id, step, body);
  const jobStep = (tokens: AuthTokens, id: string, step: JobStep) =>
    sendJobStep(t, tokens, id, step);
  const assign = (tokens: AuthTokens, body: Record<string, unknown>) => sendJob(t, tokens, body);

  it('plans an order and rejects an overlap on the same line with 409 naming the fields', async () => {
    const line = await newLine();
    const other = await newLine();
    const first = await planOk(line.id, at(6), at(10), { reference: 'PO-1001' });
    expect(first).toMatchObject({
      lineId: line.id,
      lineCode: line.code,
      productId: product.id,
      productCode: 'BOTTLE-1L',
      quantity: 100,
      plannedStart: at(6),
      plannedEnd: at(10),
      reference: 'PO-1001',
      status: 'planned',
      actualStart: null,
      actualEnd: null,
    });

    const overlap = await plan(manager, {
      lineId: line.id,
      productId: product.id,
      quantity: 50,
      plannedStart: at(9),
      plannedEnd: at(12),
    }).expect(409);
    const body = overlap.body as ErrorBody;
    expect(body).toMatchObject({ statusCode: 409, code: 'SCHEDULE_CONFLICT' });
    expect(body.message).toContain(first.id);
    expect(body.message).toContain('PO-1001');
    expect(fieldPaths(body)).toEqual(['plannedStart', 'plannedEnd']);
    expect(body.fieldErrors?.[0]?.message).toContain(first.id);

    // Back to back is no overlap; another line is unaffected by this line's orders.
    await planOk(line.id, at(10), at(12));
    await planOk(other.id, at(7), at(11));

    // A patch into an occupied slot is rejected the same way.
    const later = await planOk(line.id, at(14), at(16));
    const moved = await send(t, manager, 'patch', `/api/orders/${later.id}`, {
      plannedStart: at(11),
    }).expect(409);
    expect(moved.body).toMatchObject({ code: 'SCHEDULE_CONFLICT' });
    const patched = await send(t, manager, 'patch', `/api/orders/${later.id}`, {
      plannedStart: at(13),
      quantity: 250,
      reference: 'PO-1003',
    }).expect(200);
    expect(patched.body).toMatchObject({
      plannedStart: at(13),
      quantity: 250,
      reference: 'PO-1003',
    });

    // Cancelling frees the slot.
    await orderStep(manager, first.id, 'cancel', { reason: 'Material short' }).expect(200);
    const replacement = await planOk(line.id, at(7), at(9));
    expect(replacement.status).toBe('planned');

    // The timeline lists the line's live orders in time order; cancelled ones on request.
    const schedule = await get<LineSchedule>(
      t,
      viewer,
      `/api/lines/${line.id}/schedule?from=${at(0)}&to=${at(23)}`,
    );
    expect(schedule).toMatchObject({ lineId: line.id, from: at(0), to: at(23), total: 3 });
    expect(schedule.items.map((order) => order.plannedStart)).toEqual([at(7), at(10), at(13)]);
    const withCancelled = await get<LineSchedule>(
      t,
      viewer,
      `/api/lines/${line.id}/schedule?from=${at(0)}&to=${at(23)}&includeCancelled=true`,
    );
    expect(withCancelled.items.map((order) => order.status)).toContain('cancelled');
    await send(t, viewer, 'get', `/api/lines/00000000-0000-4000-8000-000000000000/schedule`).expect(
      404,
    );

    // The list filters by line and status, paginated.
    const listed = await get<Paginated<ProductionOrder>>(
      t,
      viewer,
      `/api/orders?lineId=${line.id}&status=cancelled&pageSize=1`,
    );
    expect(listed).toMatchObject({ page: 1, pageSize: 1, total: 1, totalPages: 1 });
    expect(listed.items[0]).toMatchObject({ id: first.id, cancelReason: 'Material short' });

    await withClient(t.db.url, async (client) => {
      const { rows } = await client.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity_type = 'production-order' AND entity_id = $1 ORDER BY id`,
        [first.id],
      );
      expect(rows.map((row) => row.action)).toEqual([
        'production-order.created',
        'production-order.cancelled',
      ]);
    });
  });

  it('walks the order lifecycle and answers nonsense transitions with 409', async () => {
    const line = await newLine();
    const order = await planOk(line.id, at(6), at(8));
    await orderStep(manager, order.id, 'start').expect(409);
    await orderStep(manager, order.id, 'complete').expect(409);

    const released = (await orderStep(manager, order.id, 'release').expect(200))
      .body as ProductionOrder;
    expect(released.status).toBe('released');
    const again = await orderStep(manager, order.id, 'release').expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });
    await send(t, manager, 'patch', `/api/orders/${order.id}`, { quantity: 5 }).expect(409);

    const before = Date.now();
    const running = (await orderStep(manager, order.id, 'start').expect(200))
      .body as ProductionOrder;
    expect(running.status).toBe('running');
    expect(Date.parse(running.actualStart!)).toBeGreaterThanOrEqual(before - 1000);

    // One running order per line.
    const second = await planOk(line.id, at(8), at(9));
    await orderStep(manager, second.id, 'release').expect(200);
    const busy = await orderStep(manager, second.id, 'start').expect(409);
    expect(busy.body).toMatchObject({ code: 'LINE_BUSY' });
    expect((busy.body as ErrorBody).message).toContain(order.id);

    const completed = (await orderStep(manager, order.id, 'complete').expect(200))
      .body as ProductionOrder;
    expect(completed.status).toBe('completed');
    expect(Date.parse(completed.actualEnd!)).toBeGreaterThanOrEqual(
      Date.parse(completed.actualStart!),
    );
    await orderStep(manager, order.id, 'cancel').expect(409);
    await orderStep(manager, order.id, 'start').expect(409);

    await orderStep(manager, second.id, 'start').expect(200);
    const cancelled = (await orderStep(manager, second.id, 'cancel').expect(200))
      .body as ProductionOrder;
    expect(cancelled).toMatchObject({ status: 'cancelled', actualEnd: expect.any(String) });
    await orderStep(manager, second.id, 'release').expect(409);

    await orderStep(manager, '00000000-0000-4000-8000-000000000000', 'release').expect(404);
  });

  it('enforces permissions: a viewer or an operator cannot plan or change orders', async () => {
    const line = await newLine();
    const body = {
      lineId: line.id,
      productId: product.id,
      quantity: 10,
      plannedStart: at(1),
      plannedEnd: at(2),
    };
    const denied = await plan(viewer, body).expect(403);
    expect(denied.body).toMatchObject({ statusCode: 403, message: expect.any(String) });
    await plan(operator, body).expect(403);
    const order = (await plan(manager, body).expect(201)).body as ProductionOrder;
    await orderStep(viewer, order.id, 'release').expect(403);
    await orderStep(operator, order.id, 'release').expect(403);
    await send(t, viewer, 'get', `/api/orders/${order.id}`).expect(200);
    await t.http().get('/api/orders').expect(401);
  });

  it('validates orders with field errors', async () => {
    const line = await newLine();
    const bad = await plan(manager, {
      lineId: 'line-1',
      productId: product.id,
      quantity: 1.5,
      plannedStart: '2030-03-04 06:00',
      plannedEnd: at(5),
      colour: 'red',
    }).expect(400);
    expect(fieldPaths(bad.body)).toEqual(
      expect.arrayContaining(['lineId', 'quantity', 'plannedStart']),
    );

    const backwards = await plan(manager, {
      lineId: line.id,
      productId: product.id,
      quantity: 5,
      plannedStart: at(8),
      plannedEnd: at(6),
    }).expect(400);
    expect(fieldPaths(backwards.body)).toEqual(['plannedEnd']);
    const zero = await plan(manager, {
      lineId: line.id,
      productId: product.id,
      quantity: 0,
      plannedStart: at(6),
      plannedEnd: at(8),
    }).expect(400);
    expect(fieldPaths(zero.body)).toEqual(['quantity']);

    const unknown = await plan(manager, {
      lineId: line.id,
      productId: '00000000-0000-4000-8000-000000000000',
      quantity: 5,
      plannedStart: at(6),
      plannedEnd: at(8),
    }).expect(400);
    expect(fieldPaths(unknown.body)).toEqual(['productId']);

    const order = await planOk(line.id, at(6), at(8));
    const patch = await send(t, manager, 'patch', `/api/orders/${order.id}`, {
      plannedEnd: at(5),
    }).expect(400);
    expect(fieldPaths(patch.body)).toEqual(['plannedEnd']);
    await send(t, viewer, 'get', '/api/orders?status=paused').expect(400);
    await send(t, viewer, 'get', '/api/orders?pageSize=500').expect(400);
  });

  it('runs the job lifecycle, only for the job’s own operator, with progress from count events', async () => {
    const line = await newLine();
    const otherLine = await newLine();
    const filler = await newEquipment(`FILL-${line.code}`, line.id);
    const capper = await newEquipment(`CAP-${line.code}`, line.id);
    const elsewhere = await newEquipment(`FILL-${otherLine.code}`, otherLine.id);
    const order = await planOk(line.id, at(6), at(14), { reference: 'PO-2001' });

    // Validation and permissions of the assignment.
    const notOperator = await assign(manager, {
      orderId: order.id,
      operatorId: viewer.user.id,
    }).expect(400);
    expect(fieldPaths(notOperator.body)).toEqual(['operatorId']);
    const badBody = await assign(manager, {
      orderId: 'x',
      operatorId: operator.user.id,
      shiftDate: '4 March',
    }).expect(400);
    expect(fieldPaths(badBody.body)).toEqual(expect.arrayContaining(['orderId', 'shiftDate']));
    await assign(operator, { orderId: order.id, operatorId: operator.user.id }).expect(403);
    await assign(viewer, { orderId: order.id, operatorId: operator.user.id }).expect(403);

    const job = (
      await assign(manager, {
        orderId: order.id,
        operatorId: operator.user.id,
        shiftDate: '2030-03-04',
        note: 'Filler and capper',
      }).expect(201)
    ).body as JobAssignment;
    expect(job).toMatchObject({
      orderId: order.id,
      orderReference: 'PO-2001',
      lineId: line.id,
      operator: { id: operator.user.id },
      assignedBy: { id: manager.user.id },
      shiftDate: '2030-03-04',
      status: 'assigned',
      progress: { goodCount: 0, targetQuantity: 100, fraction: 0 },
    });

    // Another operator's job: 403 on every step; a viewer lacks the permission.
    await jobStep(otherOperator, job.id, 'accept').expect(403);
    await jobStep(viewer, job.id, 'accept').expect(403);
    await jobStep(manager, job.id, 'accept').expect(403);

    // Steps in order only.
    await jobStep(operator, job.id, 'start').expect(409);
    await jobStep(operator, job.id, 'complete').expect(409);
    const accepted = (await jobStep(operator, job.id, 'accept').expect(200)).body as JobAssignment;
    expect(accepted).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });
    await jobStep(operator, job.id, 'accept').expect(409);

    // A planned order cannot be worked yet.
    const notReleased = await jobStep(operator, job.id, 'start').expect(409);
    expect(notReleased.body).toMatchObject({ code: 'INVALID_TRANSITION' });
    await orderStep(manager, order.id, 'release').expect(200);

    // Parts made before the start do not count.
    const ingest = (events: MachineEventInput[]) => ingestEvents(t, engineer, events);
    await ingest([
      {
        eventId: `${line.code}-before`,
        equipmentId: filler.id,
        ts: new Date(Date.now() - 60_000).toISOString(),
        type: 'count',
        good: 500,
        reject: 0,
      },
    ]);

    await jobStep(otherOperator, job.id, 'start').expect(403);
    const started = (await jobStep(operator, job.id, 'start').expect(200)).body as JobAssignment;
    expect(started).toMatchObject({ status: 'started', orderStatus: 'running' });
    const runningOrder = await get<ProductionOrder>(t, operator, `/api/orders/${order.id}`);
    expect(runningOrder.status).toBe('running');
    const startMs = Date.parse(runningOrder.actualStart!);

    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = (offset: number) => new Date(startMs + offset).toISOString();
    // A count is the parts made since the previous one: the filler reports 0 as the order starts,
    // so its parts before the start stay before it.
    await ingest([
      {
        eventId: `${line.code}-0`,
        equipmentId: filler.id,
        ts: during(0),
        type: 'count',
        good: 0,
        reject: 0,
      },
      {
        eventId: `${line.code}-1`,
        equipmentId: filler.id,
        ts: during(1),
        type: 'count',
        good: 12,
        reject: 1,
      },
      {
        eventId: `${line.code}-2`,
        equipmentId: filler.id,
        ts: during(10),
        type: 'count',
        good: 8,
        reject: 0,
      },
      {
        eventId: `${line.code}-3`,
        equipmentId: capper.id,
        ts: during(20),
        type: 'count',
        good: 5,
        reject: 2,
      },
      // Another line's parts and parts stamped in the future are not this order's.
      {
        eventId: `${line.code}-x`,
        equipmentId: elsewhere.id,
        ts: during(15),
        type: 'count',
        good: 99,
        reject: 0,
      },
      {
        eventId: `${line.code}-f`,
        equipmentId: filler.id,
        ts: during(120_000),
        type: 'count',
        good: 70,
        reject: 0,
      },
    ]);

    const mine = await get<Paginated<JobAssignment>>(t, operator, '/api/jobs?mine=true');
    expect(mine).toMatchObject({ page: 1, total: 1 });
    expect(mine.items[0]).toMatchObject({
      id: job.id,
      status: 'started',
      progress: { goodCount: 25, targetQuantity: 100, fraction: 0.25 },
    });
    const othersMine = await get<Paginated<JobAssignment>>(t, otherOperator, '/api/jobs?mine=true');
    expect(othersMine.total).toBe(0);
    const byOrder = await get<Paginated<JobAssignment>>(
      t,
      manager,
      `/api/jobs?orderId=${order.id}`,
    );
    expect(byOrder.items.map((item) => item.id)).toEqual([job.id]);
    const byLine = await get<Paginated<JobAssignment>>(
      t,
      manager,
      `/api/jobs?lineId=${otherLine.id}`,
    );
    expect(byLine.total).toBe(0);
    await send(t, operator, 'get', '/api/jobs?mine=yes').expect(400);
    await send(t, viewer, 'get', '/api/jobs').expect(403);

    await jobStep(otherOperator, job.id, 'complete').expect(403);
    const completed = (await jobStep(operator, job.id, 'complete').expect(200))
      .body as JobAssignment;
    expect(completed).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    await jobStep(operator, job.id, 'complete').expect(409);

    // Once the order completes, its window closes: later parts are not its progress. The filler
    // reports as the order ends, so what it counts next was made after the end.
    const ended = (await orderStep(manager, order.id, 'complete').expect(200))
      .body as ProductionOrder;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ingest([
      {
        eventId: `${line.code}-end`,
        equipmentId: filler.id,
        ts: ended.actualEnd!,
        type: 'count',
        good: 0,
        reject: 0,
      },
      {
        eventId: `${line.code}-after`,
        equipmentId: filler.id,
        ts: new Date().toISOString(),
        type: 'count',
        good: 40,
        reject: 0,
      },
    ]);
    const final = await get<JobAssignment>(t, operator, `/api/jobs/${job.id}`);
    expect(final.progress).toEqual({ goodCount: 25, targetQuantity: 100, fraction: 0.25 });

    // No new jobs on a completed order.
    await assign(manager, { orderId: order.id, operatorId: operator.user.id }).expect(409);

    await withClient(t.db.url, async (client) => {
      const { rows } = await client.query<{ action: string; actor_id: string }>(
        `SELECT action, actor_id FROM audit_log WHERE entity_type = 'job-assignment' AND entity_id = $1 ORDER BY id`,
        [job.id],
      );
      expect(rows).toEqual([
        { action: 'job-assignment.created', actor_id: manager.user.id },
        { action: 'job-assignment.accepted', actor_id: operator.user.id },
        { action: 'job-assignment.started', actor_id: operator.user.id },
        { action: 'job-assignment.completed', actor_id: operator.user.id },
      ]);
    });
  });

  it('counts parts made during a running order at its product’s ideal cycle time in OEE', async () => {
    const line = await newLine();
    const filler = await newEquipment(`OEE-FILL-${line.code}`, line.id);
    const capper = await newEquipment(`OEE-CAP-${line.code}`, line.id);
    // A shift round the clock, so that every part counts in planned busy time.
    await createShift(t, engineer, {
      lineId: line.id,
      name: 'All day',
      startTime: '00:00',
      endTime: '00:00',
      timezone: 'UTC',
    });
    // Product default 10 s, 6 s on this line, 4 s on the filler; the equipment's own is 2 s.
    const jar = await createProduct(t, engineer, {
      code: `JAR-${line.code}`,
      name: 'Jar',
      idealCycleTimeSeconds: 10,
      cycleTimes: [
        { equipmentId: filler.id, idealCycleTimeSeconds: 4 },
        { lineId: line.id, idealCycleTimeSeconds: 6 },
      ],
    });
    const order = await createOrder(t, manager, {
      lineId: line.id,
      productId: jar.id,
      quantity: 20,
      plannedStart: at(6),
      plannedEnd: at(8),
    });
    await orderStep(manager, order.id, 'release').expect(200);
    const started = (await orderStep(manager, order.id, 'start').expect(200))
      .body as ProductionOrder;
    const startMs = Date.parse(started.actualStart!);
    const ts = (offset: number) => new Date(startMs + offset).toISOString();
    await ingestEvents(t, engineer, [
      {
        eventId: `${line.code}-o0`,
        equipmentId: filler.id,
        ts: ts(-30_000),
        type: 'count',
        good: 3,
        reject: 0,
      },
      {
        eventId: `${line.code}-o1`,
        equipmentId: filler.id,
        ts: ts(1),
        type: 'count',
        good: 10,
        reject: 2,
      },
      {
        eventId: `${line.code}-o2`,
        equipmentId: capper.id,
        ts: ts(2),
        type: 'count',
        good: 5,
        reject: 0,
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await orderStep(manager, order.id, 'complete').expect(200);

    const ideal = async (equipmentId: string) => {
      const report = await send(
        t,
        engineer,
        'get',
        `/api/oee?equipmentId=${equipmentId}&from=${ts(-300_000)}&to=${new Date(Date.now() + 3_600_000).toISOString()}`,
      ).expect(200);
      return report.body as { totalCount: number; times: { idealSeconds: number } };
    };
    // Filler: 3 parts before the order at its own 2 s, 12 during it at the product's 4 s.
    const fillerReport = await ideal(filler.id);
    expect(fillerReport.totalCount).toBe(15);
    expect(fillerReport.times.idealSeconds).toBeCloseTo(3 * 2 + 12 * 4, 6);
    // Capper: no override of its own, so the product's line figure (6 s).
    const capperReport = await ideal(capper.id);
    expect(capperReport.times.idealSeconds).toBeCloseTo(5 * 6, 6);
  });

  it('keeps users limited to some lines to those lines: orders, steps and job assignments', async () => {
    const mine = await newLine();
    const notMine = await newLine();
    const admin = await t.adminTokens();
    const [limitedManager, limitedOperator] = await usersWithRoles(t, 'shift_manager', 'operator');
    for (const tokens of [limitedManager, limitedOperator]) {
      await assignLines(t, admin, tokens, [mine.id]);
    }
    const body = (lineId: string, hour: number) => ({
      lineId,
      productId: product.id,
      quantity: 10,
      plannedStart: at(hour),
      plannedEnd: at(hour + 1),
    });

    // Planning on another line: 403, nothing stored.
    const refused = await plan(limitedManager, body(notMine.id, 6)).expect(403);
    expect((refused.body as ErrorBody).message).toBe(
      'This order is on a line you are not assigned to',
    );
    const onOther = await get<Paginated<ProductionOrder>>(
      t,
      manager,
      `/api/orders?lineId=${notMine.id}`,
    );
    expect(onOther.total).toBe(0);

    // On their own line it works; another manager's order elsewhere they cannot step or staff.
    const own = (await plan(limitedManager, body(mine.id, 6)).expect(201)).body as ProductionOrder;
    const elsewhere = await planOk(notMine.id, at(6), at(7));
    await orderStep(limitedManager, elsewhere.id, 'release').expect(403);
    await send(t, limitedManager, 'patch', `/api/orders/${elsewhere.id}`, { quantity: 11 }).expect(
      403,
    );
    await assign(limitedManager, { orderId: elsewhere.id, operatorId: operator.user.id }).expect(
      403,
    );
    expect((await get<ProductionOrder>(t, manager, `/api/orders/${elsewhere.id}`)).status).toBe(
      'planned',
    );

    // An operator limited to one line is not assigned jobs on another.
    const wrongOperator = await assign(manager, {
      orderId: elsewhere.id,
      operatorId: limitedOperator.user.id,
    }).expect(400);
    expect(fieldPaths(wrongOperator.body)).toEqual(['operatorId']);
    await assign(limitedManager, { orderId: own.id, operatorId: limitedOperator.user.id }).expect(
      201,
    );

    // Reading: lists hold only their lines; an order, schedule or job elsewhere is 403.
    const listed = await get<Paginated<ProductionOrder>>(
      t,
      limitedManager,
      '/api/orders?pageSize=200',
    );
    expect(new Set(listed.items.map((order) => order.lineId))).toEqual(new Set([mine.id]));
    expect(listed.total).toBe(listed.items.length);
    await send(t, limitedManager, 'get', `/api/orders/${elsewhere.id}`).expect(403);
    await send(t, limitedManager, 'get', `/api/lines/${notMine.id}/schedule`).expect(403);
    const elsewhereJob = (
      await assign(manager, { orderId: elsewhere.id, operatorId: operator.user.id }).expect(201)
    ).body as JobAssignment;
    const jobs = await get<Paginated<JobAssignment>>(t, limitedOperator, '/api/jobs?pageSize=200');
    expect(jobs.items.every((job) => job.lineId === mine.id)).toBe(true);
    expect(jobs.items.map((job) => job.id)).not.toContain(elsewhereJob.id);
    await send(t, limitedOperator, 'get', `/api/jobs/${elsewhereJob.id}`).expect(403);
    // Their own jobs, with mine=true, whatever the line.
    const mineOnly = await get<Paginated<JobAssignment>>(t, limitedOperator, '/api/jobs?mine=true');
    expect(mineOnly.items.map((job) => job.orderId)).toEqual([own.id]);
  });

  it('lists the active operators for assigning jobs to a shift manager, not to a viewer', async () => {
    const admin = await t.adminTokens();
    const created = await send(t, admin, 'post', '/api/users', {
      username: 'olga.offshift',
      password: 'long-password-1',
      role: 'operator',
      displayName: 'Olga Offshift',
    }).expect(201);
    await send(t, admin, 'patch', `/api/users/${(created.body as { id: string }).id}`, {
      disabled: true,
    }).expect(200);

    const page = await get<Paginated<{ id: string; username: string; displayName: string }>>(
      t,
      manager,
      '/api/operators?pageSize=200',
    );
    const ids = page.items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([operator.user.id, otherOperator.user.id]));
    expect(ids).not.toContain((created.body as { id: string }).id);
    expect(ids).not.toContain(manager.user.id);
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(['displayName', 'id', 'username']);
    expect(page.total).toBe(page.items.length);

    const found = await get<Paginated<{ id: string }>>(
      t,
      manager,
      `/api/operators?search=${encodeURIComponent(operator.user.username)}`,
    );
    expect(found.items.map((item) => item.id)).toEqual([operator.user.id]);

    await send(t, viewer, 'get', '/api/operators').expect(403);
    await send(t, operator, 'get', '/api/operators').expect(403);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths as Record<string, unknown>)).toEqual(
      expect.arrayContaining([
        '/api/orders',
        '/api/orders/{id}',
        '/api/orders/{id}/release',
        '/api/orders/{id}/start',
        '/api/orders/{id}/complete',
        '/api/orders/{id}/cancel',
        '/api/lines/{id}/schedule',
        '/api/jobs',
        '/api/jobs/{id}',
        '/api/jobs/{id}/accept',
        '/api/jobs/{id}/start',
        '/api/jobs/{id}/complete',
        '/api/operators',
      ]),
    );
  });
});
