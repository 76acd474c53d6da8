import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AndonCall,
  AuthTokens,
  Equipment,
  ErrorBody,
  Handover,
  HandoverDraft,
  HourByHour,
  Line,
  OeeReport,
  Paginated,
  Product,
  ProductionOrder,
  Shift,
  WorkOrder,
} from '@ms5/contracts';
import { raiseAndonCall, stepAndonCall } from '../support/andon-factory.js';
import { fieldPaths, get, post, send } from '../support/api.js';
import { clockSetter } from '../support/clock.js';
import { assignDowntimeReason, eventsAt, ingestEvents } from '../support/ingestion-factory.js';
import { DAY, at, createPackingLine, packingLineEvents } from '../support/packing-line.js';
import { createLine, createShift } from '../support/plant-factory.js';
import { type OrderStep, createOrder, stepOrder } from '../support/production-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

/**
 * Line HO: a filler (FILL, 20 s a part on this line) feeding a case packer (PACK, 30 s, the
 * line's output). Early shift 06:00–14:00 UTC, breaks 09:00 (15 min) and 12:00 (30 min), the line
 * stopped (planned) 10:30–11:00; one order 06:00–14:00 started at 06:00. The handover is drafted
 * at 14:30.
 *
 * Output (the packer): target 120+120+120+90+60+120+60+120 = 810 (see hour-by-hour e2e);
 *   good 120+60+125+90+50+40+30 = 515, reject 3; gap 515 − 810 = −295.
 * OEE of the line (both machines, summed time-weighted):
 *   planned busy time, each: 28,800 − 900 − 1,800 (breaks) − 1,800 (planned stop) = 24,300 s
 *   PACK down 07:10–07:40 = 1,800 → run 22,500; FILL down 10:05–10:15 and 10:16–10:29 = 1,380 → run 22,920
 *   availability = 45,420 / 48,600                       = 0.934568
 *   performance  = (518 × 30 + 500 × 20) / 45,420 = 25,540 / 45,420 = 0.562307
 *   quality      = 1,015 / 1,018                          = 0.997053
 * Top losses (Pareto, planned reasons left out): JAM 1,800 s; no reason 600 s. The packer's JAM
 *   10:30–11:00 lies in the planned stop; the filler's CLEAN (a planned reason, 780 s) is left out.
 */
describe('shift handover over HTTP', () => {
  let t: TestApp;
  let engineer: AuthTokens;
  let outgoing: AuthTokens;
  let incoming: AuthTokens;
  let productionManager: AuthTokens;
  let operator: AuthTokens;
  let viewer: AuthTokens;
  let line: Line;
  let fill: Equipment;
  let pack: Equipment;
  let shift: Shift;
  let product: Product;
  let running: ProductionOrder;
  let tomorrow: ProductionOrder;
  let released: ProductionOrder;
  let acknowledgedCall: AndonCall;
  let openCall: AndonCall;
  let maintenance: AuthTokens;
  let callOrder: WorkOrder;
  let sensorOrder: WorkOrder;
  let setNow: (iso: string) => void;

  const { count } = eventsAt(at);
  const planOrder = (plannedStart: string, plannedEnd: string, reference: string) =>
    createOrder(t, outgoing, {
      lineId: line.id,
      productId: product.id,
      quantity: 400,
      plannedStart,
      plannedEnd,
      reference,
    });
  const step = (order: ProductionOrder, name: OrderStep) => stepOrder(t, outgoing, order.id, name);
  const draft = (query = '') =>
    get<HandoverDraft>(t, viewer, `/api/lines/${line.id}/handover-draft${query}`);

  beforeAll(async () => {
    t = await createTestApp();
    [engineer, outgoing, incoming, productionManager, operator, viewer, maintenance] =
      await usersWithRoles(
        t,
        'engineer',
        ['shift_manager', 'outgoing-manager'],
        ['shift_manager', 'incoming-manager'],
        'production_manager',
        'operator',
        'viewer',
        'maintenance',
      );
    setNow = clockSetter(t.app);

    ({ line, fill, pack, shift, product } = await createPackingLine(t, engineer, {
      code: 'HO',
      name: 'Handover line',
      packIsOutput: true,
    }));

    // Yesterday's order, done: not open.
    const done = await planOrder(at('06:00', '2024-03-03'), at('08:00', '2024-03-03'), 'PO-DONE');
    await step(done, 'release');
    setNow(at('06:00', '2024-03-03'));
    await step(done, 'start');
    setNow(at('07:00', '2024-03-03'));
    await step(done, 'complete');
    // Today's order, running from 06:00.
    running = await planOrder(at('06:00'), at('14:00'), 'PO-NOW');
    await step(running, 'release');
    setNow(at('06:00'));
    running = await step(running, 'start');
    // Tomorrow's (within 24 h of 14:30), one released for later, one beyond 24 h, one cancelled.
    tomorrow = await planOrder(at('06:00', '2024-03-05'), at('10:00', '2024-03-05'), 'PO-TMRW');
    released = await planOrder(at('06:00', '2024-03-07'), at('10:00', '2024-03-07'), 'PO-REL');
    released = await step(released, 'release');
    await planOrder(at('06:00', '2024-03-06'), at('10:00', '2024-03-06'), 'PO-LATER');
    const cancelled = await planOrder(
      at('10:00', '2024-03-05'),
      at('12:00', '2024-03-05'),
      'PO-CANC',
    );
    await step(cancelled, 'cancel');

    await ingestEvents(t, engineer, packingLineEvents(fill, pack));
    await assignDowntimeReason(t, operator, {
      equipmentId: pack.id,
      startedAt: at('07:10'),
      reasonCode: 'JAM',
    });

    // Andon: one resolved (not open), one acknowledged and one open at 14:30.
    setNow(at('12:00'));
    const resolved = await raiseAndonCall(t, operator, {
      equipmentId: pack.id,
      type: 'quality',
      priority: 'medium',
      description: 'Label check',
    });
    setNow(at('12:10'));
    await stepAndonCall(t, incoming, resolved.id, 'acknowledge', {});
    setNow(at('12:30'));
    await stepAndonCall(t, incoming, resolved.id, 'resolve', {});
    setNow(at('13:00'));
    acknowledgedCall = await raiseAndonCall(t, operator, {
      equipmentId: fill.id,
      type: 'maintenance',
      priority: 'high',
      description: 'Infeed wobble',
    });
    setNow(at('13:05'));
    await stepAndonCall(t, incoming, acknowledgedCall.id, 'acknowledge', {});
    setNow(at('13:30'));
    openCall = await raiseAndonCall(t, operator, {
      equipmentId: pack.id,
      type: 'material',
      priority: 'low',
    });

    // Work orders: one done by 11:30 (not open), one from the maintenance call started at 13:20,
    // one left open, one cancelled (not open).
    const workOrder = (body: object) =>
      post<WorkOrder>(t, engineer, '/api/work-orders', { type: 'corrective', ...body });
    const workStep = (order: WorkOrder, name: string, body: object = {}) =>
      post<WorkOrder>(t, maintenance, `/api/work-orders/${order.id}/${name}`, body, 200);
    setNow(at('11:00'));
    const doneOrder = await workOrder({ equipmentId: fill.id, priority: 'medium', title: 'Belt' });
    await workStep(doneOrder, 'start');
    setNow(at('11:30'));
    await workStep(doneOrder, 'complete');
    setNow(at('13:10'));
    callOrder = await workOrder({
      equipmentId: fill.id,
      priority: 'high',
      title: 'Infeed wobble',
      andonCallId: acknowledgedCall.id,
    });
    setNow(at('13:20'));
    callOrder = await workStep(callOrder, 'start');
    setNow(at('13:40'));
    sensorOrder = await workOrder({ equipmentId: pack.id, priority: 'low', title: 'Guard sensor' });
    const cancelledOrder = await workOrder({
      equipmentId: pack.id,
      priority: 'low',
      title: 'Duplicate',
    });
    setNow(at('13:45'));
    await post(t, engineer, `/api/work-orders/${cancelledOrder.id}/cancel`, { reason: 'Dup' }, 200);
    setNow(at('14:30'));
  });
  afterAll(() => t.close());

  it('drafts the summary of the shift from known data', async () => {
    const result = await draft();
    expect(result).toMatchObject({
      lineId: line.id,
      lineCode: 'HO',
      shift: { id: shift.id, name: 'Early', date: DAY, timezone: 'UTC' },
      from: at('06:00'),
      to: at('14:00'),
      existingHandoverId: null,
      generatedAt: at('14:30'),
    });
    const { summary } = result;
    expect(summary.output).toEqual({
      target: 810,
      shiftTarget: 810,
      actualGood: 515,
      actualReject: 3,
      gap: -295,
    });

    expect(summary.oee.availability).toBeCloseTo(45420 / 48600, 6);
    expect(summary.oee.performance).toBeCloseTo(25540 / 45420, 6);
    expect(summary.oee.quality).toBeCloseTo(1015 / 1018, 6);
    expect(summary.oee.oee).toBeCloseTo((45420 / 48600) * (25540 / 45420) * (1015 / 1018), 5);
    // The same figures as the OEE endpoint over the shift.
    const report = await get<OeeReport>(
      t,
      engineer,
      `/api/oee?lineId=${line.id}&from=${at('06:00')}&to=${at('14:00')}`,
    );
    expect(summary.oee).toEqual({
      availability: report.availability,
      performance: report.performance,
      quality: report.quality,
      oee: report.oee,
    });

    expect(summary.topLosses).toEqual([
      { reasonCode: 'JAM', reasonName: 'Jam', seconds: 1800, stops: 1 },
      { reasonCode: null, reasonName: 'No reason given', seconds: 600, stops: 1 },
    ]);
    expect(summary.openAndonCalls).toEqual([
      {
        id: acknowledgedCall.id,
        equipmentCode: 'HO-FILL',
        type: 'maintenance',
        priority: 'high',
        status: 'acknowledged',
        raisedAt: at('13:00'),
        description: 'Infeed wobble',
      },
      {
        id: openCall.id,
        equipmentCode: 'HO-PACK',
        type: 'material',
        priority: 'low',
        status: 'open',
        raisedAt: at('13:30'),
        description: null,
      },
    ]);
    expect(summary.openOrders).toEqual([
      {
        id: running.id,
        reference: 'PO-NOW',
        productCode: 'HO-CASE',
        status: 'running',
        quantity: 400,
        plannedEnd: at('14:00'),
      },
      {
        id: tomorrow.id,
        reference: 'PO-TMRW',
        productCode: 'HO-CASE',
        status: 'planned',
        quantity: 400,
        plannedEnd: at('10:00', '2024-03-05'),
      },
      {
        id: released.id,
        reference: 'PO-REL',
        productCode: 'HO-CASE',
        status: 'released',
        quantity: 400,
        plannedEnd: at('10:00', '2024-03-07'),
      },
    ]);
    expect(summary.openWorkOrders).toEqual([
      {
        id: callOrder.id,
        title: 'Infeed wobble',
        number: callOrder.number,
        equipmentCode: 'HO-FILL',
        type: 'corrective',
        priority: 'high',
        status: 'in_progress',
        createdAt: at('13:10'),
      },
      {
        id: sensorOrder.id,
        title: 'Guard sensor',
        number: sensorOrder.number,
        equipmentCode: 'HO-PACK',
        type: 'corrective',
        priority: 'low',
        status: 'open',
        createdAt: at('13:40'),
      },
    ]);

    // At 13:02 the maintenance call was still open and only the first was resolved.
    setNow(at('13:02'));
    try {
      const earlier = await draft(`?shiftId=${shift.id}&date=${DAY}`);
      expect(earlier.summary.openAndonCalls.map((c) => [c.id, c.status])).toEqual([
        [acknowledgedCall.id, 'open'],
      ]);
      // The belt's order was done by then; the call's was not opened yet.
      expect(earlier.summary.openWorkOrders).toEqual([]);
      // At 13:15 the call's order was open, not yet started.
      setNow(at('13:15'));
      const later = await draft(`?shiftId=${shift.id}&date=${DAY}`);
      expect(later.summary.openWorkOrders?.map((o) => [o.id, o.status])).toEqual([
        [callOrder.id, 'open'],
      ]);
    } finally {
      setNow(at('14:30'));
    }
  });

  it('writes the handover once with notes, frozen, and lets only someone else acknowledge it once', async () => {
    const expected = (await draft()).summary;
    const created = await post<Handover>(t, outgoing, '/api/handovers', {
      lineId: line.id,
      notes: 'Packer jammed at 07:10; filler infeed still wobbles (andon open).',
    });
    expect(created).toMatchObject({
      lineId: line.id,
      lineCode: 'HO',
      shift: { id: shift.id, name: 'Early', date: DAY, timezone: 'UTC' },
      from: at('06:00'),
      to: at('14:00'),
      notes: 'Packer jammed at 07:10; filler infeed still wobbles (andon open).',
      createdBy: { id: outgoing.user.id, displayName: 'Test shift_manager' },
      createdAt: at('14:30'),
      acknowledgedBy: null,
      acknowledgedAt: null,
      acknowledgeNote: null,
    });
    expect(created.summary).toEqual(expected);

    // One handover per shift occurrence, whichever way it is named.
    const again = await send(t, productionManager, 'post', '/api/handovers', {
      lineId: line.id,
      shiftId: shift.id,
      date: DAY,
    }).expect(409);
    expect(again.body).toMatchObject({ code: 'HANDOVER_EXISTS' });
    expect((again.body as ErrorBody).message).toContain(created.id);
    await send(t, outgoing, 'post', '/api/handovers', { lineId: line.id }).expect(409);
    expect((await draft()).existingHandoverId).toBe(created.id);

    // Later parts change the draft, not the written handover.
    await ingestEvents(t, engineer, [count(pack, '13:30', 100)]);
    expect((await draft()).summary.output.actualGood).toBe(615);
    const stored = await get<Handover>(t, viewer, `/api/handovers/${created.id}`);
    expect(stored.summary.output.actualGood).toBe(515);

    // The author may not acknowledge it; an operator lacks the permission.
    const own = await send(
      t,
      outgoing,
      'post',
      `/api/handovers/${created.id}/acknowledge`,
      {},
    ).expect(403);
    expect((own.body as ErrorBody).message).toContain('not its author');
    await send(t, operator, 'post', `/api/handovers/${created.id}/acknowledge`, {}).expect(403);

    setNow(at('14:45'));
    const acknowledged = await post<Handover>(
      t,
      incoming,
      `/api/handovers/${created.id}/acknowledge`,
      { note: 'Taken over; calling maintenance for the filler.' },
      200,
    );
    expect(acknowledged).toMatchObject({
      acknowledgedBy: { id: incoming.user.id, displayName: 'Test shift_manager' },
      acknowledgedAt: at('14:45'),
      acknowledgeNote: 'Taken over; calling maintenance for the filler.',
      summary: stored.summary,
    });
    const twice = await send(
      t,
      productionManager,
      'post',
      `/api/handovers/${created.id}/acknowledge`,
      {
        note: 'me too',
      },
    ).expect(409);
    expect(twice.body).toMatchObject({ code: 'ALREADY_ACKNOWLEDGED' });
    expect((twice.body as ErrorBody).message).toContain('already acknowledged');
    await send(t, incoming, 'post', `/api/handovers/${created.id}/acknowledge`, {}).expect(409);
    await send(
      t,
      incoming,
      'post',
      '/api/handovers/00000000-0000-4000-8000-000000000000/acknowledge',
      {},
    ).expect(404);

    // Audited and announced to the line's rooms, each in its own transaction.
    await withClient(t.db.url, async (client) => {
      const audit = await client.query<{ action: string; actor_id: string }>(
        `SELECT action, actor_id FROM audit_log WHERE entity_type = 'handover' AND entity_id = $1 ORDER BY id`,
        [created.id],
      );
      expect(audit.rows).toEqual([
        { action: 'handover.created', actor_id: outgoing.user.id },
        { action: 'handover.acknowledged', actor_id: incoming.user.id },
      ]);
      const outbox = await client.query<{
        rooms: string[];
        acknowledged: boolean;
        line_id: string;
      }>(
        `SELECT rooms, (payload->>'acknowledged')::boolean AS acknowledged, payload->>'lineId' AS line_id
           FROM outbox_events WHERE event = 'handover.changed' AND payload->>'id' = $1 ORDER BY id`,
        [created.id],
      );
      expect(outbox.rows).toEqual([
        { rooms: [`line:${line.id}`, 'lines:all'], acknowledged: false, line_id: line.id },
        { rooms: [`line:${line.id}`, 'lines:all'], acknowledged: true, line_id: line.id },
      ]);
    });
  });

  it('lists past handovers, newest shift first, by line and status', async () => {
    // The day before, written by the incoming manager. PO-DONE was planned 06:00–08:00 but ran
    // 06:00–07:00: its actual window counts, 3600 / 30 = 120 due, none counted.
    const yesterday = await post<Handover>(t, incoming, '/api/handovers', {
      lineId: line.id,
      shiftId: shift.id,
      date: '2024-03-03',
    });
    expect(yesterday).toMatchObject({
      shift: { date: '2024-03-03' },
      notes: '',
      summary: { output: { target: 120, actualGood: 0, actualReject: 0, gap: -120 } },
    });
    const list = (query: string) => get<Paginated<Handover>>(t, viewer, `/api/handovers${query}`);
    const all = await list(`?lineId=${line.id}`);
    expect(all).toMatchObject({ total: 2, page: 1 });
    expect(all.items.map((h) => h.shift.date)).toEqual([DAY, '2024-03-03']);
    expect((await list(`?lineId=${line.id}&status=open`)).items.map((h) => h.id)).toEqual([
      yesterday.id,
    ]);
    const acknowledged = await list(`?lineId=${line.id}&status=acknowledged`);
    expect(acknowledged.items.map((h) => h.shift.date)).toEqual([DAY]);
    const paged = await list(`?lineId=${line.id}&pageSize=1&page=2`);
    expect(paged).toMatchObject({ total: 2, totalPages: 2, pageSize: 1 });
    expect(paged.items.map((h) => h.id)).toEqual([yesterday.id]);
    const other = await createLine(t, engineer, { code: 'HO-2', name: 'Other' });
    expect((await list(`?lineId=${other.id}`)).total).toBe(0);

    const bad = await send(t, viewer, 'get', '/api/handovers?status=closed&lineId=x').expect(400);
    expect(fieldPaths(bad.body)).toEqual(expect.arrayContaining(['status', 'lineId']));
    await send(t, viewer, 'get', '/api/handovers/00000000-0000-4000-8000-000000000000').expect(404);
    await t.http().get('/api/handovers').expect(401);
  });

  it('validates with field errors and checks permissions', async () => {
    const bad = await send(t, outgoing, 'post', '/api/handovers', {
      lineId: 'line-1',
      date: '4 March',
      colour: 'red',
    }).expect(400);
    expect(fieldPaths(bad.body)).toEqual(expect.arrayContaining(['lineId', 'date', 'colour']));
    const alone = await send(t, outgoing, 'post', '/api/handovers', {
      lineId: line.id,
      shiftId: shift.id,
    }).expect(400);
    expect(fieldPaths(alone.body)).toEqual(['date']);
    const unknownLine = await send(t, outgoing, 'post', '/api/handovers', {
      lineId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    expect(fieldPaths(unknownLine.body)).toEqual(['lineId']);
    const notBegun = await send(t, outgoing, 'post', '/api/handovers', {
      lineId: line.id,
      shiftId: shift.id,
      date: '2024-03-06',
    }).expect(400);
    expect(fieldPaths(notBegun.body)).toEqual(['date']);
    const other = await createLine(t, engineer, { code: 'HO-3', name: 'Third' });
    const otherShift = await createShift(t, engineer, {
      lineId: other.id,
      name: 'Late',
      startTime: '14:00',
      endTime: '22:00',
      timezone: 'UTC',
      breaks: [],
    });
    const foreign = await send(t, outgoing, 'post', '/api/handovers', {
      lineId: line.id,
      shiftId: otherShift.id,
      date: DAY,
    }).expect(400);
    expect(fieldPaths(foreign.body)).toEqual(['shiftId']);
    const long = await send(t, outgoing, 'post', '/api/handovers', {
      lineId: line.id,
      notes: 'x'.repeat(4001),
    }).expect(400);
    expect(fieldPaths(long.body)).toEqual(['notes']);
    const ackBody = await send(
      t,
      incoming,
      'post',
      '/api/handovers/00000000-0000-4000-8000-000000000000/acknowledge',
      { note: 5 },
    ).expect(400);
    expect(fieldPaths(ackBody.body)).toEqual(['note']);

    await send(t, viewer, 'post', '/api/handovers', { lineId: line.id }).expect(403);
    await send(t, operator, 'post', '/api/handovers', { lineId: line.id }).expect(403);
    await send(t, viewer, 'get', `/api/lines/${line.id}/handover-draft?date=${DAY}`).expect(400);
    await send(
      t,
      viewer,
      'get',
      '/api/lines/00000000-0000-4000-8000-000000000000/handover-draft',
    ).expect(404);
    const bare = await createLine(t, engineer, { code: 'HO-4', name: 'Bare' });
    await send(t, viewer, 'get', `/api/lines/${bare.id}/handover-draft`).expect(409);
  });

  it('sums up a running shift against what was due so far, and defaults to the shift ending nearest now', async () => {
    // At 13:20 the hours 06–13 were due 120+120+120+90+60+120+60 = 690 parts (breaks at 09:00
    // and 12:00, the planned stop 10:30–11:00), plus 20 min of 13:00–14:00: 1200 / 30 = 40.
    setNow(at('13:20'));
    const running = await draft();
    expect(running.shift).toMatchObject({ id: shift.id, date: DAY });
    expect(running.summary.output).toEqual({
      target: 730,
      shiftTarget: 810,
      actualGood: 515,
      actualReject: 3,
      gap: -215,
    });
    const board = await get<HourByHour>(t, viewer, `/api/lines/${line.id}/hour-by-hour`);
    expect(board.totals).toMatchObject({ target: 810, targetSoFar: 730, gapSoFar: -215 });

    // With a Late shift 14:00–22:00 after it: at 14:05 the board shows the Late shift (running),
    // while the handover's default is the Early one that ended five minutes ago.
    const late = await createShift(t, engineer, {
      lineId: line.id,
      name: 'Late',
      startTime: '14:00',
      endTime: '22:00',
      timezone: 'UTC',
      breaks: [],
    });
    setNow(at('14:05'));
    const lateBoard = await get<HourByHour>(t, viewer, `/api/lines/${line.id}/hour-by-hour`);
    expect(lateBoard.shift).toMatchObject({ id: late.id, name: 'Late' });
    const ending = await draft();
    expect(ending.shift).toMatchObject({ id: shift.id, name: 'Early', date: DAY });
    expect(ending.summary.output).toMatchObject({ target: 810, shiftTarget: 810 });
    // Near the end of the Late shift, that one is the shift to hand over.
    setNow(at('21:50'));
    expect((await draft()).shift).toMatchObject({ id: late.id, name: 'Late' });
    setNow(at('14:30'));
  });

  it('keeps a user limited to other lines out of this line: board, draft, handovers', async () => {
    const admin = await t.adminTokens();
    const other = await createLine(t, engineer, { code: 'HO-X', name: 'Other' });
    const limited = await t.userWithRole('shift_manager');
    await assignLines(t, admin, limited, [other.id]);
    await send(t, limited, 'get', `/api/lines/${line.id}/hour-by-hour`).expect(403);
    await send(t, limited, 'get', `/api/lines/${line.id}/handover-draft`).expect(403);
    const listed = await get<Paginated<Handover>>(t, limited, '/api/handovers');
    expect(listed).toMatchObject({ total: 0, items: [] });
    const everyone = await get<Paginated<Handover>>(t, viewer, `/api/handovers?lineId=${line.id}`);
    expect(everyone.total).toBeGreaterThan(0);
    const first = everyone.items[0];
    if (!first) throw new Error('no handover');
    await send(t, limited, 'get', `/api/handovers/${first.id}`).expect(403);
    await send(t, limited, 'post', '/api/handovers', { lineId: line.id }).expect(403);
  });

  it('documents every handover route in OpenAPI', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths as Record<string, unknown>)).toEqual(
      expect.arrayContaining([
        '/api/handovers',
        '/api/handovers/{id}',
        '/api/handovers/{id}/acknowledge',
        '/api/lines/{id}/handover-draft',
      ]),
    );
  });
});
