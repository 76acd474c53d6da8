import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AndonCall,
  AuditEntry,
  AuthTokens,
  DowntimeReason,
  DowntimeStop,
  Equipment,
  Line,
  Paginated,
  WorkOrder,
  WorkOrderSummary,
} from '@ms5/contracts';
import { OutboxDispatcher } from '../../src/platform/realtime/outbox-dispatcher.js';
import { fieldPaths, get, post, send } from '../support/api.js';
import { raiseAndonCall } from '../support/andon-factory.js';
import { freezeClock } from '../support/clock.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import {
  createWorkOrder,
  sendWorkOrderStep,
  stepWorkOrder,
} from '../support/maintenance-factory.js';
import { createDowntimeReason, createEquipment, createLine } from '../support/plant-factory.js';
import { socketClients } from '../support/realtime-client.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';
import { until } from '../support/wait.js';

const MINUTE = 60_000;
/** The server's (frozen) time: a whole minute some time ago, so that events before it are fine. */
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;
const before = (minutes: number) => new Date(NOW - minutes * MINUTE).toISOString();

type Received = { event: string; payload: Record<string, unknown> };

/**
 * Maintenance work orders over HTTP: an operator's request worked through its whole lifecycle by a
 * technician the shift manager assigns, the refusals (400 naming fields, 403 by role, by assignee
 * and by line, 404, 409 with its code), the links to andon calls and stops, and the socket event.
 */
describe('maintenance work orders over HTTP', () => {
  let t: TestApp;
  let origin: string;
  let admin: AuthTokens;
  let manager: AuthTokens;
  let operator: AuthTokens;
  let tech: AuthTokens;
  let otherTech: AuthTokens;
  let lineBTech: AuthTokens;
  let viewer: AuthTokens;
  let lineA: Line;
  let lineB: Line;
  let fillerA: Equipment;
  let cutterA: Equipment;
  let pressB: Equipment;
  let jam: DowntimeReason;
  let cleaning: DowntimeReason;
  let setNow: (next: Date) => void;
  const sockets = socketClients();

  const read = (id: string, tokens: AuthTokens = manager) =>
    get<WorkOrder>(t, tokens, `/api/work-orders/${id}`);
  const list = (query: string, tokens: AuthTokens = manager) =>
    get<Paginated<WorkOrderSummary>>(t, tokens, `/api/work-orders?${query}`);

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await t.adminTokens();
    [manager, operator, tech, otherTech, lineBTech, viewer] = await usersWithRoles(
      t,
      'shift_manager',
      'operator',
      ['maintenance', 'wo-tech'],
      'maintenance',
      'maintenance',
      'viewer',
    );
    lineA = await createLine(t, admin, { code: 'WO-A', name: 'Work orders A' });
    lineB = await createLine(t, admin, { code: 'WO-B', name: 'Work orders B' });
    fillerA = await createEquipment(t, admin, { lineId: lineA.id, code: 'WO-FIL' });
    cutterA = await createEquipment(t, admin, { lineId: lineA.id, code: 'WO-CUT' });
    pressB = await createEquipment(t, admin, { lineId: lineB.id, code: 'WO-PRS' });
    jam = await createDowntimeReason(t, admin, { code: 'WO-JAM', name: 'Jam' });
    cleaning = await createDowntimeReason(t, admin, {
      code: 'WO-CLEAN',
      name: 'Cleaning',
      planned: true,
      lossClass: 'setup',
    });
    await assignLines(t, admin, operator, [lineA.id]);
    await assignLines(t, admin, lineBTech, [lineB.id]);
    setNow = freezeClock(t.app, new Date(NOW));
  });

  afterAll(async () => {
    sockets.disconnectAll();
    await t?.close();
  });

  it('takes an operator request through assign → start → hold → resume → complete, stamping and recording every step', async () => {
    const created = await createWorkOrder(t, operator, {
      equipmentId: fillerA.id,
      priority: 'critical',
      title: 'Filler leaks oil',
      description: 'Under the main drive',
      dueAt: before(-120),
    });
    const year = new Date(NOW).getUTCFullYear();
    expect(created).toMatchObject({
      number: `WO-${year}-00001`,
      status: 'open',
      type: 'corrective',
      priority: 'critical',
      equipmentId: fillerA.id,
      equipmentCode: 'WO-FIL',
      lineId: lineA.id,
      title: 'Filler leaks oil',
      description: 'Under the main drive',
      dueAt: before(-120),
      planId: null,
      assignees: [],
      createdAt: before(0),
      createdBy: { id: operator.user.id },
      labourMinutes: 0,
      downtimeSeconds: 0,
    });
    expect(created.history).toEqual([
      {
        action: 'create',
        from: null,
        to: 'open',
        at: before(0),
        by: { id: operator.user.id, displayName: operator.user.displayName },
        reason: null,
      },
    ]);
    // Operators request; they do not work or plan it.
    await sendWorkOrderStep(t, operator, created.id, 'start').expect(403);
    await sendWorkOrderStep(t, operator, created.id, 'assign', {
      assigneeIds: [tech.user.id],
    }).expect(403);

    const assigned = await stepWorkOrder(t, manager, created.id, 'assign', {
      assigneeIds: [tech.user.id],
    });
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignedAt: before(0),
      assignedBy: { id: manager.user.id },
      assignees: [{ id: tech.user.id, username: 'wo-tech', assignedAt: before(0) }],
    });
    // Another technician may not work an order assigned to someone else.
    await sendWorkOrderStep(t, otherTech, created.id, 'start').expect(403);
    const started = await stepWorkOrder(t, tech, created.id, 'start');
    expect(started).toMatchObject({
      status: 'in_progress',
      startedAt: before(0),
      startedBy: { id: tech.user.id },
    });
    await stepWorkOrder(t, tech, created.id, 'hold', { reason: 'Waiting for a seal' });
    expect(await read(created.id)).toMatchObject({
      status: 'on_hold',
      holdReason: 'Waiting for a seal',
    });
    const resumed = await stepWorkOrder(t, tech, created.id, 'resume');
    expect(resumed).toMatchObject({ status: 'in_progress', holdReason: null });

    // Labour: the technician's overlapping entries count once; a colleague's hour counts too.
    await post(t, tech, `/api/work-orders/${created.id}/labour`, {
      startedAt: before(120),
      minutes: 60,
    });
    await post(t, tech, `/api/work-orders/${created.id}/labour`, {
      startedAt: before(90),
      minutes: 45,
    });
    const withLabour = await post<WorkOrder>(t, tech, `/api/work-orders/${created.id}/labour`, {
      userId: otherTech.user.id,
      startedAt: before(120),
      minutes: 60,
    });
    expect(
      withLabour.labour.map((entry) => [entry.startedAt, entry.user.id, entry.minutes]).sort(),
    ).toEqual(
      [
        [before(120), tech.user.id, 60],
        [before(120), otherTech.user.id, 60],
        [before(90), tech.user.id, 45],
      ].sort(),
    );
    expect(withLabour.labourMinutes).toBe(75 + 60);
    const withParts = await post<WorkOrder>(t, tech, `/api/work-orders/${created.id}/parts`, {
      partNumber: 'SEAL-40',
      description: 'Shaft seal 40 mm',
      quantity: 2,
    });
    expect(withParts.parts).toEqual([
      expect.objectContaining({
        partNumber: 'SEAL-40',
        description: 'Shaft seal 40 mm',
        quantity: 2,
        recordedBy: { id: tech.user.id, displayName: tech.user.displayName },
      }),
    ]);

    const completed = await stepWorkOrder(t, tech, created.id, 'complete', {
      cause: 'Worn shaft seal',
      remedy: 'Seal replaced',
      failureReasonId: jam.id,
    });
    expect(completed).toMatchObject({
      status: 'completed',
      cause: 'Worn shaft seal',
      remedy: 'Seal replaced',
      failureReason: { id: jam.id, code: 'WO-JAM' },
      completedAt: before(0),
      completedBy: { id: tech.user.id },
    });
    expect(
      completed.history.map((step) => [step.action, step.from, step.to, step.by.id, step.reason]),
    ).toEqual([
      ['create', null, 'open', operator.user.id, null],
      ['assign', 'open', 'assigned', manager.user.id, null],
      ['start', 'assigned', 'in_progress', tech.user.id, null],
      ['hold', 'in_progress', 'on_hold', tech.user.id, 'Waiting for a seal'],
      ['resume', 'on_hold', 'in_progress', tech.user.id, null],
      ['complete', 'in_progress', 'completed', tech.user.id, null],
    ]);

    const audit = await get<Paginated<AuditEntry>>(
      t,
      admin,
      `/api/audit-log?entityType=work-order&entityId=${created.id}&pageSize=50`,
    );
    expect(audit.items.map((entry) => entry.action).sort()).toEqual(
      [
        'work-order.created',
        'work-order.assigned',
        'work-order.started',
        'work-order.held',
        'work-order.resumed',
        'work-order.labour-added',
        'work-order.labour-added',
        'work-order.labour-added',
        'work-order.part-added',
        'work-order.completed',
      ].sort(),
    );

    // A finished order takes no more steps.
    for (const [step, body] of [
      ['complete', {}],
      ['cancel', { reason: 'Too late' }],
      ['start', {}],
      ['assign', { assigneeIds: [tech.user.id] }],
    ] as const) {
      const refused = await sendWorkOrderStep(t, manager, created.id, step, body).expect(
        step === 'start' || step === 'complete' ? 403 : 409,
      );
      if (refused.status === 409) expect(refused.body.code).toBe('INVALID_TRANSITION');
    }
    const again = await sendWorkOrderStep(t, tech, created.id, 'complete').expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });
  });

  it('answers steps that make no sense with 409 INVALID_TRANSITION, and cancels with a reason', async () => {
    const order = await createWorkOrder(t, manager, {
      equipmentId: cutterA.id,
      type: 'inspection',
      priority: 'low',
      title: 'Check the blade guard',
    });
    expect(order.number).toMatch(/^WO-\d{4}-00002$/);
    for (const step of ['hold', 'resume', 'complete'] as const) {
      const refused = await sendWorkOrderStep(t, tech, order.id, step, {
        ...(step === 'hold' ? { reason: 'x' } : {}),
      }).expect(409);
      expect(refused.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        message: expect.any(String),
      });
    }
    // Starting an unassigned order assigns it to whoever starts it.
    const started = await stepWorkOrder(t, otherTech, order.id, 'start');
    expect(started).toMatchObject({
      status: 'in_progress',
      assignees: [{ id: otherTech.user.id }],
      assignedBy: { id: otherTech.user.id },
    });
    const twice = await sendWorkOrderStep(t, otherTech, order.id, 'start').expect(409);
    expect(twice.body.code).toBe('INVALID_TRANSITION');
    await sendWorkOrderStep(t, otherTech, order.id, 'resume').expect(409);
    const cancelled = await stepWorkOrder(t, manager, order.id, 'cancel', {
      reason: 'Guard replaced by the supplier',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Guard replaced by the supplier',
      cancelledBy: { id: manager.user.id },
    });
    const labour = await send(t, otherTech, 'post', `/api/work-orders/${order.id}/labour`, {
      startedAt: before(10),
      minutes: 5,
    }).expect(409);
    expect(labour.body.code).toBe('INVALID_TRANSITION');
  });

  it('refuses bad input with 400 naming each field, and unknown work orders with 404', async () => {
    const order = await createWorkOrder(t, manager, { equipmentId: fillerA.id });
    const labour = (body: object) =>
      send(t, tech, 'post', `/api/work-orders/${order.id}/labour`, body);
    for (const minutes of [0, -15, 2.5]) {
      const refused = await labour({ startedAt: before(30), minutes }).expect(400);
      expect(fieldPaths(refused.body)).toEqual(['minutes']);
    }
    expect(fieldPaths((await labour({ minutes: 10 }).expect(400)).body)).toEqual(['startedAt']);
    expect(
      fieldPaths((await labour({ startedAt: before(-30), minutes: 10 }).expect(400)).body),
    ).toEqual(['startedAt']);
    expect(
      fieldPaths(
        (await labour({ startedAt: before(30), minutes: 10, userId: operator.user.id }).expect(400))
          .body,
      ),
    ).toEqual(['userId']);
    const part = await send(t, tech, 'post', `/api/work-orders/${order.id}/parts`, {
      partNumber: '',
      quantity: -1,
    }).expect(400);
    expect(fieldPaths(part.body).sort()).toEqual(['partNumber', 'quantity']);

    const unknownEquipment = await send(t, manager, 'post', '/api/work-orders', {
      equipmentId: '00000000-0000-4000-8000-000000000000',
      type: 'corrective',
      priority: 'high',
      title: 'Nowhere',
    }).expect(400);
    expect(unknownEquipment.body).toMatchObject({ code: 'INVALID_REFERENCE' });
    expect(fieldPaths(unknownEquipment.body)).toEqual(['equipmentId']);
    const broken = await send(t, manager, 'post', '/api/work-orders', {
      equipmentId: fillerA.id,
      type: 'repair',
      priority: 'high',
      title: 'x',
      due: 'tomorrow',
    }).expect(400);
    expect(fieldPaths(broken.body).sort()).toEqual(['due', 'type']);

    const assign = await sendWorkOrderStep(t, manager, order.id, 'assign', {
      assigneeIds: [tech.user.id, '00000000-0000-4000-8000-000000000000', operator.user.id],
    }).expect(400);
    expect(fieldPaths(assign.body)).toEqual(['assigneeIds.1', 'assigneeIds.2']);
    // A technician limited to line B cannot be assigned to line A's work.
    const otherLine = await sendWorkOrderStep(t, manager, order.id, 'assign', {
      assigneeIds: [lineBTech.user.id],
    }).expect(400);
    expect(fieldPaths(otherLine.body)).toEqual(['assigneeIds.0']);
    expect((await read(order.id)).status).toBe('open');
    const hold = await sendWorkOrderStep(t, tech, order.id, 'hold', {}).expect(400);
    expect(fieldPaths(hold.body)).toEqual(['reason']);

    // Operators request corrective work only; viewers read.
    await send(t, operator, 'post', '/api/work-orders', {
      equipmentId: fillerA.id,
      type: 'preventive',
      priority: 'low',
      title: 'Grease',
    }).expect(403);
    await send(t, viewer, 'post', '/api/work-orders', {
      equipmentId: fillerA.id,
      type: 'corrective',
      priority: 'low',
      title: 'Grease',
    }).expect(403);
    await read(order.id, viewer);

    await send(t, manager, 'get', '/api/work-orders/00000000-0000-4000-8000-000000000000').expect(
      404,
    );
    await sendWorkOrderStep(t, tech, '00000000-0000-4000-8000-000000000000', 'start').expect(404);
    await send(t, manager, 'get', '/api/work-orders?status=done').expect(400);
    await send(t, manager, 'get', '/api/work-orders?pageSize=500').expect(400);
    await send(t, manager, 'get', '/api/work-orders?mine=yes').expect(400);
  });

  it("keeps a user limited to one line out of another line's work orders (403) and lists only theirs", async () => {
    const onA = await createWorkOrder(t, manager, { equipmentId: fillerA.id, title: 'On A' });
    const onB = await createWorkOrder(t, manager, { equipmentId: pressB.id, title: 'On B' });
    await send(t, lineBTech, 'get', `/api/work-orders/${onA.id}`).expect(403);
    await sendWorkOrderStep(t, lineBTech, onA.id, 'start').expect(403);
    await send(t, lineBTech, 'post', `/api/work-orders/${onA.id}/parts`, {
      partNumber: 'X',
      quantity: 1,
    }).expect(403);
    await send(t, lineBTech, 'get', `/api/work-orders?lineId=${lineA.id}`).expect(403);
    await send(t, lineBTech, 'get', `/api/work-orders?equipmentId=${fillerA.id}`).expect(403);
    await send(t, lineBTech, 'post', '/api/work-orders', {
      equipmentId: fillerA.id,
      type: 'corrective',
      priority: 'low',
      title: 'Not mine',
    }).expect(403);

    const seen = await list('pageSize=200', lineBTech);
    expect(seen.items.map((item) => item.id)).toEqual([onB.id]);
    expect(seen.items.every((item) => item.lineId === lineB.id)).toBe(true);
    expect((await list(`lineId=${lineB.id}`, lineBTech)).total).toBe(1);
    await read(onB.id, lineBTech);

    // Everyone else sees both lines; filters and the pagination shape.
    const all = await list(`lineId=${lineA.id}&pageSize=2&page=1`);
    expect(all).toMatchObject({ page: 1, pageSize: 2, totalPages: Math.ceil(all.total / 2) });
    expect(all.items.every((item) => item.lineId === lineA.id)).toBe(true);
    expect((await list(`equipmentId=${pressB.id}`)).items.map((item) => item.id)).toEqual([onB.id]);
    expect((await list('type=inspection&status=cancelled')).total).toBe(1);
    expect((await list('status=completed,cancelled')).total).toBe(2);

    // Mine: only what is assigned to the caller.
    await stepWorkOrder(t, manager, onB.id, 'assign', { assigneeIds: [lineBTech.user.id] });
    expect((await list('mine=true', lineBTech)).items.map((item) => item.id)).toEqual([onB.id]);
    expect((await list('mine=true', tech)).items.map((item) => item.number)).toEqual([
      expect.stringMatching(/-00001$/),
    ]);
  });

  it('turns a maintenance andon call into a work order: the call shows it and the order shows the call and its stop', async () => {
    const call = await raiseAndonCall(t, operator, {
      equipmentId: cutterA.id,
      type: 'maintenance',
      priority: 'high',
      description: 'Blade stuck',
      openDowntime: true,
    });
    const order = await createWorkOrder(t, operator, {
      equipmentId: cutterA.id,
      title: 'Blade stuck',
      andonCallId: call.id,
    });
    expect(order).toMatchObject({
      andonCallId: call.id,
      andonCall: { id: call.id, type: 'maintenance', priority: 'high', status: 'open' },
      downtimeEventId: null,
      stops: [
        {
          eventId: call.downtimeEventId,
          equipmentId: cutterA.id,
          state: 'stopped',
          endedAt: null,
          planned: false,
        },
      ],
    });
    // The call's stop lasts: ten minutes later the work order has ten minutes of downtime.
    setNow(new Date(NOW + 10 * MINUTE));
    try {
      expect(await read(order.id)).toMatchObject({
        stops: [{ durationSeconds: 600 }],
        downtimeSeconds: 600,
      });
    } finally {
      setNow(new Date(NOW));
    }
    const linked = await get<AndonCall>(t, operator, `/api/andon/${call.id}`);
    expect(linked.workOrderId).toBe(order.id);
    expect((await list(`andonCallId=${call.id}`)).items.map((item) => item.id)).toEqual([order.id]);

    const again = await send(t, manager, 'post', '/api/work-orders', {
      equipmentId: cutterA.id,
      type: 'corrective',
      priority: 'high',
      title: 'Again',
      andonCallId: call.id,
    }).expect(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT' });
    expect(fieldPaths(again.body)).toEqual(['andonCallId']);

    const quality = await raiseAndonCall(t, operator, {
      equipmentId: cutterA.id,
      type: 'quality',
      priority: 'low',
    });
    const notMaintenance = await send(t, manager, 'post', '/api/work-orders', {
      equipmentId: cutterA.id,
      type: 'corrective',
      priority: 'low',
      title: 'Quality call',
      andonCallId: quality.id,
    }).expect(400);
    expect(fieldPaths(notMaintenance.body)).toEqual(['andonCallId']);
    const callOnB = await raiseAndonCall(t, lineBTech, { equipmentId: pressB.id });
    const wrongLine = await send(t, manager, 'post', '/api/work-orders', {
      equipmentId: cutterA.id,
      type: 'corrective',
      priority: 'low',
      title: 'Wrong line',
      andonCallId: callOnB.id,
    }).expect(400);
    expect(fieldPaths(wrongLine.body)).toEqual(['andonCallId']);
    expect((await get<AndonCall>(t, manager, `/api/andon/${callOnB.id}`)).workOrderId).toBeNull();
  });

  it("turns a stop from the downtime list into a work order carrying the stop's reason and duration", async () => {
    await ingestEvents(t, admin, [
      {
        eventId: 'wo-1',
        equipmentId: fillerA.id,
        ts: before(300),
        type: 'state',
        state: 'running',
      },
      {
        eventId: 'wo-2',
        equipmentId: fillerA.id,
        ts: before(240),
        type: 'state',
        state: 'stopped',
        reasonCode: jam.code,
      },
      {
        eventId: 'wo-3',
        equipmentId: fillerA.id,
        ts: before(220),
        type: 'state',
        state: 'running',
      },
      {
        eventId: 'wo-4',
        equipmentId: fillerA.id,
        ts: before(200),
        type: 'state',
        state: 'stopped',
        reasonCode: cleaning.code,
      },
      {
        eventId: 'wo-5',
        equipmentId: fillerA.id,
        ts: before(190),
        type: 'state',
        state: 'running',
      },
    ]);
    const stops = await get<Paginated<DowntimeStop>>(
      t,
      manager,
      `/api/downtime?equipmentId=${fillerA.id}&from=${before(360)}&to=${before(0)}`,
    );
    const jammed = stops.items.find((stop) => stop.reasonCode === jam.code);
    const cleaned = stops.items.find((stop) => stop.reasonCode === cleaning.code);
    expect(jammed).toMatchObject({ durationSeconds: 1200, downtimeEventId: expect.any(String) });
    expect(cleaned?.downtimeEventId).toEqual(expect.any(String));

    const order = await createWorkOrder(t, operator, {
      equipmentId: fillerA.id,
      title: 'Jams at the infeed',
      downtimeEventId: Number(jammed?.downtimeEventId),
    });
    expect(order).toMatchObject({
      downtimeEventId: jammed?.downtimeEventId,
      failureReason: { id: jam.id, code: jam.code, name: 'Jam' },
      stops: [
        {
          eventId: jammed?.downtimeEventId,
          startedAt: before(240),
          endedAt: before(220),
          durationSeconds: 1200,
          reasonCode: jam.code,
          reasonName: 'Jam',
          planned: false,
        },
      ],
      downtimeSeconds: 1200,
    });
    // A planned stop is linked but is no downtime of the work order.
    const planned = await createWorkOrder(t, manager, {
      equipmentId: fillerA.id,
      title: 'Cleaning took long',
      downtimeEventId: Number(cleaned?.downtimeEventId),
    });
    expect(planned).toMatchObject({
      stops: [{ durationSeconds: 600, planned: true }],
      downtimeSeconds: 0,
    });

    const running = await send(t, manager, 'post', '/api/work-orders', {
      equipmentId: fillerA.id,
      type: 'corrective',
      priority: 'low',
      title: 'Not a stop',
      downtimeEventId: Number(jammed?.downtimeEventId) + 1,
    }).expect(400);
    expect(fieldPaths(running.body)).toEqual(['downtimeEventId']);
    const elsewhere = await send(t, manager, 'post', '/api/work-orders', {
      equipmentId: cutterA.id,
      type: 'corrective',
      priority: 'low',
      title: 'Another machine',
      downtimeEventId: Number(jammed?.downtimeEventId),
    }).expect(400);
    expect(fieldPaths(elsewhere.body)).toEqual(['downtimeEventId']);
    const unknown = await send(t, manager, 'post', '/api/work-orders', {
      equipmentId: fillerA.id,
      type: 'corrective',
      priority: 'low',
      title: 'No such event',
      downtimeEventId: 987_654_321,
    }).expect(400);
    expect(fieldPaths(unknown.body)).toEqual(['downtimeEventId']);
  });

  it("announces every change as maintenance.workorder.changed to the line's rooms after commit", async () => {
    const board = await sockets.ready<Received['payload']>(origin, manager);
    const tablet = await sockets.ready<Received['payload']>(origin, operator);
    const elsewhere = await sockets.ready<Received['payload']>(origin, lineBTech);
    const changes = (received: Received[]) =>
      received
        .filter((message) => message.event === 'maintenance.workorder.changed')
        .map(({ payload }) => ({
          id: payload.id,
          status: payload.status,
          assigneeIds: payload.assigneeIds,
        }));

    const order = await createWorkOrder(t, operator, { equipmentId: cutterA.id, title: 'Noise' });
    await stepWorkOrder(t, manager, order.id, 'assign', { assigneeIds: [tech.user.id] });
    await stepWorkOrder(t, tech, order.id, 'start');
    await t.app.get(OutboxDispatcher).flush();
    const expected = [
      { id: order.id, status: 'open', assigneeIds: [] },
      { id: order.id, status: 'assigned', assigneeIds: [tech.user.id] },
      { id: order.id, status: 'in_progress', assigneeIds: [tech.user.id] },
    ];
    await until(() => changes(board.received).length >= 3, 'the board gets three changes');
    await until(() => changes(tablet.received).length >= 3, 'the tablet gets three changes');
    expect(changes(board.received)).toEqual(expected);
    expect(changes(tablet.received)).toEqual(expected);
    expect(
      board.received.find((message) => message.event === 'maintenance.workorder.changed')?.payload,
    ).toMatchObject({
      lineId: lineA.id,
      equipmentId: cutterA.id,
      number: order.number,
      at: expect.any(String),
    });

    // A refused step writes nothing and announces nothing.
    await sendWorkOrderStep(t, tech, order.id, 'resume').expect(409);
    await t.app.get(OutboxDispatcher).flush();
    expect(changes(board.received)).toHaveLength(3);
    expect(changes(elsewhere.received)).toEqual([]);
  });
});
