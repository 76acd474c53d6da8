import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, JobAssignment, Line, Paginated, ProductionOrder } from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { DEMO_AREAS, DEMO_PRODUCTS } from '../../src/dev/demo-plant/demo-plant.js';
import {
  DEMO_SCHEDULE_LOCK_KEY,
  type DemoSchedulePass,
  DemoScheduleKeeper,
} from '../../src/dev/demo/demo-schedule.js';
import { DemoSeeder } from '../../src/dev/demo/demo-seeder.js';
import { get } from '../support/api.js';
import { freezeClock } from '../support/clock.js';
import { type TestApp, createInstance, createTestApp } from '../support/test-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Wednesday 12 March 2031, 10:17 in Berlin (CET, UTC+1): the early shift (06–14) runs. */
const T0 = new Date('2031-03-12T09:17:00Z');
/** 14:05 in Berlin: the early shift has ended, the late shift (14–22) runs. */
const T1 = new Date('2031-03-12T13:05:00Z');
/** Three days later, 14:05: the server "was down" meanwhile. */
const T2 = new Date(T1.getTime() + 3 * DAY);

const z = (iso: string) => new Date(iso).toISOString();
/** Each demo shift is 8 h with 15 + 30 min of breaks: 26 100 s of working time. */
const WORK_SECONDS = 8 * 3600 - 45 * 60;
/**
 * The quantity of every shift order: working time ÷ the product's ideal cycle time on the line ×
 * 0.85, rounded. Worked out by hand from the demo plant's cycle times.
 */
const QUANTITY: Record<string, number> = {
  'FL1/WATER-05': 18_488, // 26 100 ÷ 1.2 = 21 750 × 0.85 = 18 487.5
  'FL1/WATER-15': 14_790, // 26 100 ÷ 1.5 = 17 400 × 0.85
  'FL2/WATER-15': 13_050, // 26 100 ÷ 1.7 × 0.85
  'FL2/JUICE-1L': 13_866, // 26 100 ÷ 1.6 = 16 312.5 × 0.85 = 13 865.6
  'FL3/JUICE-1L': 11_093, // 26 100 ÷ 2.0 = 13 050 × 0.85 = 11 092.5
  'FL3/JUICE-02': 10_084, // 26 100 ÷ 2.2 × 0.85 = 10 084.09
  'PR1/BRKT-A': 2_773, // 26 100 ÷ 8 = 3 262.5 × 0.85 = 2 773.1
  'PR1/HSG-200': 2_335, // 26 100 ÷ 9.5 × 0.85 = 2 335.3
  'WP1/FRAME-S': 444, // 26 100 ÷ 50 = 522 × 0.85 = 443.7
  'WP1/HSG-200': 403, // 26 100 ÷ 55 × 0.85 = 403.4
};
const LINE_CODES = DEMO_AREAS.flatMap((area) => area.lines.map((line) => line.code));

/** The demo schedule keeper on the seeded demo plant, on real PostgreSQL with a frozen clock. */
describe('demo schedule keeper', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: AuthTokens;
  let keeper: DemoScheduleKeeper;
  let setNow: (next: Date) => void;
  let lines: Line[];
  let operatorId: string;

  /** The line's orders that hold a slot (not cancelled), by planned start. */
  const ordersOf = async (line: Line) =>
    (
      await get<Paginated<ProductionOrder>>(t, admin, `/api/orders?lineId=${line.id}&pageSize=200`)
    ).items
      .filter((o) => o.status !== 'cancelled')
      .sort((a, b) => Date.parse(a.plannedStart) - Date.parse(b.plannedStart));
  const operatorJobs = async () =>
    (
      await get<Paginated<JobAssignment>>(
        t,
        admin,
        `/api/jobs?operatorId=${operatorId}&pageSize=200`,
      )
    ).items;
  const audited = async (action: string): Promise<number> => {
    const rows: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND actor_username = 'simulator'`,
      [action],
    );
    return rows[0]?.n ?? 0;
  };
  const pass = (values: Partial<DemoSchedulePass>): DemoSchedulePass => ({
    ran: true,
    lines: 5,
    created: 0,
    released: 0,
    started: 0,
    completed: 0,
    cancelled: 0,
    assigned: 0,
    failed: 0,
    ...values,
  });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    admin = await t.adminTokens();
    await t.app.get(DemoSeeder).seed();
    keeper = t.app.get(DemoScheduleKeeper);
    setNow = freezeClock(t.app, T0);
    lines = (await get<Paginated<Line>>(t, admin, '/api/lines?pageSize=200')).items
      .filter((line) => LINE_CODES.includes(line.code))
      .sort((a, b) => LINE_CODES.indexOf(a.code) - LINE_CODES.indexOf(b.code));
    const rows: Array<{ id: string }> = await db.query(
      `SELECT id FROM users WHERE username = 'demo-operator'`,
    );
    operatorId = rows[0]?.id ?? '';
  });
  afterAll(async () => {
    await t?.close();
  });

  it('does not run without DEMO=1', () => {
    expect(lines.map((line) => line.code)).toEqual(['FL1', 'FL2', 'FL3', 'PR1', 'WP1']);
    expect(operatorId).not.toBe('');
    expect(keeper.start()).toBe(false);
    expect(keeper.active).toBe(false);
  });

  it('plans every line from the current shift to 24 h ahead and runs the current order', async () => {
    expect(await keeper.runOnce()).toEqual(
      pass({ created: 20, released: 20, started: 5, assigned: 1 }),
    );

    for (const line of lines) {
      const orders = await ordersOf(line);
      // The early, late and night shift of the 12th and the early shift of the 13th (Berlin).
      expect(orders.map((o) => [o.reference, o.plannedStart, o.plannedEnd, o.status])).toEqual([
        [
          `DEMO-${line.code}-20310312-Early`,
          z('2031-03-12T05:00Z'),
          z('2031-03-12T13:00Z'),
          'running',
        ],
        [
          `DEMO-${line.code}-20310312-Late`,
          z('2031-03-12T13:00Z'),
          z('2031-03-12T21:00Z'),
          'released',
        ],
        [
          `DEMO-${line.code}-20310312-Night`,
          z('2031-03-12T21:00Z'),
          z('2031-03-13T05:00Z'),
          'released',
        ],
        [
          `DEMO-${line.code}-20310313-Early`,
          z('2031-03-13T05:00Z'),
          z('2031-03-13T13:00Z'),
          'released',
        ],
      ]);
      // From the start of the current shift to at least 24 h ahead, without overlap or gap.
      expect(Date.parse(orders[0]?.plannedStart ?? '')).toBeLessThanOrEqual(T0.getTime());
      expect(Date.parse(orders.at(-1)?.plannedEnd ?? '')).toBeGreaterThanOrEqual(
        T0.getTime() + DAY,
      );
      orders.slice(1).forEach((o, i) => expect(o.plannedStart).toBe(orders[i]?.plannedEnd));
      // Exactly one runs, started at the (frozen) server time.
      const running = orders.filter((o) => o.status === 'running');
      expect(running.map((o) => o.actualStart)).toEqual([T0.toISOString()]);
      // The line's two demo products alternate; each quantity follows the formula.
      for (const [i, o] of orders.entries()) {
        const cycle = DEMO_PRODUCTS.find((p) => p.code === o.productCode)?.lines[line.code];
        expect(cycle).toBeDefined();
        expect(o.quantity).toBe(Math.round((WORK_SECONDS * 0.85) / (cycle ?? 1)));
        expect(o.quantity).toBe(QUANTITY[`${line.code}/${o.productCode}`]);
        if (i > 0) expect(o.productCode).not.toBe(orders[i - 1]?.productCode);
      }
    }
    expect(await audited('production-order.created')).toBe(20);
    expect(await audited('production-order.started')).toBe(5);

    // The demo operator has a job on the first line's running order.
    const fl1 = await ordersOf(lines[0] as Line);
    const jobs = await operatorJobs();
    expect(
      jobs.map((j) => [j.orderId, j.lineCode, j.status, j.shiftDate, j.assignedBy?.id]),
    ).toEqual([[fl1[0]?.id, 'FL1', 'assigned', '2031-03-12', expect.any(String)]]);
  });

  it('changes nothing on a second pass at the same time (idempotent)', async () => {
    const before = await Promise.all(lines.map(ordersOf));
    const jobsBefore = await operatorJobs();
    expect(await keeper.runOnce()).toEqual(pass({}));
    expect(await Promise.all(lines.map(ordersOf))).toEqual(before);
    expect(await operatorJobs()).toEqual(jobsBefore);
  });

  it('skips its pass while another instance holds the schedule lock', async () => {
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [DEMO_SCHEDULE_LOCK_KEY]);
      setNow(T1); // work would be due, but this instance must leave it to the lock holder
      expect(await keeper.runOnce()).toEqual(pass({ ran: false, lines: 0 }));
      expect((await ordersOf(lines[0] as Line)).map((o) => o.status)).toEqual([
        'running',
        'released',
        'released',
        'released',
      ]);
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [DEMO_SCHEDULE_LOCK_KEY]);
      await holder.release();
      setNow(T0);
    }
  });

  it('after the shift ends, completes the running order and starts the next, once across two instances', async () => {
    setNow(T1);
    // Another API instance on the same database, with `DEMO=1`.
    const other = await createInstance(t.db.url, { DEMO: '1' });
    const otherKeeper = other.get(DemoScheduleKeeper);
    freezeClock(other, T1);
    try {
      // The DEMO=1 instance starts its loop (its first pass comes after the one asked for here)
      // while this instance runs a pass too: one takes the advisory lock, the other skips (or
      // finds nothing left to do), so together they did each step once.
      expect(otherKeeper.start()).toBe(true);
      expect(otherKeeper.active).toBe(true);
      const mine = keeper.runOnce();
      const theirs = otherKeeper.runOnce();
      const passes = await Promise.all([mine, theirs]);
      const sum = (key: keyof Omit<DemoSchedulePass, 'ran'>) =>
        passes.reduce((total, p) => total + p[key], 0);
      expect({
        created: sum('created'),
        released: sum('released'),
        completed: sum('completed'),
        started: sum('started'),
        cancelled: sum('cancelled'),
        assigned: sum('assigned'),
        failed: sum('failed'),
      }).toEqual({
        created: 5,
        released: 5,
        completed: 5,
        started: 5,
        cancelled: 0,
        assigned: 1,
        failed: 0,
      });

      for (const line of lines) {
        const orders = await ordersOf(line);
        expect(orders.map((o) => [o.reference, o.status])).toEqual([
          [`DEMO-${line.code}-20310312-Early`, 'completed'],
          [`DEMO-${line.code}-20310312-Late`, 'running'],
          [`DEMO-${line.code}-20310312-Night`, 'released'],
          [`DEMO-${line.code}-20310313-Early`, 'released'],
          [`DEMO-${line.code}-20310313-Late`, 'released'],
        ]);
        expect(orders[0]?.actualEnd).toBe(T1.toISOString());
        expect(orders[1]?.actualStart).toBe(T1.toISOString());
        expect(orders[4]).toMatchObject({
          plannedStart: z('2031-03-13T13:00Z'),
          plannedEnd: z('2031-03-13T21:00Z'),
        });
        orders.slice(1).forEach((o, i) => expect(o.plannedStart).toBe(orders[i]?.plannedEnd));
      }
      // Each step happened once in all, whichever instance took it.
      expect(await audited('production-order.created')).toBe(25);
      expect(await audited('production-order.completed')).toBe(5);
      expect(await audited('production-order.started')).toBe(10);
      expect(await audited('production-order.released')).toBe(25);

      const fl1 = await ordersOf(lines[0] as Line);
      const jobs = await operatorJobs();
      expect(jobs.map((j) => j.orderId).sort()).toEqual([fl1[0]?.id, fl1[1]?.id].sort());
      expect(jobs.every((j) => j.status === 'assigned' && j.lineCode === 'FL1')).toBe(true);
    } finally {
      await other.close();
    }
    // The loop stopped with the app: no timer is left.
    expect(otherKeeper.active).toBe(false);
  });

  it('after a downtime, cancels the orders whose window passed unstarted and plans from now', async () => {
    setNow(T2); // 15 March, 14:05 in Berlin
    expect(await keeper.runOnce()).toEqual(
      pass({ completed: 5, cancelled: 15, created: 20, released: 20, started: 5, assigned: 1 }),
    );
    for (const line of lines) {
      const all = (
        await get<Paginated<ProductionOrder>>(
          t,
          admin,
          `/api/orders?lineId=${line.id}&pageSize=200`,
        )
      ).items;
      expect(
        all
          .filter((o) => o.status === 'cancelled')
          .map((o) => o.reference)
          .sort(),
      ).toEqual(
        [
          `DEMO-${line.code}-20310312-Night`,
          `DEMO-${line.code}-20310313-Early`,
          `DEMO-${line.code}-20310313-Late`,
        ].sort(),
      );
      const open = all
        .filter((o) => o.status === 'running' || o.status === 'released')
        .sort((a, b) => Date.parse(a.plannedStart) - Date.parse(b.plannedStart));
      expect(open.map((o) => [o.reference, o.status])).toEqual([
        [`DEMO-${line.code}-20310315-Late`, 'running'],
        [`DEMO-${line.code}-20310315-Night`, 'released'],
        [`DEMO-${line.code}-20310316-Early`, 'released'],
        [`DEMO-${line.code}-20310316-Late`, 'released'],
      ]);
    }
  });
});
