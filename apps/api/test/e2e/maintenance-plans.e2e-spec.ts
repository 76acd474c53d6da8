import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type {
  AuthTokens,
  Equipment,
  Line,
  MaintenanceKpis,
  MaintenanceOverview,
  MaintenancePlan,
  MachineEventInput,
  Paginated,
  WorkOrderSummary,
} from '@ms5/contracts';
import { MaintenanceSchedulerService } from '../../src/domains/maintenance/maintenance-scheduler.service.js';
import { OeeRollupService } from '../../src/domains/oee/oee-rollup.service.js';
import { fieldPaths, get, post, send } from '../support/api.js';
import { freezeClock } from '../support/clock.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import { stepWorkOrder } from '../support/maintenance-factory.js';
import { createEquipment, createLine, createShift } from '../support/plant-factory.js';
import { type TestApp, createInstance, createTestApp } from '../support/test-app.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Machine history starts here: whole hours before the real time, so no event is in the future. */
const T0 = Math.floor(Date.now() / HOUR) * HOUR - 14 * HOUR;
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
/** The calendar plans live on a day of their own. */
const S = T0 - 60 * DAY;
const day = (days: number) => new Date(S + days * DAY);

/**
 * Preventive plans over HTTP with the scheduler driven pass by pass on a frozen clock: a runtime
 * plan counts running hours only, a parts plan counts parts, fixed and floating calendar plans
 * differ after an early completion, two instances make one work order per occurrence, and the
 * refusals name the fields.
 */
describe('maintenance plans and the scheduler', () => {
  let t: TestApp;
  let admin: AuthTokens;
  let planner: AuthTokens;
  let lineTech: AuthTokens;
  let viewer: AuthTokens;
  let lineA: Line;
  let lineB: Line;
  let press: Equipment;
  let setNow: (next: Date) => void;
  let scheduler: MaintenanceSchedulerService;

  const readPlan = (id: string) => get<MaintenancePlan>(t, planner, `/api/maintenance-plans/${id}`);
  const ordersOf = async (planId: string) =>
    (
      await get<Paginated<WorkOrderSummary>>(
        t,
        planner,
        `/api/work-orders?planId=${planId}&pageSize=200`,
      )
    ).items.sort((a, b) => (a.planOccurrence ?? 0) - (b.planOccurrence ?? 0));
  const createPlan = (body: object, tokens: AuthTokens = planner) =>
    post<MaintenancePlan>(t, tokens, '/api/maintenance-plans', body);
  const state = (
    equipmentId: string,
    hours: number,
    s: 'running' | 'stopped' | 'idle',
  ): MachineEventInput => ({
    eventId: `${equipmentId}-s-${hours}`,
    equipmentId,
    ts: at(hours),
    type: 'state',
    state: s,
  });
  const count = (
    equipmentId: string,
    hours: number,
    good: number,
    reject = 0,
  ): MachineEventInput => ({
    eventId: `${equipmentId}-c-${hours}`,
    equipmentId,
    ts: at(hours),
    type: 'count',
    good,
    reject,
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminTokens();
    [planner, lineTech, viewer] = await usersWithRoles(t, 'engineer', 'maintenance', 'viewer');
    lineA = await createLine(t, admin, { code: 'PM-A' });
    lineB = await createLine(t, admin, { code: 'PM-B' });
    press = await createEquipment(t, admin, { lineId: lineA.id, code: 'PM-PRS' });
    await assignLines(t, admin, lineTech, [lineB.id]);
    setNow = freezeClock(t.app, new Date(T0));
    scheduler = t.app.get(MaintenanceSchedulerService);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('fires a runtime plan after 8 hours of running, not 8 hours of clock, and reads the same from the roll-ups', async () => {
    const machine = await createEquipment(t, admin, { lineId: lineA.id, code: 'PM-RUN' });
    setNow(new Date(at(0)));
    const plan = await createPlan({
      equipmentId: machine.id,
      title: 'Grease the spindle',
      startAt: at(0),
      triggers: [{ kind: 'runtime', everyHours: 8 }],
    });
    // Runs 0–3, stops 3–5, runs 5–9, idles 9–10, runs from 10: 8 hours of running at 11.
    await ingestEvents(t, admin, [
      state(machine.id, 0, 'running'),
      state(machine.id, 3, 'stopped'),
      state(machine.id, 5, 'running'),
      state(machine.id, 9, 'idle'),
      state(machine.id, 10, 'running'),
    ]);

    setNow(new Date(at(8.5)));
    await scheduler.runPass();
    expect(await ordersOf(plan.id)).toHaveLength(0);
    const read = await readPlan(plan.id);
    expect(read.meters.runtimeHours).toBeCloseTo(6.5, 3);
    expect(read.nextDue.runtimeHoursLeft).toBeCloseTo(1.5, 3);

    setNow(new Date(at(10.5)));
    await scheduler.runPass();
    expect(await ordersOf(plan.id)).toHaveLength(0);
    const live = await readPlan(plan.id);
    expect(live.meters.runtimeHours).toBeCloseTo(7.5, 3);
    // The whole hours rolled up, the open hour from raw events: the same reading.
    await t.app.get(OeeRollupService).processQueue(T0 + 10.5 * HOUR);
    expect((await readPlan(plan.id)).meters.runtimeHours).toBeCloseTo(7.5, 3);

    setNow(new Date(at(11.1)));
    await scheduler.runPass();
    const orders = await ordersOf(plan.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      type: 'preventive',
      status: 'open',
      planId: plan.id,
      planOccurrence: 1,
      equipmentId: machine.id,
      title: 'Grease the spindle',
      dueAt: at(11.1),
    });
    // The meters count again from that occurrence.
    const after = await readPlan(plan.id);
    expect(after.occurrences).toBe(1);
    expect(after.meters.runtimeHours).toBeCloseTo(0, 3);
    await scheduler.runPass();
    expect(await ordersOf(plan.id)).toHaveLength(1);
  });

  it('fires a parts plan at the 100th part', async () => {
    const machine = await createEquipment(t, admin, { lineId: lineA.id, code: 'PM-CNT' });
    setNow(new Date(at(0)));
    const plan = await createPlan({
      equipmentId: machine.id,
      title: 'Change the die',
      startAt: at(0),
      triggers: [{ kind: 'parts', everyParts: 100 }],
    });
    await ingestEvents(t, admin, [
      state(machine.id, 0, 'running'),
      count(machine.id, 0, 0),
      count(machine.id, 1, 40, 5),
      count(machine.id, 2, 50),
    ]);
    setNow(new Date(at(2.5)));
    await scheduler.runPass();
    expect(await ordersOf(plan.id)).toHaveLength(0);
    const read = await readPlan(plan.id);
    expect(read.meters.parts).toBe(95);
    expect(read.nextDue.partsLeft).toBe(5);

    await ingestEvents(t, admin, [count(machine.id, 3, 5)]);
    setNow(new Date(at(3.2)));
    await scheduler.runPass();
    const orders = await ordersOf(plan.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ planOccurrence: 1, type: 'preventive' });
  });

  it('moves the next due of a floating plan after an early completion, and keeps a fixed one on its schedule', async () => {
    setNow(day(0));
    const body = {
      equipmentId: press.id,
      title: 'Inspect the guards',
      startAt: day(0).toISOString(),
      leadTimeHours: 72,
      triggers: [{ kind: 'calendar', every: 10, unit: 'day' }],
    };
    const fixed = await createPlan(body);
    const floating = await createPlan({ ...body, floating: true });
    expect(fixed.nextDue.at).toBe(day(10).toISOString());

    setNow(new Date(S + 6 * DAY));
    await scheduler.runPass();
    expect(await ordersOf(fixed.id)).toHaveLength(0);

    // Three days before it is due, each plan opens its first work order.
    setNow(new Date(S + 7 * DAY + HOUR));
    await scheduler.runPass();
    const [firstFixed] = await ordersOf(fixed.id);
    const [firstFloating] = await ordersOf(floating.id);
    expect(firstFixed).toMatchObject({ planOccurrence: 1, dueAt: day(10).toISOString() });
    expect(firstFloating).toMatchObject({ planOccurrence: 1, dueAt: day(10).toISOString() });

    // Both completed early, on day 8.
    setNow(day(8));
    for (const order of [firstFixed, firstFloating]) {
      if (!order) throw new Error('no work order');
      await stepWorkOrder(t, admin, order.id, 'start');
      await stepWorkOrder(t, admin, order.id, 'complete', { remedy: 'Guards fine' });
    }
    expect((await readPlan(floating.id)).nextDue.at).toBe(day(18).toISOString());
    expect((await readPlan(fixed.id)).nextDue.at).toBe(day(20).toISOString());

    setNow(new Date(S + 15 * DAY + HOUR));
    await scheduler.runPass();
    expect((await ordersOf(floating.id)).map((o) => o.dueAt)).toEqual([
      day(10).toISOString(),
      day(18).toISOString(),
    ]);
    expect(await ordersOf(fixed.id)).toHaveLength(1);

    setNow(new Date(S + 17 * DAY + HOUR));
    await scheduler.runPass();
    expect((await ordersOf(fixed.id)).map((o) => o.dueAt)).toEqual([
      day(10).toISOString(),
      day(20).toISOString(),
    ]);
    // The floating plan waits for its open work order.
    expect(await ordersOf(floating.id)).toHaveLength(2);
    expect((await readPlan(floating.id)).nextDue).toEqual({});
  });

  it('makes exactly one work order per occurrence with two instances passing at once', async () => {
    const machine = await createEquipment(t, admin, { lineId: lineA.id, code: 'PM-TWO' });
    const second: NestExpressApplication = await createInstance(t.db.url);
    try {
      setNow(day(30));
      const setSecond = freezeClock(second, day(30));
      const plan = await createPlan({
        equipmentId: machine.id,
        title: 'Daily check',
        startAt: day(24).toISOString(),
        triggers: [{ kind: 'calendar', every: 1, unit: 'day' }],
      });
      setSecond(day(30));
      const other = second.get(MaintenanceSchedulerService);
      for (let i = 0; i < 8; i++) {
        await Promise.all([scheduler.runPass(), other.runPass()]);
      }
      const orders = await ordersOf(plan.id);
      // Due on days 25 … 30: six occurrences, one work order each.
      expect(orders.map((o) => o.planOccurrence)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(orders.map((o) => o.dueAt)).toEqual(
        [25, 26, 27, 28, 29, 30].map((d) => day(d).toISOString()),
      );
      // And a restart resumes from the stored occurrence: nothing more until day 31.
      const third = await createInstance(t.db.url);
      try {
        freezeClock(third, day(30.5));
        await third.get(MaintenanceSchedulerService).runPass();
        expect(await ordersOf(plan.id)).toHaveLength(6);
        freezeClock(third, day(31));
        await third.get(MaintenanceSchedulerService).runPass();
        expect(await ordersOf(plan.id)).toHaveLength(7);
      } finally {
        await third.close();
      }
    } finally {
      await second.close();
    }
  });

  it('lists, updates and deactivates plans; refuses bad input naming the fields, other lines and readers', async () => {
    setNow(day(40));
    const plan = await createPlan({
      equipmentId: press.id,
      title: 'Check the oil',
      triggers: [
        { kind: 'calendar', every: 1, unit: 'month' },
        { kind: 'runtime', everyHours: 500 },
      ],
    });
    expect(plan).toMatchObject({
      active: true,
      floating: false,
      leadTimeHours: 0,
      priority: 'medium',
      startAt: day(40).toISOString(),
      meters: { runtimeHours: 0, parts: 0 },
      nextDue: { runtimeHoursLeft: 500 },
    });
    const list = await get<Paginated<MaintenancePlan>>(
      t,
      viewer,
      `/api/maintenance-plans?equipmentId=${press.id}`,
    );
    expect(list.items.map((p) => p.id)).toContain(plan.id);
    const patched = await send(t, planner, 'patch', `/api/maintenance-plans/${plan.id}`, {
      title: 'Check the oil level',
      triggers: [{ kind: 'parts', everyParts: 5000 }],
      leadTimeHours: 4,
    }).expect(200);
    expect(patched.body).toMatchObject({
      title: 'Check the oil level',
      triggers: [{ kind: 'parts', everyParts: 5000 }],
      leadTimeHours: 4,
      nextDue: { partsLeft: 5000 },
    });
    const removed = await send(t, planner, 'delete', `/api/maintenance-plans/${plan.id}`).expect(
      200,
    );
    expect(removed.body).toMatchObject({ active: false });

    const bad = async (body: object, status = 400): Promise<unknown> =>
      (await send(t, planner, 'post', '/api/maintenance-plans', body).expect(status))
        .body as unknown;
    expect(fieldPaths(await bad({ equipmentId: press.id, title: 'x', triggers: [] }))).toEqual([
      'triggers',
    ]);
    expect(
      fieldPaths(
        await bad({
          equipmentId: press.id,
          title: 'x',
          triggers: [{ kind: 'calendar', every: 0, unit: 'day' }],
        }),
      ),
    ).toEqual(['triggers.0.every']);
    expect(
      fieldPaths(
        await bad({
          equipmentId: '00000000-0000-4000-8000-000000000000',
          title: 'x',
          triggers: [{ kind: 'parts', everyParts: 10 }],
        }),
      ),
    ).toEqual(['equipmentId']);
    const otherLine = await send(t, lineTech, 'get', `/api/maintenance-plans/${plan.id}`).expect(
      403,
    );
    expect(otherLine.body).toMatchObject({ code: 'LINE_NOT_ASSIGNED' });
    await send(t, lineTech, 'get', `/api/maintenance-plans?lineId=${lineA.id}`).expect(403);
    const lineBList = await get<Paginated<MaintenancePlan>>(t, lineTech, '/api/maintenance-plans');
    expect(lineBList.items.every((p) => p.lineId === lineB.id)).toBe(true);
    await send(t, viewer, 'post', '/api/maintenance-plans', {
      equipmentId: press.id,
      title: 'x',
      triggers: [{ kind: 'parts', everyParts: 10 }],
    }).expect(403);
  });
  it('computes the maintenance KPIs and the overview of a line on a hand-worked day', async () => {
    const K = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
    const k = (hour: number, minute = 0) => new Date(K + hour * HOUR + minute * 60_000);
    const lineK = await createLine(t, admin, { code: 'PM-K' });
    await createShift(t, admin, { lineId: lineK.id });
    const machine = await createEquipment(t, admin, { lineId: lineK.id, code: 'PM-KPI' });
    const [lineManager] = await usersWithRoles(t, 'shift_manager');
    await assignLines(t, admin, lineManager, [lineK.id]);
    const ev = (hour: number, minute: number, s: 'running' | 'stopped'): MachineEventInput => ({
      eventId: `kpi-${hour}-${minute}`,
      equipmentId: machine.id,
      ts: k(hour, minute).toISOString(),
      type: 'state',
      state: s,
    });
    // Runs 06:00–08:00, stopped 08:00–08:30, runs to 11:00, stopped 11:00–12:30, runs to 14:00:
    // 6 h run, 2 failures, 2 h down → MTBF 3 h, MTTR 1 h.
    await ingestEvents(t, admin, [
      ev(6, 0, 'running'),
      ev(8, 0, 'stopped'),
      ev(8, 30, 'running'),
      ev(11, 0, 'stopped'),
      ev(12, 30, 'running'),
    ]);
    const open = async (hour: number, minute: number, body: object) => {
      setNow(k(hour, minute));
      return post<WorkOrderSummary>(t, admin, '/api/work-orders', {
        equipmentId: machine.id,
        priority: 'high',
        title: 'KPI order',
        ...body,
      });
    };
    const stepAt = async (
      hour: number,
      minute: number,
      id: string,
      step: 'assign' | 'start' | 'complete',
      body: object = {},
    ) => {
      setNow(k(hour, minute));
      return stepWorkOrder(t, admin, id, step, body);
    };
    const labour = async (id: string, startedAt: Date, minutes: number) => {
      setNow(k(13, 59));
      await post(t, admin, `/api/work-orders/${id}/labour`, {
        startedAt: startedAt.toISOString(),
        minutes,
      });
    };
    // Two repairs: assigned after 10 and 30 minutes, each an hour from start to completion.
    const c1 = await open(8, 0, { type: 'corrective' });
    await stepAt(8, 10, c1.id, 'assign', { assigneeIds: [admin.user.id] });
    await stepAt(8, 15, c1.id, 'start');
    await stepAt(9, 15, c1.id, 'complete');
    const c2 = await open(11, 0, { type: 'corrective' });
    await stepAt(11, 30, c2.id, 'assign', { assigneeIds: [admin.user.id] });
    await stepAt(11, 30, c2.id, 'start');
    await stepAt(12, 30, c2.id, 'complete');
    // Preventive: one done before its due, one overdue and open; an open inspection.
    const p1 = await open(6, 30, { type: 'preventive', dueAt: k(10).toISOString() });
    await stepAt(9, 0, p1.id, 'start');
    await stepAt(9, 40, p1.id, 'complete');
    const p2 = await open(6, 30, { type: 'preventive', dueAt: k(12).toISOString() });
    const i1 = await open(7, 0, { type: 'inspection' });
    await labour(c1.id, k(8, 15), 60);
    await labour(c2.id, k(11, 30), 60);
    await labour(p1.id, k(9, 0), 30);
    await labour(i1.id, k(7, 0), 30);

    setNow(k(14));
    const kpis = await get<MaintenanceKpis>(
      t,
      lineManager,
      `/api/maintenance/kpis?lineId=${lineK.id}&from=${k(6).toISOString()}&to=${k(14).toISOString()}`,
    );
    expect(kpis).toMatchObject({
      mtbfSeconds: 3 * 3600,
      mttrSeconds: 3600,
      workOrderMttrSeconds: 3600,
      // Assigned after 10 and 30 minutes; the first preventive one when started, after 2 h 30.
      mttaSeconds: (600 + 1800 + 9000) / 3,
      pmCompliance: 0.5,
      plannedMaintenancePercentage: 0.333333,
      backlogHours: 0.5,
      correctiveMaintenanceRatio: 0.8,
      basis: {
        failures: 2,
        assignedWorkOrders: 3,
        preventiveDue: 2,
        preventiveCompliant: 1,
        openWorkOrders: 2,
      },
    });
    await send(
      t,
      lineManager,
      'get',
      `/api/maintenance/kpis?lineId=${lineA.id}&from=${k(6).toISOString()}&to=${k(14).toISOString()}`,
    ).expect(403);

    const overview = await get<MaintenanceOverview>(t, lineManager, '/api/maintenance/overview');
    expect(overview).toMatchObject({
      openWorkOrders: 2,
      overdueWorkOrders: 1,
      dueInSevenDays: 0,
      mtbfSeconds: 3 * 3600,
      mttrSeconds: 3600,
    });
    expect(overview.worstEquipment).toHaveLength(1);
    expect(overview.worstEquipment[0]).toMatchObject({
      equipmentId: machine.id,
      unplannedStopSeconds: 2 * 3600,
    });
    expect(overview.worstEquipment[0]?.openWorkOrders.map((o) => o.id).sort()).toEqual(
      [p2.id, i1.id].sort(),
    );
  });
});
