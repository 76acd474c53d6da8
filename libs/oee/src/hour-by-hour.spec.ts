import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type HourTargetInput,
  type OrderSegment,
  clockHours,
  hourlyTargets,
} from './hour-by-hour.js';
import { shiftOccurrences } from './shift-calendar.js';
import { wallTimeAt } from './time-zone.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const day = (time: string) => utc(`2030-03-04T${time}:00Z`);
const span = (from: string, to: string) => ({ start: day(from), end: day(to) });

const order = (
  orderId: string,
  from: string,
  to: string,
  idealCycleTimeSeconds: number,
): OrderSegment => ({ ...span(from, to), orderId, idealCycleTimeSeconds });

/** 06:00–14:00 UTC with breaks 09:00 (15 min) and 12:00 (30 min). */
const early = (overrides: Partial<HourTargetInput> = {}): HourTargetInput => ({
  shift: span('06:00', '14:00'),
  timezone: 'UTC',
  breaks: [span('09:00', '09:15'), span('12:00', '12:30')],
  plannedStops: [],
  orders: [order('A', '06:00', '14:00', 30)],
  ...overrides,
});

const pick = <K extends 'target' | 'plannedSeconds' | 'cumulativeTarget'>(
  rows: ReturnType<typeof hourlyTargets>,
  key: K,
) => rows.map((row) => row[key]);

describe('clockHours', () => {
  it('cuts a window at whole clock hours, clipping the first and last', () => {
    const rows = clockHours(span('06:30', '09:10'), 'UTC');
    expect(rows.map((r) => [iso(r.start), iso(r.end)])).toEqual([
      ['2030-03-04T06:30:00.000Z', '2030-03-04T07:00:00.000Z'],
      ['2030-03-04T07:00:00.000Z', '2030-03-04T08:00:00.000Z'],
      ['2030-03-04T08:00:00.000Z', '2030-03-04T09:00:00.000Z'],
      ['2030-03-04T09:00:00.000Z', '2030-03-04T09:10:00.000Z'],
    ]);
  });

  it('uses local clock hours in a zone 5:30 from UTC (India)', () => {
    // 06:00–09:00 IST is 00:30–03:30 UTC: the local hours start at :30 UTC.
    const rows = clockHours(
      { start: utc('2030-03-04T00:30:00Z'), end: utc('2030-03-04T03:30:00Z') },
      'Asia/Kolkata',
    );
    expect(rows.map((r) => iso(r.start))).toEqual([
      '2030-03-04T00:30:00.000Z',
      '2030-03-04T01:30:00.000Z',
      '2030-03-04T02:30:00.000Z',
    ]);
    expect(rows.every((r) => r.end - r.start === HOUR)).toBe(true);
  });

  it('keeps each row one real hour over a DST change', () => {
    // Berlin, night of 2025-10-25/26: 22:00 CEST (20:00 UTC) to 06:00 CET (05:00 UTC) is 9 h.
    const rows = clockHours(
      { start: utc('2025-10-25T20:00:00Z'), end: utc('2025-10-26T05:00:00Z') },
      'Europe/Berlin',
    );
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.end - r.start === HOUR)).toBe(true);
  });

  it('splits the hour Lord Howe turns back by half an hour: no row is longer than an hour', () => {
    // 2024-04-07 02:00 daylight (+11) → 01:30 standard (+10:30), at 15:00 UTC.
    const rows = clockHours(
      { start: utc('2024-04-06T14:00:00Z'), end: utc('2024-04-06T16:30:00Z') },
      'Australia/Lord_Howe',
    );
    expect(rows.map((r) => [r.start, r.end].map((t) => new Date(t).toISOString()))).toEqual([
      ['2024-04-06T14:00:00.000Z', '2024-04-06T15:00:00.000Z'], // 01:00–02:00 daylight
      ['2024-04-06T15:00:00.000Z', '2024-04-06T15:30:00.000Z'], // 01:30–02:00 standard
      ['2024-04-06T15:30:00.000Z', '2024-04-06T16:30:00.000Z'], // 02:00–03:00
    ]);
  });

  it('always tiles the window with rows that end on a local whole hour (property)', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/St_Johns',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: utc('2024-01-01T00:00:00Z'), max: utc('2026-12-31T00:00:00Z') }),
        fc.integer({ min: 1, max: 30 * HOUR }),
        (zone, start, length) => {
          const rows = clockHours({ start, end: start + length }, zone);
          expect(rows[0]?.start).toBe(start);
          expect(rows.at(-1)?.end).toBe(start + length);
          rows.forEach((row, index) => {
            expect(row.end).toBeGreaterThan(row.start);
            expect(row.end - row.start).toBeLessThanOrEqual(HOUR);
            if (index > 0) expect(row.start).toBe(rows[index - 1]?.end);
            // The clock that ran up to the row's end shows a whole hour there (at a change of
            // offset, the clock of before).
            if (index < rows.length - 1) expect((wallTimeAt(row.end - 1, zone) + 1) % HOUR).toBe(0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hourlyTargets', () => {
  it('works out the early shift by hand: breaks cut their hours', () => {
    const rows = hourlyTargets(early());
    // 06–09: 3600 s / 30 s = 120 each; 09–10: (3600 − 900) / 30 = 90;
    // 10–12: 120 each; 12–13: (3600 − 1800) / 30 = 60; 13–14: 120.
    expect(pick(rows, 'target')).toEqual([120, 120, 120, 90, 120, 120, 60, 120]);
    expect(pick(rows, 'plannedSeconds')).toEqual([3600, 3600, 3600, 2700, 3600, 3600, 1800, 3600]);
    expect(pick(rows, 'cumulativeTarget')).toEqual([120, 240, 360, 450, 570, 690, 750, 870]);
    expect(rows[3]?.orders).toEqual([{ orderId: 'A', plannedSeconds: 2700 }]);
    expect(iso(rows[0]!.start)).toBe('2030-03-04T06:00:00.000Z');
    expect(iso(rows[7]!.end)).toBe('2030-03-04T14:00:00.000Z');
  });

  it('carries fractions: an hour gets floor(due at end) − floor(due at start)', () => {
    // 40 s a part, 06:00–09:00 with a 15-minute break at 07:30:
    //   due at 07:00 = 3600 / 40 = 90       → 90
    //   due at 08:00 = 90 + 2700 / 40 = 157.5 → 157 − 90 = 67
    //   due at 09:00 = 157.5 + 90 = 247.5    → 247 − 157 = 90
    const rows = hourlyTargets({
      shift: span('06:00', '09:00'),
      timezone: 'UTC',
      breaks: [span('07:30', '07:45')],
      plannedStops: [],
      orders: [order('A', '06:00', '09:00', 40)],
    });
    expect(pick(rows, 'target')).toEqual([90, 67, 90]);
    expect(rows.map((r) => r.cumulativeDue)).toEqual([90, 157.5, 247.5]);
    expect(pick(rows, 'cumulativeTarget')).toEqual([90, 157, 247]);

    // 7 s a part for 4 h: 514.29, 1028.57, 1542.86, 2057.14 → 514, 514, 514, 515.
    const seven = hourlyTargets({
      shift: span('06:00', '10:00'),
      timezone: 'UTC',
      breaks: [],
      plannedStops: [],
      orders: [order('A', '06:00', '10:00', 7)],
    });
    expect(pick(seven, 'target')).toEqual([514, 514, 514, 515]);
    expect(seven.at(-1)?.cumulativeTarget).toBe(Math.floor((4 * 3600) / 7));
  });

  it('counts only the order window, and a planned stop reduces its hour', () => {
    // 60 s a part, order 07:20–10:40, line stopped (planned) 10:00–10:10:
    //   06–07 none; 07–08 40 min = 40; 08–09 60; 09–10 60 − 15 (break) = 45;
    //   10–11 40 min of order − 10 min stop = 30; later hours none.
    const rows = hourlyTargets(
      early({
        plannedStops: [span('10:00', '10:10')],
        orders: [order('B', '07:20', '10:40', 60)],
      }),
    );
    expect(pick(rows, 'target')).toEqual([0, 40, 60, 45, 30, 0, 0, 0]);
    expect(pick(rows, 'plannedSeconds')).toEqual([0, 2400, 3600, 2700, 1800, 0, 0, 0]);
    expect(rows[0]?.orders).toEqual([]);
    expect(rows[4]?.orders).toEqual([{ orderId: 'B', plannedSeconds: 1800 }]);

    // A planned stop in an order of 30 s a part: 10:30–11:00 takes 60 parts off 10–11.
    const stopped = hourlyTargets(early({ plannedStops: [span('10:30', '11:00')] }));
    expect(pick(stopped, 'target')).toEqual([120, 120, 120, 90, 60, 120, 60, 120]);
  });

  it('splits a break over an hour boundary, and ignores order time outside the shift', () => {
    // Break 09:50–10:10, order 05:00–15:00 at 30 s: 09–10 and 10–11 lose 600 s each → 100.
    const rows = hourlyTargets(
      early({ breaks: [span('09:50', '10:10')], orders: [order('A', '05:00', '15:00', 30)] }),
    );
    expect(pick(rows, 'target')).toEqual([120, 120, 120, 100, 100, 120, 120, 120]);
    expect(rows).toHaveLength(8);
  });

  it('counts overlapping order windows once, for the order listed first', () => {
    // A (30 s) 06:00–10:00 runs on into B's (60 s) slot 09:00–12:00: 09–10 is A's.
    const rows = hourlyTargets(
      early({
        breaks: [],
        orders: [order('A', '06:00', '10:00', 30), order('B', '09:00', '12:00', 60)],
      }),
    );
    expect(pick(rows, 'target')).toEqual([120, 120, 120, 120, 60, 60, 0, 0]);
    expect(rows[3]?.orders.map((o) => o.orderId)).toEqual(['A']);
    expect(rows[4]?.orders.map((o) => o.orderId)).toEqual(['B']);
  });

  it('takes a rate in parts per second (parallel machines summed) without losing a part to rounding', () => {
    // 1/30 + 1/60 = 0.05 parts/s → 180 an hour; 1/30 alone → exactly 120 (3600 × 1/30 is 119.999…).
    const both = hourlyTargets(
      early({
        breaks: [],
        orders: [{ ...span('06:00', '14:00'), orderId: 'P', partsPerSecond: 1 / 30 + 1 / 60 }],
      }),
    );
    expect(pick(both, 'target')).toEqual(Array(8).fill(180));
    const one = hourlyTargets(
      early({
        breaks: [],
        orders: [{ ...span('06:00', '14:00'), orderId: 'P', partsPerSecond: 1 / 30 }],
      }),
    );
    expect(pick(one, 'target')).toEqual(Array(8).fill(120));
  });

  it('gives a shift starting at :30 a first half hour', () => {
    const rows = hourlyTargets({
      shift: span('06:30', '09:30'),
      timezone: 'UTC',
      breaks: [],
      plannedStops: [],
      orders: [order('A', '06:30', '09:30', 30)],
    });
    expect(rows.map((r) => iso(r.start).slice(11, 16))).toEqual([
      '06:30',
      '07:00',
      '08:00',
      '09:00',
    ]);
    // 1800 / 30 = 60, then 120, 120, and 60 in the last half hour.
    expect(pick(rows, 'target')).toEqual([60, 120, 120, 60]);
  });

  it('works from the shift calendar in a +05:30 zone, with its break', () => {
    // Early shift 06:00–14:00 IST (00:30–08:30 UTC), break 10:00 IST (04:30 UTC) for 20 min.
    const [occurrence] = shiftOccurrences(
      {
        startTime: '06:00',
        endTime: '14:00',
        timezone: 'Asia/Kolkata',
        breaks: [{ startTime: '10:00', durationMinutes: 20 }],
      },
      utc('2030-03-04T00:00:00Z'),
      utc('2030-03-04T06:00:00Z'),
    );
    expect(occurrence?.localDate).toBe('2030-03-04');
    const rows = hourlyTargets({
      shift: occurrence!,
      timezone: 'Asia/Kolkata',
      breaks: occurrence!.breaks,
      plannedStops: [],
      orders: [{ ...occurrence!, orderId: 'A', idealCycleTimeSeconds: 60 }],
    });
    expect(rows.map((r) => iso(r.start).slice(11, 16))).toEqual([
      '00:30',
      '01:30',
      '02:30',
      '03:30',
      '04:30',
      '05:30',
      '06:30',
      '07:30',
    ]);
    // 60 an hour, and 10:00–11:00 IST loses 20 min → 40.
    expect(pick(rows, 'target')).toEqual([60, 60, 60, 60, 40, 60, 60, 60]);
  });

  it('gives a 9-hour fall-back night 9 rows of one real hour each', () => {
    const [night] = shiftOccurrences(
      {
        startTime: '22:00',
        endTime: '06:00',
        timezone: 'Europe/Berlin',
        breaks: [{ startTime: '02:00', durationMinutes: 30 }],
      },
      utc('2025-10-25T12:00:00Z'),
      utc('2025-10-25T23:00:00Z'),
    );
    const rows = hourlyTargets({
      shift: night!,
      timezone: 'Europe/Berlin',
      breaks: night!.breaks,
      plannedStops: [],
      orders: [{ ...night!, orderId: 'N', idealCycleTimeSeconds: 36 }],
    });
    // 100 parts an hour; the break at the first 02:00 (CEST, 00:00 UTC) halves that hour.
    expect(rows).toHaveLength(9);
    expect(pick(rows, 'target')).toEqual([100, 100, 100, 100, 50, 100, 100, 100, 100]);
    expect(iso(rows[4]!.start)).toBe('2025-10-26T00:00:00.000Z');
  });

  it('plans nothing without orders, and rejects nonsense', () => {
    const rows = hourlyTargets(early({ orders: [] }));
    expect(pick(rows, 'target')).toEqual(Array(8).fill(0));
    expect(pick(rows, 'plannedSeconds')).toEqual(Array(8).fill(0));
    expect(() => hourlyTargets(early({ shift: span('08:00', '08:00') }))).toThrow(RangeError);
    expect(() => hourlyTargets(early({ orders: [order('A', '06:00', '07:00', 0)] }))).toThrow(
      RangeError,
    );
    expect(() =>
      hourlyTargets(
        early({ orders: [{ ...span('06:00', '07:00'), orderId: 'A', partsPerSecond: -1 }] }),
      ),
    ).toThrow(RangeError);
    expect(() => hourlyTargets(early({ timezone: 'Mars/Olympus' }))).toThrow(RangeError);
    const both = {
      ...span('06:00', '07:00'),
      orderId: 'A',
      idealCycleTimeSeconds: 30,
      partsPerSecond: 1,
    };
    expect(() => hourlyTargets(early({ orders: [both] }))).toThrow(/either/);
    expect(() =>
      hourlyTargets(early({ orders: [{ ...span('06:00', '07:00'), orderId: 'A' }] })),
    ).toThrow(/either/);
  });

  it('makes the hours add up to the whole shift (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 7 * 60 }),
        fc.integer({ min: 0, max: 59 }),
        (cycleTenths, breakStartMinute, breakMinutes) => {
          const start = day('06:00');
          const breakStart = start + breakStartMinute * MINUTE;
          const rows = hourlyTargets(
            early({
              breaks: [{ start: breakStart, end: breakStart + breakMinutes * MINUTE }],
              orders: [order('A', '06:00', '14:00', cycleTenths / 10)],
            }),
          );
          const seconds = 8 * 3600 - breakMinutes * 60;
          const sum = rows.reduce((s, r) => s + r.target, 0);
          expect(rows.reduce((s, r) => s + r.plannedSeconds, 0)).toBeCloseTo(seconds, 6);
          expect(sum).toBe(rows.at(-1)?.cumulativeTarget);
          expect(Math.abs(sum - (seconds * 10) / cycleTenths)).toBeLessThan(1);
          expect(rows.every((r) => r.target >= 0)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
