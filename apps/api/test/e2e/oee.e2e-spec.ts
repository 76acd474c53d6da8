import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, MachineEventInput, OeeReport, Overview } from '@ms5/contracts';
import { OeeRollupService } from '../../src/domains/oee/oee-rollup.service.js';
import { get, send } from '../support/api.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import {
  createDowntimeReason,
  createEquipment,
  createLine,
  createPlannedStop,
  createShift,
} from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

const DAY = '2026-11-02';
const at = (time: string) => `${DAY}T${time}Z`;

/**
 * One early shift, 06:00–14:00 UTC, breaks 09:00 and 12:00 (15 min each), ideal cycle 30 s,
 * micro-stop threshold 120 s.
 *
 *   planned operation  8 h                     = 28,800 s
 *   planned downtime   2 × 15 min              =  1,800 s
 *   planned busy time  28,800 − 1,800          = 27,000 s
 *   breakdown 07:00–07:40                      =  2,400 s  (down time)
 *   five 1-min idles 08:00, 08:10 … 08:40      =    300 s  (micro-stops, < 120 s)
 *   changeover 10:00–10:20                     =  1,200 s  (setup)
 *   run time 27,000 − 2,400 − 300 − 1,200      = 23,100 s
 *   counts 4 × (180 good + 5 reject)           = 720 good, 20 reject, 740 produced
 *
 *   availability = 23,100 / 27,000             = 0.8556
 *   performance  = 740 × 30 / 23,100 = 22,200 / 23,100 = 0.9610
 *   quality      = 720 / 740                   = 0.9730
 *   OEE          = 720 × 30 / 27,000           = 0.8000
 */
function shiftEvents(equipmentId: string): MachineEventInput[] {
  const state = (
    id: string,
    time: string,
    s: 'running' | 'stopped' | 'idle' | 'changeover',
    reasonCode?: string,
  ): MachineEventInput => ({
    eventId: `${equipmentId}-${id}`,
    equipmentId,
    ts: at(time),
    type: 'state',
    state: s,
    ...(reasonCode ? { reasonCode } : {}),
  });
  const count = (id: string, time: string): MachineEventInput => ({
    eventId: `${equipmentId}-${id}`,
    equipmentId,
    ts: at(time),
    type: 'count',
    good: 180,
    reject: 5,
  });
  const events = [
    state('s0', '06:00:00', 'running'),
    state('s1', '07:00:00', 'stopped', 'JAM'),
    state('s2', '07:40:00', 'running'),
    ...[0, 10, 20, 30, 40].flatMap((m) => [
      state(`i${m}`, `08:${String(m).padStart(2, '0')}:00`, 'idle'),
      state(`r${m}`, `08:${String(m + 1).padStart(2, '0')}:00`, 'running'),
    ]),
    state('c0', '10:00:00', 'changeover'),
    state('c1', '10:20:00', 'running'),
    state('end', '14:00:00', 'stopped', 'NO_ORDER'),
    count('n1', '07:59:00'),
    count('n2', '09:59:00'),
    count('n3', '11:59:00'),
    count('n4', '13:59:00'),
  ];
  // Out of order (a fixed shuffle), with duplicates.
  return [
    ...events.filter((_, i) => i % 2 === 1).reverse(),
    ...events.filter((_, i) => i % 2 === 0),
    events[3]!,
    events[7]!,
  ];
}

describe('OEE over HTTP from ingested events', () => {
  let t: TestApp;
  let engineer: AuthTokens;
  let lineId: string;
  let pressId: string;
  let packerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    engineer = await t.userWithRole('engineer');
    lineId = (await createLine(t, engineer, { code: 'OEE', name: 'OEE line' })).id;
    const make = async (code: string) =>
      (await createEquipment(t, engineer, { code, name: code, lineId, idealCycleTimeSeconds: 30 }))
        .id;
    pressId = await make('OEE-PRESS');
    packerId = await make('OEE-PACK');
    await createShift(t, engineer, {
      lineId,
      name: 'Early',
      startTime: '06:00',
      endTime: '14:00',
      timezone: 'UTC',
      breaks: [
        { startTime: '09:00', durationMinutes: 15 },
        { startTime: '12:00', durationMinutes: 15 },
      ],
    });

    const events = shiftEvents(pressId);
    await ingestEvents(t, engineer, events.slice(0, 12));
    const second = await ingestEvents(t, engineer, events.slice(8));
    expect(second.duplicates).toBeGreaterThan(0);

    // The packer runs the whole shift and makes 800 good parts: A = 1, P = 24,000 / 27,000, Q = 1.
    await ingestEvents(t, engineer, [
      {
        eventId: 'pack-run',
        equipmentId: packerId,
        ts: at('05:00:00'),
        type: 'state',
        state: 'running',
      },
      {
        eventId: 'pack-stop',
        equipmentId: packerId,
        ts: at('14:00:00'),
        type: 'state',
        state: 'stopped',
      },
      {
        eventId: 'pack-n1',
        equipmentId: packerId,
        ts: at('10:30:00'),
        type: 'count',
        good: 400,
        reject: 0,
      },
      {
        eventId: 'pack-n2',
        equipmentId: packerId,
        ts: at('13:30:00'),
        type: 'count',
        good: 400,
        reject: 0,
      },
    ]);
  });
  afterAll(() => t.close());

  const oee = (query: string): Promise<OeeReport> =>
    get<OeeReport>(t, engineer, `/api/oee?${query}`);

  function expectPress(report: OeeReport) {
    expect(report.availability).toBeCloseTo(0.8556, 4);
    expect(report.performance).toBeCloseTo(0.961, 4);
    expect(report.quality).toBeCloseTo(0.973, 4);
    expect(report.oee).toBeCloseTo(0.8, 4);
    expect(report).toMatchObject({
      plannedProductionSeconds: 27000,
      runSeconds: 23100,
      totalCount: 740,
      goodCount: 720,
      rejectCount: 20,
    });
    expect(report.times).toMatchObject({
      downSeconds: 2400,
      minorStopSeconds: 300,
      setupSeconds: 1200,
      plannedDowntimeSeconds: 1800,
    });
    const f = report.losses.fractions;
    const sum =
      (f.breakdowns ?? 0) +
      (f.setupAndAdjustments ?? 0) +
      (f.minorStops ?? 0) +
      (f.reducedSpeed ?? 0) +
      (f.rejectsAndRework ?? 0) +
      (f.fullyProductive ?? 0);
    expect(sum).toBeCloseTo(1, 9);
    expect(report.explanation.availability).toContain('23100 s');
  }

  it('computes the shift from raw events, out of order and with duplicates', async () => {
    expectPress(await oee(`equipmentId=${pressId}&from=${at('06:00:00')}&to=${at('14:00:00')}`));
  });

  it('gives the same figures from the hourly roll-ups, for the shift and the whole day', async () => {
    expect(await t.app.get(OeeRollupService).processQueue()).toBe(2);
    expectPress(await oee(`equipmentId=${pressId}&from=${at('06:00:00')}&to=${at('14:00:00')}`));
    expectPress(await oee(`equipmentId=${pressId}&from=${DAY}T00:00:00Z&to=2026-11-03T00:00:00Z`));
    // A window that cuts hours: 06:30–13:30 is computed partly live, partly from roll-ups.
    const cut = await oee(`equipmentId=${pressId}&from=${at('06:30:00')}&to=${at('13:30:00')}`);
    expect(cut.plannedProductionSeconds).toBe(27000 - 3600);
  });

  it('rolls the line up time-weighted (sums, never averages of percentages)', async () => {
    const line = await oee(`lineId=${lineId}&from=${at('06:00:00')}&to=${at('14:00:00')}`);
    // PBT 54,000; run 23,100 + 27,000 = 50,100; ideal 22,200 + 24,000 = 46,200; good 1,520 of 1,540.
    expect(line.availability).toBeCloseTo(50100 / 54000, 6);
    expect(line.performance).toBeCloseTo(46200 / 50100, 6); // 0.922156, not the mean 0.924964
    expect(line.quality).toBeCloseTo(1520 / 1540, 6);
    expect(line.oee).toBeCloseTo((1520 * 30) / 54000, 6);
  });

  it('answers series by hour and by shift', async () => {
    const hourly = await send(
      t,
      engineer,
      'get',
      `/api/oee/series?equipmentId=${pressId}&from=${at('06:00:00')}&to=${at('14:00:00')}&bucket=hour`,
    ).expect(200);
    expect(hourly.body.points).toHaveLength(8);
    expect(hourly.body.points[1]).toMatchObject({
      label: at('07:00:00').replace('Z', '.000Z'),
      runSeconds: 1200,
    }); // 07:40–08:00
    const byShift = await send(
      t,
      engineer,
      'get',
      `/api/oee/series?lineId=${lineId}&from=${DAY}T00:00:00Z&to=2026-11-03T00:00:00Z&bucket=shift`,
    ).expect(200);
    expect(byShift.body.points).toHaveLength(1);
    expect(byShift.body.points[0].oee).toBeCloseTo((1520 * 30) / 54000, 6);
  });

  describe('downtime', () => {
    beforeAll(async () => {
      for (const [code, lossClass] of [
        ['JAM', 'availability'],
        ['NO_ORDER', 'availability'],
        ['CLEANING', 'availability'],
      ] as const) {
        await createDowntimeReason(t, engineer, {
          code,
          name: code.toLowerCase(),
          category: 'Machine',
          lossClass,
        });
      }
    });

    it('lists stops with their class and reason, newest first', async () => {
      const list = await send(
        t,
        engineer,
        'get',
        `/api/downtime?equipmentId=${pressId}&from=${at('06:00:00')}&to=${at('14:00:00')}`,
      ).expect(200);
      expect(list.body.total).toBe(6); // the breakdown and five micro-stops (the 14:00 stop starts at `to`)
      const breakdown = (list.body.items as Array<Record<string, unknown>>).find(
        (stop) => stop.reasonCode === 'JAM',
      );
      expect(breakdown).toMatchObject({
        startedAt: '2026-11-02T07:00:00.000Z',
        endedAt: '2026-11-02T07:40:00.000Z',
        durationSeconds: 2400,
        microStop: false,
        reasonSource: 'machine',
        reasonName: 'jam',
      });
      expect(
        (list.body.items as Array<{ microStop: boolean }>).filter((stop) => stop.microStop),
      ).toHaveLength(5);
    });

    it('queues stops without a reason, and an operator assigns and corrects one, audited', async () => {
      const queue = (): Promise<{ items: unknown[] }> =>
        get<{ items: unknown[] }>(
          t,
          engineer,
          `/api/downtime?lineId=${lineId}&from=${at('12:00:00')}&to=2026-11-03T00:00:00Z&unassigned=true`,
        );
      const before = await queue();
      expect(before.items).toEqual([
        expect.objectContaining({
          equipmentId: packerId,
          startedAt: '2026-11-02T14:00:00.000Z',
          reasonCode: null,
        }),
      ]);

      const operator = await t.userWithRole('operator');
      const assigned = await send(t, operator, 'put', '/api/downtime/reason', {
        equipmentId: packerId,
        startedAt: at('14:00:00'),
        reasonCode: 'CLEANING',
      }).expect(200);
      expect(assigned.body).toMatchObject({
        reasonCode: 'CLEANING',
        reasonSource: 'operator',
        assignedBy: operator.user.username,
      });
      await send(t, operator, 'put', '/api/downtime/reason', {
        equipmentId: packerId,
        startedAt: at('14:00:00'),
        reasonCode: 'NO_ORDER',
        comment: 'No order planned',
      }).expect(200);
      expect((await queue()).items).toEqual([]);

      const admin = await t.adminTokens();
      const log = await send(t, admin, 'get', `/api/audit-log?entityType=downtime`).expect(200);
      expect(log.body.items[0]).toMatchObject({
        action: 'downtime.reason-corrected',
        actorUsername: operator.user.username,
        before: { reasonCode: 'CLEANING', comment: null },
        after: { reasonCode: 'NO_ORDER', comment: 'No order planned' },
      });
    });

    it('refuses an unknown reason or a time where no stop starts, naming the fields', async () => {
      const bad = await send(t, engineer, 'put', '/api/downtime/reason', {
        equipmentId: pressId,
        startedAt: at('07:05:00'),
        reasonCode: 'NOPE',
      }).expect(400);
      expect((bad.body.fieldErrors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual([
        'reasonCode',
        'startedAt',
      ]);
      const viewer = await t.userWithRole('viewer');
      await send(t, viewer, 'put', '/api/downtime/reason', {
        equipmentId: pressId,
        startedAt: at('07:00:00'),
        reasonCode: 'JAM',
      }).expect(403);
    });

    it('gives the Pareto of lost planned time, matching the OEE losses', async () => {
      const pareto = await send(
        t,
        engineer,
        'get',
        `/api/downtime/pareto?equipmentId=${pressId}&from=${at('06:00:00')}&to=${at('14:00:00')}`,
      ).expect(200);
      // breakdown 2,400 s + changeover 1,200 s + micro-stops 300 s = 3,900 s
      expect(pareto.body.totalSeconds).toBe(3900);
      expect(pareto.body.items).toEqual([
        {
          reasonCode: 'JAM',
          reasonName: 'jam',
          category: 'Machine',
          seconds: 2400,
          stops: 1,
          share: 2400 / 3900,
          cumulativeShare: 2400 / 3900,
        },
        {
          reasonCode: null,
          reasonName: 'Changeover (setup)',
          category: null,
          seconds: 1200,
          stops: 1,
          share: 1200 / 3900,
          cumulativeShare: 3600 / 3900,
        },
        {
          reasonCode: null,
          reasonName: 'Micro-stops',
          category: null,
          seconds: 300,
          stops: 5,
          share: 300 / 3900,
          cumulativeShare: 1,
        },
      ]);
    });

    it('computes MTBF and MTTR from real stops', async () => {
      const report = await send(
        t,
        engineer,
        'get',
        `/api/downtime/reliability?lineId=${lineId}&from=${at('06:00:00')}&to=${at('14:00:00')}`,
      ).expect(200);
      const press = (report.body.items as Array<Record<string, unknown>>).find(
        (item) => item.equipmentId === pressId,
      );
      // one failure (the 40-min jam): MTBF = 23,100 s run / 1, MTTR = 2,400 s / 1
      expect(press).toMatchObject({ failures: 1, mtbfSeconds: 23100, mttrSeconds: 2400 });
      const packer = (report.body.items as Array<Record<string, unknown>>).find(
        (item) => item.equipmentId === packerId,
      );
      expect(packer).toMatchObject({ failures: 0, mtbfSeconds: null, mttrSeconds: null });
    });
  });

  it('shows the plant overview: live state with its reason, and current-shift OEE', async () => {
    const overview = await send(t, engineer, 'get', '/api/overview').expect(200);
    const line = (overview.body as Overview).lines.find((l) => l.id === lineId);
    expect(line?.window.label).toBe('Early');
    const press = line?.equipment.find((e) => e.id === pressId);
    // Stopped since 14:00 on 2 November (reason NO_ORDER from the machine): every planned second since is lost.
    expect(press).toMatchObject({
      state: 'stopped',
      stateSince: '2026-11-02T14:00:00.000Z',
      reasonCode: 'NO_ORDER',
    });
    expect(press?.oee.plannedProductionSeconds).toBeGreaterThan(0);
    expect(press?.oee.availability).toBe(0);
    expect(line?.oee.availability).toBe(0);
  });

  it('reports every line and the plant over a window, and the roll-up status', async () => {
    const report = await send(
      t,
      engineer,
      'get',
      `/api/oee/lines?from=${at('06:00:00')}&to=${at('14:00:00')}`,
    ).expect(200);
    expect(report.body.lines).toHaveLength(1);
    expect(report.body.lines[0]).toMatchObject({ lineCode: 'OEE', lineId });
    expect(report.body.lines[0].oee).toBeCloseTo((1520 * 30) / 54000, 6);
    expect(report.body.plant.oee).toBeCloseTo((1520 * 30) / 54000, 6);
    const status = await send(t, engineer, 'get', '/api/oee/rollups/status').expect(200);
    expect(status.body).toMatchObject({ queuedEquipment: 0, storedHours: expect.any(Number) });
    // Whole hours from the first event (less the 120 s threshold) to the hour of the last one:
    // press 05:00–15:00 (10 h), packer 04:00–15:00 (11 h). Later hours, where the last state
    // holds, are computed live.
    expect(status.body.storedHours).toBe(21);
  });

  it('names bad query fields', async () => {
    const bad = await send(
      t,
      engineer,
      'get',
      `/api/oee?equipmentId=${pressId}&from=yesterday&to=${at('14:00:00')}`,
    ).expect(400);
    expect((bad.body.fieldErrors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual([
      'from',
    ]);
    const neither = await send(
      t,
      engineer,
      'get',
      `/api/oee?from=${at('06:00:00')}&to=${at('14:00:00')}`,
    ).expect(400);
    expect(neither.body.fieldErrors).toEqual([
      { path: 'equipmentId', message: 'Give either equipmentId or lineId' },
    ]);
  });

  it('recomputes the roll-ups when planned time changes: a planned stop, a shift', async () => {
    const rollups = t.app.get(OeeRollupService);
    const status = () => get<{ queuedEquipment: number }>(t, engineer, '/api/oee/rollups/status');
    const shiftWindow = `equipmentId=${pressId}&from=${at('06:00:00')}&to=${at('14:00:00')}`;

    // Planned maintenance 11:00–11:30, entered afterwards: 1,800 s leave planned busy time.
    const stop = await createPlannedStop(t, engineer, {
      lineId,
      startsAt: at('11:00:00'),
      endsAt: at('11:30:00'),
      reason: 'Planned maintenance',
    });
    expect((await status()).queuedEquipment).toBe(2);
    expect(await rollups.processQueue()).toBe(2);
    const withStop = await oee(shiftWindow);
    expect(withStop).toMatchObject({
      plannedProductionSeconds: 27000 - 1800,
      runSeconds: 23100 - 1800,
    });

    await send(t, engineer, 'delete', `/api/planned-stops/${stop.id}`).expect(204);
    expect(await rollups.processQueue()).toBe(2);
    expectPress(await oee(shiftWindow));

    // A changed shift calendar queues the line from its first event.
    const [shift] = (await send(t, engineer, 'get', `/api/shifts?lineId=${lineId}`).expect(200))
      .body.items as Array<{ id: string }>;
    await send(t, engineer, 'patch', `/api/shifts/${shift!.id}`, { name: 'Early shift' }).expect(
      200,
    );
    expect((await status()).queuedEquipment).toBe(2);
    expect(await rollups.processQueue()).toBe(2);
    expectPress(await oee(shiftWindow));
  });
});
