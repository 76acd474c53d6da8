import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuthTokens,
  Equipment,
  Line,
  OeeReport,
  Product,
  SimulatorState,
} from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { Prng, deriveSeed } from '../../src/dev/simulator/prng.js';
import { get, post } from '../support/api.js';
import {
  createEquipment,
  createLine,
  createProduct,
  createShift,
} from '../support/plant-factory.js';
import { createOrder, stepOrder } from '../support/production-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { sleep, waitFor } from '../support/wait.js';

const SPEED = 120;
const TIMEOUT_MS = 45_000;

interface StateRow {
  equipment_id: string;
  ms: number;
  state: string;
  reason_code: string | null;
}

/**
 * The live simulator follows the production schedule: a line makes its running order's product
 * (so OEE, which counts parts at that product's cycle time, keeps performance at or below 1), and
 * changes over when the next order starts. Over HTTP on real PostgreSQL.
 */
describe('line simulator following the running orders', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: AuthTokens;
  let line: Line;
  let equipment: Equipment[];
  let slow: Product;
  let fast: Product;

  /** Plans, releases and starts an order of the product on the line. */
  const runOrder = async (product: Product, plannedStart: number, plannedEnd: number) => {
    const order = await createOrder(t, admin, {
      lineId: line.id,
      productId: product.id,
      quantity: 1000,
      plannedStart: new Date(plannedStart).toISOString(),
      plannedEnd: new Date(plannedEnd).toISOString(),
    });
    await stepOrder(t, admin, order.id, 'release');
    return stepOrder(t, admin, order.id, 'start');
  };

  const states = async (sinceMs: number): Promise<StateRow[]> => {
    const rows: Array<{ equipment_id: string; ms: string; state: string; reason_code: string }> =
      await db.query(
        `SELECT equipment_id, (extract(epoch FROM ts) * 1000)::float8 AS ms, state, reason_code
           FROM machine_events
          WHERE type = 'state' AND equipment_id = ANY($1::uuid[]) AND ts >= to_timestamp($2 / 1000.0)
          ORDER BY ts, event_id`,
        [equipment.map((e) => e.id), sinceMs],
      );
    return rows.map((r) => ({ ...r, ms: Number(r.ms) }));
  };
  /** The last count report of the line (every part made until then has been reported). */
  const lastCountMs = async (): Promise<number> => {
    const rows: Array<{ ms: string | null }> = await db.query(
      `SELECT (extract(epoch FROM max(ts)) * 1000)::float8 AS ms FROM machine_events
        WHERE type = 'count' AND equipment_id = ANY($1::uuid[])`,
      [equipment.map((e) => e.id)],
    );
    return Number(rows[0]?.ms ?? 0);
  };
  const oee = (scope: string, from: number, to: number) =>
    get<OeeReport>(
      t,
      admin,
      `/api/oee?${scope}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
    );

  /** Performance of the line and of each equipment over the window, with the parts counted. */
  const performanceOver = async (from: number, to: number) => {
    const lineReport = await oee(`lineId=${line.id}`, from, to);
    const perEquipment = await Promise.all(
      equipment.map((e) => oee(`equipmentId=${e.id}`, from, to)),
    );
    return { line: lineReport, equipment: perEquipment };
  };

  beforeAll(async () => {
    t = await createTestApp({ SIMULATOR_TICK_MS: '200' });
    await t.app.listen(0, '127.0.0.1');
    db = t.app.get(DataSource);
    admin = await t.adminTokens();

    line = await createLine(t, admin, { code: 'SO1', name: 'Order-following line' });
    equipment = [
      await createEquipment(t, admin, {
        code: 'SO1-A',
        name: 'Station A',
        lineId: line.id,
        idealCycleTimeSeconds: 0.1,
      }),
      await createEquipment(t, admin, {
        code: 'SO1-B',
        name: 'Station B',
        lineId: line.id,
        idealCycleTimeSeconds: 0.12,
      }),
    ];
    // Production all day (UTC), no breaks.
    for (const [name, startTime, endTime] of [
      ['Early', '00:00', '08:00'],
      ['Late', '08:00', '16:00'],
      ['Night', '16:00', '00:00'],
    ] as const) {
      await createShift(t, admin, { lineId: line.id, name, startTime, endTime, timezone: 'UTC' });
    }
    // The line's pace for each product: SIM-SLOW 0.2 s, SIM-FAST 0.12 s (its bottleneck, B).
    fast = await createProduct(t, admin, {
      code: 'SIM-FAST',
      name: 'Fast product',
      idealCycleTimeSeconds: 0.12,
      cycleTimes: [{ lineId: line.id, idealCycleTimeSeconds: 0.12 }],
    });
    slow = await createProduct(t, admin, {
      code: 'SIM-SLOW',
      name: 'Slow product',
      idealCycleTimeSeconds: 0.3,
      cycleTimes: [{ lineId: line.id, idealCycleTimeSeconds: 0.2 }],
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('makes the running order’s product from the start, and changes over once to the next order’s', async () => {
    // A seed whose own pick for SO1 is SIM-FAST (index 0 of the line's products, by code): left
    // to itself, the simulator would make the wrong product for the SIM-SLOW order.
    let seed = 1;
    while (new Prng(deriveSeed(seed, 'line:SO1')).int(2) !== 0) seed++;

    const now = Date.now();
    const first = await runOrder(slow, now - 60_000, now + 10 * 60_000);
    const started = await post<SimulatorState>(
      t,
      admin,
      '/api/simulator/start',
      { seed, speed: SPEED, lineIds: [line.id] },
      200,
    );
    expect(started.status).toBe('running');

    // --- 1. SIM-SLOW from the start: counted at 0.2 s a part, performance ≤ 1 -----------------
    const firstEvent = (
      await waitFor(
        () => states(now - 60_000),
        (rows) => rows.length > 0,
        TIMEOUT_MS,
      )
    )[0]?.ms;
    if (firstEvent === undefined) throw new Error('no state event');
    await sleep(15_000);
    const phase1End = (await lastCountMs()) + 1;
    const phase1 = await performanceOver(firstEvent, phase1End);
    expect(phase1.line.totalCount).toBeGreaterThan(50);
    expect(phase1.line.performance).not.toBeNull();
    expect(phase1.line.performance ?? 2).toBeLessThanOrEqual(1);
    expect(phase1.line.performance ?? 0).toBeGreaterThan(0.6);
    for (const report of phase1.equipment) expect(report.performance ?? 2).toBeLessThanOrEqual(1);
    // Set up for the running order when the run started: no changeover.
    expect((await states(firstEvent)).filter((s) => s.state === 'changeover')).toEqual([]);

    // --- 2. the next order, SIM-FAST, starts: one changeover, then 0.12 s a part --------------
    await stepOrder(t, admin, first.id, 'complete');
    const second = await runOrder(fast, now + 10 * 60_000, now + 20 * 60_000);
    const secondStart = Date.parse(second.actualStart ?? '');
    const changeover = await waitFor(
      () => states(secondStart),
      (rows) =>
        equipment.every((e) => {
          const own = rows.filter((r) => r.equipment_id === e.id);
          const index = own.findIndex((r) => r.state === 'changeover');
          return index >= 0 && index < own.length - 1;
        }),
      TIMEOUT_MS,
    );
    let changeoverEnd = 0;
    for (const e of equipment) {
      const own = changeover.filter((r) => r.equipment_id === e.id);
      const changeovers = own.filter((r) => r.state === 'changeover');
      expect(changeovers).toHaveLength(1);
      const [setup] = changeovers;
      if (!setup) throw new Error('no changeover');
      expect(setup.reason_code).toBe('PLAN-CHANGEOVER');
      // From the order's start (the driver reads the orders every 200 ms tick).
      expect(setup.ms).toBeGreaterThanOrEqual(secondStart);
      expect(setup.ms - secondStart).toBeLessThan(3_000);
      const end = own[own.indexOf(setup) + 1]?.ms ?? 0;
      // 15–35 min of setup, at speed 120: 7.5–17.5 s.
      expect((end - setup.ms) * SPEED).toBeGreaterThanOrEqual(15 * 60_000);
      expect((end - setup.ms) * SPEED).toBeLessThanOrEqual(35 * 60_000 + SPEED);
      changeoverEnd = Math.max(changeoverEnd, end);
    }
    await sleep(15_000);
    await post(t, admin, '/api/simulator/stop', {}, 200);
    await sleep(600); // a tick in flight may still finish
    const phase2End = (await lastCountMs()) + 1;
    const phase2 = await performanceOver(changeoverEnd, phase2End);
    expect(phase2.line.totalCount).toBeGreaterThan(50);
    expect(phase2.line.performance ?? 2).toBeLessThanOrEqual(1);
    expect(phase2.line.performance ?? 0).toBeGreaterThan(0.6);
    for (const report of phase2.equipment) expect(report.performance ?? 2).toBeLessThanOrEqual(1);
    // Still one changeover: none at random while an order runs.
    expect((await states(secondStart)).filter((s) => s.state === 'changeover')).toHaveLength(
      equipment.length,
    );
  });
});
