import { describe, expect, it } from '@jest/globals';
import type { Product, ProductionOrderStatus } from '@ms5/contracts';
import { DEMO_PRODUCTS, DEMO_SHIFTS } from '../demo-plant/demo-plant.js';
import {
  type ScheduleShift,
  type ScheduledOrder,
  currentOrder,
  dueTransitions,
  lineProducts,
  orderReference,
  ordersToCreate,
  plannedQuantity,
  shiftWindows,
} from './demo-schedule.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** The demo's three shifts (06–14, 14–22, 22–06 in Europe/Berlin, 45 min of breaks each). */
const shifts: ScheduleShift[] = DEMO_SHIFTS.map((s) => ({
  name: s.name,
  startTime: s.startTime,
  endTime: s.endTime,
  timezone: s.timezone,
  breaks: s.breaks,
}));

/** Wednesday 12 March 2031, 10:17 in Berlin (CET, UTC+1): the early shift runs. */
const NOW = utc('2031-03-12T09:17:00Z');
/** Working time of an 8 h demo shift: 8 h − 15 min − 30 min. */
const WORK_MS = 7 * HOUR + 15 * MINUTE;

const LINE_ID = '00000000-0000-4000-8000-000000000001';
const EQUIPMENT = ['00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000e2'];

/** The demo products as the API lists them, naming line FL1 by LINE_ID. */
const products: Product[] = DEMO_PRODUCTS.map((p, index) => ({
  id: `00000000-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`,
  code: p.code,
  name: p.name,
  idealCycleTimeSeconds: p.idealCycleTimeSeconds,
  cycleTimes: p.lines.FL1
    ? [{ lineId: LINE_ID, equipmentId: null, idealCycleTimeSeconds: p.lines.FL1 }]
    : [],
}));
const fl1 = lineProducts(products, LINE_ID, EQUIPMENT);

let orderCounter = 0;
const order = (
  status: ProductionOrderStatus,
  start: number,
  end: number,
  reference: string | null = null,
): ScheduledOrder => ({
  id: `order-${++orderCounter}`,
  status,
  plannedStart: iso(start),
  plannedEnd: iso(end),
  reference,
});

describe('shiftWindows', () => {
  it('lists the running shift and every shift starting in the next 24 h, with working time', () => {
    const windows = shiftWindows(shifts, NOW);
    expect(
      windows.map((w) => [w.shiftName, w.localDate, iso(w.start), iso(w.end), w.workMs]),
    ).toEqual([
      ['Early', '2031-03-12', '2031-03-12T05:00:00.000Z', '2031-03-12T13:00:00.000Z', WORK_MS],
      ['Late', '2031-03-12', '2031-03-12T13:00:00.000Z', '2031-03-12T21:00:00.000Z', WORK_MS],
      ['Night', '2031-03-12', '2031-03-12T21:00:00.000Z', '2031-03-13T05:00:00.000Z', WORK_MS],
      ['Early', '2031-03-13', '2031-03-13T05:00:00.000Z', '2031-03-13T13:00:00.000Z', WORK_MS],
    ]);
    // Ordinals count the occurrences one by one through the calendar, whatever the shifts' order.
    const ordinals = windows.map((w) => w.ordinal);
    expect(ordinals.slice(1).map((o, i) => o - (ordinals[i] ?? 0))).toEqual([1, 1, 1]);
    expect(shiftWindows([...shifts].reverse(), NOW)).toEqual(windows);
  });

  it('follows the clock change: the spring-forward night shift works 6 h 15 min', () => {
    // Saturday 29 March 2031, 23:30 in Berlin: the night into summer time.
    const [night] = shiftWindows(shifts, utc('2031-03-29T22:30:00Z'));
    expect(night).toMatchObject({
      shiftName: 'Night',
      localDate: '2031-03-29',
      start: utc('2031-03-29T21:00:00Z'),
      end: utc('2031-03-30T04:00:00Z'),
      workMs: 6 * HOUR + 15 * MINUTE,
    });
  });

  it('starts at the next shift when none runs now', () => {
    const early = shifts.filter((s) => s.name === 'Early');
    // 15:00 in Berlin, after the only shift of the day.
    const windows = shiftWindows(early, utc('2031-03-12T14:00:00Z'));
    expect(windows.map((w) => iso(w.start))).toEqual(['2031-03-13T05:00:00.000Z']);
  });
});

describe('plannedQuantity', () => {
  it('is working time ÷ ideal cycle time × 0.85, rounded', () => {
    // 26 100 s ÷ 1.2 s = 21 750 parts; × 0.85 = 18 487.5 → 18 488.
    expect(plannedQuantity(WORK_MS, 1.2)).toBe(18_488);
    // 26 100 s ÷ 50 s = 522; × 0.85 = 443.7 → 444.
    expect(plannedQuantity(WORK_MS, 50)).toBe(444);
    // 22 500 s (spring-forward night) ÷ 1.5 s = 15 000; × 0.85 = 12 750.
    expect(plannedQuantity(6 * HOUR + 15 * MINUTE, 1.5)).toBe(12_750);
    expect(plannedQuantity(0, 1.2)).toBe(0);
    expect(plannedQuantity(WORK_MS, 0)).toBe(0);
  });
});

describe('orderReference', () => {
  it('names line, local date and shift, in at most 64 characters', () => {
    expect(orderReference('FL1', '2031-03-12', 'Early')).toBe('DEMO-FL1-20310312-Early');
    const long = orderReference('FL1', '2031-03-12', 'x'.repeat(100));
    expect(long).toHaveLength(64);
    expect(long.startsWith('DEMO-FL1-20310312-xxx')).toBe(true);
  });
});

describe('lineProducts', () => {
  it("takes the products that name the line, by code, at the line's cycle time", () => {
    expect(fl1.map((p) => [p.code, p.cycleTimeSeconds])).toEqual([
      ['WATER-05', 1.2],
      ['WATER-15', 1.5],
    ]);
  });

  it("uses the slowest equipment time for a product that names only the line's equipment", () => {
    const [first, second] = EQUIPMENT as [string, string];
    const gear: Product = {
      id: 'p-gear',
      code: 'GEAR',
      name: 'Gear',
      idealCycleTimeSeconds: 4,
      cycleTimes: [{ lineId: null, equipmentId: first, idealCycleTimeSeconds: 3 }],
    };
    // The second equipment has no time of its own: the product's default (4 s) applies there.
    expect(lineProducts([gear], LINE_ID, [first, second])).toEqual([
      { id: 'p-gear', code: 'GEAR', cycleTimeSeconds: 4 },
    ]);
    expect(lineProducts([gear], LINE_ID, [second])).toEqual([]);
  });
});

describe('ordersToCreate', () => {
  const windows = shiftWindows(shifts, NOW);

  it('plans one order per shift window, rotating the products, for the whole window', () => {
    const planned = ordersToCreate({ lineCode: 'FL1', windows, products: fl1, orders: [] });
    expect(planned).toHaveLength(4);
    expect(planned.map((o) => [o.reference, o.plannedStart, o.plannedEnd, o.shiftDate])).toEqual(
      windows.map((w) => [
        `DEMO-FL1-${w.localDate.replaceAll('-', '')}-${w.shiftName}`,
        iso(w.start),
        iso(w.end),
        w.localDate,
      ]),
    );
    // Two products alternate: 18 488 of WATER-05 (1.2 s), 14 790 of WATER-15 (26 100 ÷ 1.5 × 0.85).
    const codes = planned.map((o) => o.productCode);
    expect(new Set(codes)).toEqual(new Set(['WATER-05', 'WATER-15']));
    codes.slice(1).forEach((code, i) => expect(code).not.toBe(codes[i]));
    for (const o of planned)
      expect(o.quantity).toBe(o.productCode === 'WATER-05' ? 18_488 : 14_790);
    // The same windows give the same products on every instance and after a restart.
    expect(ordersToCreate({ lineCode: 'FL1', windows, products: fl1, orders: [] })).toEqual(
      planned,
    );
  });

  it('skips windows an order already overlaps, unless that order is cancelled', () => {
    const late = windows[1];
    if (!late) throw new Error('no late shift');
    const manual = order('released', late.start + HOUR, late.start + 2 * HOUR);
    const cancelled = order('cancelled', (windows[0]?.start ?? 0) + HOUR, late.start);
    const planned = ordersToCreate({
      lineCode: 'FL1',
      windows,
      products: fl1,
      orders: [manual, cancelled],
    });
    expect(planned.map((o) => o.reference)).toEqual([
      'DEMO-FL1-20310312-Early',
      'DEMO-FL1-20310312-Night',
      'DEMO-FL1-20310313-Early',
    ]);
  });

  it('creates nothing the second time (idempotent) or without products', () => {
    const planned = ordersToCreate({ lineCode: 'FL1', windows, products: fl1, orders: [] });
    const existing = planned.map((o) =>
      order('planned', Date.parse(o.plannedStart), Date.parse(o.plannedEnd), o.reference),
    );
    expect(ordersToCreate({ lineCode: 'FL1', windows, products: fl1, orders: existing })).toEqual(
      [],
    );
    expect(ordersToCreate({ lineCode: 'FL1', windows, products: [], orders: [] })).toEqual([]);
  });
});

describe('dueTransitions', () => {
  const [early, late, night, nextEarly] = shiftWindows(shifts, NOW);
  if (!early || !late || !night || !nextEarly) throw new Error('missing shift windows');

  it('at the start: releases the next 24 h and starts the order of the running shift', () => {
    const orders = [early, late, night, nextEarly].map((w, i) =>
      order('planned', w.start, w.end, `DEMO-FL1-${i}`),
    );
    const [a, b, c, d] = orders.map((o) => o.id);
    expect(dueTransitions(orders, NOW)).toEqual([
      { orderId: a, step: 'release' },
      { orderId: b, step: 'release' },
      { orderId: c, step: 'release' },
      { orderId: d, step: 'release' },
      { orderId: a, step: 'start' },
    ]);
    // Nothing beyond the horizon is released: 9 h later the next early shift is still too far.
    expect(dueTransitions(orders, NOW, 9 * HOUR).map((s) => s.orderId)).toEqual([a, b, a]);
  });

  it('at the end of a shift: completes the running order and starts the next', () => {
    const done = order('running', early.start, early.end, 'DEMO-FL1-E');
    const next = order('released', late.start, late.end, 'DEMO-FL1-L');
    const later = order('released', night.start, night.end, 'DEMO-FL1-N');
    const at = early.end + 5 * MINUTE;
    expect(dueTransitions([later, next, done], at)).toEqual([
      { orderId: done.id, step: 'complete' },
      { orderId: next.id, step: 'start' },
    ]);
    expect(currentOrder([later, next, done])).toBe(done);
  });

  it('starts nothing while another order still runs, and nothing in a steady state', () => {
    const early1 = order('running', late.start, late.end); // started ahead of its window
    const current = order('released', early.start, early.end);
    expect(dueTransitions([current, early1], NOW)).toEqual([]);
    const running = order('running', early.start, early.end);
    const next = order('released', late.start, late.end);
    expect(dueTransitions([running, next], NOW)).toEqual([]);
  });

  it('leaves orders planned by a person alone, and a running one keeps the line busy', () => {
    const manualRunning = order('running', early.start, early.end, 'PO-4711');
    const manualPlanned = order('planned', late.start, late.end, 'PO-4712');
    const demoNext = order('released', night.start, night.end, 'DEMO-FL1-N');
    // Past its planned end, a person's order is neither completed nor followed by the next one.
    expect(
      dueTransitions([manualRunning, manualPlanned, demoNext], night.start + 5 * MINUTE),
    ).toEqual([]);
    expect(dueTransitions([manualPlanned], NOW)).toEqual([]);
  });

  it("cancels the keeper's own orders whose window passed unstarted, not other orders", () => {
    const missed = order(
      'released',
      early.start - 8 * HOUR,
      early.start,
      'DEMO-FL1-20310311-Night',
    );
    const manual = order('planned', early.start - 8 * HOUR, early.start, 'PO-4711');
    const current = order('released', early.start, early.end, 'DEMO-FL1-20310312-Early');
    expect(dueTransitions([missed, manual, current], NOW)).toEqual([
      {
        orderId: missed.id,
        step: 'cancel',
        cancelReason: 'Its planned window passed without a start (demo schedule)',
      },
      { orderId: current.id, step: 'start' },
    ]);
  });

  it('has no current order when nothing runs', () => {
    expect(currentOrder([order('released', early.start, early.end)])).toBeNull();
  });
});
