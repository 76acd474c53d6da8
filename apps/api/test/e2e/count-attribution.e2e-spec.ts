import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuthTokens,
  HourByHour,
  Line,
  MachineEventInput,
  OeeReport,
  OeeSeriesReport,
  Shift,
} from '@ms5/contracts';
import fc from 'fast-check';
import { OeeRollupService } from '../../src/domains/oee/oee-rollup.service.js';
import { get } from '../support/api.js';
import { clockSetter } from '../support/clock.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import { createEquipment, createLine, createShift } from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { usersWithRoles } from '../support/user-factory.js';

const DAY = '2026-11-09';
const at = (time: string) => `${DAY}T${time}:00.000Z`;
const HOUR_MS = 3_600_000;

/**
 * A count event is the parts made since the previous one: wherever the report lands, its parts
 * count where they were made. Checked through the routes: live OEE, OEE from the hourly roll-ups,
 * the hourly series and the hour-by-hour board.
 */
describe('count attribution over HTTP', () => {
  let t: TestApp;
  let engineer: AuthTokens;
  let viewer: AuthTokens;
  let line: Line;
  let shift: Shift;
  let setNow: (iso: string) => void;

  const oee = (equipmentId: string, from: string, to: string) =>
    get<OeeReport>(t, viewer, `/api/oee?equipmentId=${equipmentId}&from=${from}&to=${to}`);
  const rollUp = () => t.app.get(OeeRollupService).processQueue();

  beforeAll(async () => {
    t = await createTestApp();
    [engineer, viewer] = await usersWithRoles(t, 'engineer', 'viewer');
    setNow = clockSetter(t.app);
    line = await createLine(t, engineer, { code: 'ATTR', name: 'Attribution' });
    shift = await createShift(t, engineer, {
      lineId: line.id,
      name: 'Early',
      startTime: '06:00',
      endTime: '14:00',
      breaks: [
        { startTime: '09:00', durationMinutes: 15 },
        { startTime: '12:00', durationMinutes: 15 },
      ],
    });
  });
  afterAll(() => t.close());

  /*
   * 06:00–14:00 UTC, breaks 09:00–09:15 and 12:00–12:15; the machine stops for each break.
   * Ideal cycle 4 s; it makes 800 parts in a running hour, 600 in an hour with a break. The
   * counter reports on the hour, from a 0 at 06:00: the 09:00 and 12:00 reports land at the
   * start of a break, and hold the 800 parts of the hour before.
   *   PBT = 27,000 s = run time; produced 6,000; ideal 24,000 s
   *   A = 1, P = 24,000 / 27,000 = 0.888889, Q = 1, OEE = 0.888889
   * (Counting a report only when its instant lies in planned busy time lost both break reports:
   * 4,400 parts, OEE 0.651852.)
   */
  it('gives back every part of a counter whose reports land at the start of breaks', async () => {
    const press = await createEquipment(t, engineer, {
      code: 'ATTR-PRESS',
      name: 'Press',
      lineId: line.id,
      idealCycleTimeSeconds: 4,
    });
    const state = (time: string, s: 'running' | 'stopped'): MachineEventInput => ({
      eventId: `s-${time}`,
      equipmentId: press.id,
      ts: at(time),
      type: 'state',
      state: s,
    });
    const reports: Array<[string, number]> = [
      ['06:00', 0],
      ['07:00', 800],
      ['08:00', 800],
      ['09:00', 800],
      ['10:00', 600],
      ['11:00', 800],
      ['12:00', 800],
      ['13:00', 600],
      ['14:00', 800],
    ];
    await ingestEvents(t, engineer, [
      state('06:00', 'running'),
      state('09:00', 'stopped'),
      state('09:15', 'running'),
      state('12:00', 'stopped'),
      state('12:15', 'running'),
      state('14:00', 'stopped'),
      ...reports.map(([time, good]): MachineEventInput => ({
        eventId: `n-${time}`,
        equipmentId: press.id,
        ts: at(time),
        type: 'count',
        good,
        reject: 0,
      })),
    ]);

    const expectWholeShift = (report: OeeReport) => {
      expect(report).toMatchObject({
        totalCount: 6_000,
        goodCount: 6_000,
        plannedProductionSeconds: 27_000,
        runSeconds: 27_000,
        availability: 1,
        quality: 1,
      });
      expect(report.performance).toBeCloseTo(0.888889, 6);
      expect(report.oee).toBeCloseTo(0.888889, 6);
      expect(report.flags.countsOutsidePlannedTime).toBe(0);
    };
    // Live from raw events, then from the hourly roll-ups.
    expectWholeShift(await oee(press.id, at('06:00'), at('14:00')));
    expect(await rollUp()).toBeGreaterThanOrEqual(1);
    expectWholeShift(await oee(press.id, at('06:00'), at('14:00')));

    const series = await get<OeeSeriesReport>(
      t,
      viewer,
      `/api/oee/series?equipmentId=${press.id}&from=${at('06:00')}&to=${at('14:00')}&bucket=hour`,
    );
    expect(series.points.map((p) => p.totalCount)).toEqual([
      800, 800, 800, 600, 800, 800, 600, 800,
    ]);

    setNow(`${DAY}T15:00:00.000Z`);
    const board = await get<HourByHour>(
      t,
      viewer,
      `/api/lines/${line.id}/hour-by-hour?shiftId=${shift.id}&date=${DAY}`,
    );
    expect(board.hours.map((h) => h.actualGood)).toEqual([800, 800, 800, 600, 800, 800, 600, 800]);
  });

  /*
   * Random streams of state and count events for one machine over a day, ingested in shuffled
   * batches and rolled up, then one more report (rolled up again: the hours back to the previous
   * report are recomputed); each time, any cut of the day into windows counts exactly the parts reported
   * (the first report of the day sits at its instant; every later one is spread back to the
   * previous one, so all of them fall inside the day).
   */
  it('conserves parts over any windows, live and from the roll-ups (property)', async () => {
    setNow(new Date().toISOString());
    const minute = fc.integer({ min: 0, max: 24 * 60 - 1 });
    const stream = fc.record({
      states: fc.array(
        fc.record({
          minute,
          state: fc.constantFrom('running', 'running', 'stopped', 'idle', 'changeover'),
        }),
        { minLength: 1, maxLength: 25 },
      ),
      counts: fc.array(
        fc.record({
          minute,
          good: fc.integer({ min: 0, max: 500 }),
          reject: fc.integer({ min: 0, max: 20 }),
        }),
        { minLength: 1, maxLength: 25 },
      ),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 24 * 60 - 1 }), { maxLength: 6 }),
      batches: fc.integer({ min: 1, max: 4 }),
      // One more report after the first roll-up: its parts reach back to the previous report.
      late: fc.record({ minute, good: fc.integer({ min: 1, max: 500 }) }),
    });
    const dayStart = Date.parse(`${DAY}T00:00:00.000Z`);
    const iso = (m: number) => new Date(dayStart + m * 60_000).toISOString();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(stream, async ({ states, counts, cuts, batches, late }) => {
        run += 1;
        const machine = await createEquipment(t, engineer, {
          code: `ATTR-P${run}`,
          name: `Random ${run}`,
          lineId: line.id,
          idealCycleTimeSeconds: 3,
        });
        const events: MachineEventInput[] = [
          ...states.map((s, k): MachineEventInput => ({
            eventId: `r${run}-s${k}`,
            equipmentId: machine.id,
            ts: iso(s.minute),
            type: 'state',
            state: s.state,
          })),
          ...counts.map((c, k): MachineEventInput => ({
            eventId: `r${run}-c${k}`,
            equipmentId: machine.id,
            ts: iso(c.minute),
            type: 'count',
            good: c.good,
            reject: c.reject,
          })),
        ];
        // A fixed shuffle into batches, so late events (older than stored ones) are common.
        for (let b = 0; b < batches; b++) {
          const batch = events.filter((_, k) => k % batches === b).reverse();
          if (batch.length > 0) await ingestEvents(t, engineer, batch);
        }
        let reported = counts.reduce((sum, c) => sum + c.good + c.reject, 0);
        const edges = [0, ...[...cuts].sort((a, b) => a - b), 24 * 60];
        const windowTotals = async () => {
          let sum = 0;
          for (let k = 1; k < edges.length; k++) {
            const report = await oee(machine.id, iso(edges[k - 1]!), iso(edges[k]!));
            expect(Number.isInteger(report.totalCount)).toBe(true);
            sum += report.totalCount;
          }
          return sum;
        };
        expect(await windowTotals()).toBe(reported);
        await rollUp();
        expect(await windowTotals()).toBe(reported);
        await ingestEvents(t, engineer, [
          {
            eventId: `r${run}-late`,
            equipmentId: machine.id,
            ts: iso(late.minute),
            type: 'count',
            good: late.good,
            reject: 0,
          },
        ]);
        reported += late.good;
        await rollUp();
        expect(await windowTotals()).toBe(reported);
        const hourly = await get<OeeSeriesReport>(
          t,
          viewer,
          `/api/oee/series?equipmentId=${machine.id}&from=${iso(0)}&to=${new Date(dayStart + 24 * HOUR_MS).toISOString()}&bucket=hour`,
        );
        expect(hourly.points.reduce((sum, p) => sum + p.totalCount, 0)).toBe(reported);
      }),
      { numRuns: 8, seed: 20261207, endOnFailure: true },
    );
  });
});
