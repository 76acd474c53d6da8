import { describe, expect, it } from 'vitest';
import { type OeeInput, computeOee, computeTotals } from './compute-oee.js';
import { type CountEvent, linkCounts } from './count-attribution.js';
import { type OeeResult } from './roll-up.js';
import { type ShiftPattern, plannedTimeFromShifts } from './shift-calendar.js';
import { type MachineState, type StateEvent, buildStateTimeline } from './state-timeline.js';

const at = (time: string, date = '2025-06-02'): number => Date.parse(`${date}T${time}:00Z`);
let seq = 0;
const state = (time: string, s: MachineState, date?: string): StateEvent => ({
  eventId: `s${++seq}`,
  ts: at(time, date),
  state: s,
});
const count = (
  time: string,
  good: number,
  reject: number,
  idealCycleTimeSeconds: number,
  rework?: number,
): CountEvent => ({
  eventId: `c${++seq}`,
  ts: at(time),
  good,
  reject,
  idealCycleTimeSeconds,
  ...(rework === undefined ? {} : { rework }),
});

/** Sum of the six big losses and fully productive time must be PBT. */
function expectLossesAddUp(result: OeeResult): void {
  const l = result.losses.seconds;
  const sum =
    l.breakdowns +
    l.setupAndAdjustments +
    l.minorStops +
    l.reducedSpeed +
    l.rejectsAndRework +
    l.unaccounted;
  expect(sum + result.times.fullyProductiveSeconds).toBeCloseTo(result.times.plannedBusySeconds, 6);
  expect(l.unaccounted).toBe(0);
}

/*
 * The day shift used by examples 1 and 2: 06:00–14:00 UTC, breaks 09:00–09:15 and 12:00–12:15.
 *   06:00 changeover (20 min)        → 06:20 running
 *   07:00 stopped, breakdown (40 min) → 07:40 running
 *   five 1-minute micro-stops at 08:00, 08:10, 10:00, 10:30, 13:00 (threshold 2 min)
 * The machine keeps "running" through the breaks: break time is planned downtime, so it is
 * not counted as running.
 */
const dayShift: ShiftPattern = {
  startTime: '06:00',
  endTime: '14:00',
  timezone: 'UTC',
  breaks: [
    { startTime: '09:00', durationMinutes: 15 },
    { startTime: '12:00', durationMinutes: 15 },
  ],
};
const dayEvents: StateEvent[] = [
  state('06:00', 'changeover'),
  state('06:20', 'running'),
  state('07:00', 'stopped'),
  state('07:40', 'running'),
  ...['08:00', '08:10', '10:00', '10:30', '13:00'].flatMap((t) => {
    const [h, m] = t.split(':').map(Number) as [number, number];
    const next = `${String(h).padStart(2, '0')}:${String(m + 1).padStart(2, '0')}`;
    return [state(t, 'stopped'), state(next, 'running')];
  }),
];

function dayInput(
  counts: CountEvent[],
  window = { start: at('06:00'), end: at('14:00') },
): OeeInput {
  const planned = plannedTimeFromShifts([dayShift], window);
  return {
    window,
    ...planned,
    timeline: buildStateTimeline(dayEvents, window),
    counts,
    microStopThresholdSeconds: 120,
  };
}

describe('computeOee — worked examples', () => {
  it('example 1 (the brief): 8 h shift, 45 min of stops, 20 min changeover, 780 made, 20 rejected', () => {
    /*
     * POT  = 8 h                                    = 28,800 s
     * PDT  = 2 breaks × 15 min                      =  1,800 s
     * PBT  = 28,800 − 1,800                         = 27,000 s (7.5 h)
     * ADOT = one 40-min breakdown (≥ 2-min threshold) = 2,400 s
     * ADET = five 1-min micro-stops (< 2 min)       =    300 s
     * ASUT = 20 min changeover                      =  1,200 s
     * APT  = 27,000 − 2,400 − 300 − 1,200           = 23,100 s
     * produced 780 (760 good + 20 reject), ideal = 780 × 30 s = 23,400 s
     * A   = 23,100 / 27,000 = 0.855556 → 0.8556
     * P   = 23,400 / 23,100 = 1.012987 → 1.0130   (above 1: these numbers are only possible
     *       with an ideal cycle time set too long — flagged, reported as measured)
     * Q   = 760 / 780      = 0.974359 → 0.9744
     * OEE = A × P × Q = (23,400 × 760/780) / 27,000 = 22,800 / 27,000 = 0.844444 → 0.8444
     * Losses: breakdowns 2,400 + setup 1,200 + minor 300 + reduced speed (23,100 − 23,400 = −300)
     *       + rejects (20 × 30 = 600) + fully productive (760 × 30 = 22,800) = 27,000 ✓
     */
    const r = computeOee(
      dayInput([
        count('07:59', 190, 5, 30),
        count('10:59', 290, 10, 30),
        count('13:59', 280, 5, 30),
      ]),
    );
    expect(r.times).toMatchObject({
      calendarSeconds: 28_800,
      plannedOperationSeconds: 28_800,
      plannedDowntimeSeconds: 1_800,
      plannedBusySeconds: 27_000,
      runSeconds: 23_100,
      setupSeconds: 1_200,
      downSeconds: 2_400,
      minorStopSeconds: 300,
      unknownSeconds: 0,
      idealSeconds: 23_400,
    });
    expect(r.counts).toEqual({ total: 780, good: 760, reject: 20, rework: 0, failures: 1 });
    expect(r.kpis.availability).toBeCloseTo(0.8556, 4);
    expect(r.kpis.performance).toBeCloseTo(1.013, 4);
    expect(r.kpis.quality).toBeCloseTo(0.9744, 4);
    expect(r.kpis.oee).toBeCloseTo(0.8444, 4);
    expect(r.flags).toEqual({
      performanceAboveOne: true,
      oeeAboveOne: false,
      hasUnknownTime: false,
      timesInconsistent: false,
      countsOutsidePlannedTime: 0,
    });
    expect(r.losses.seconds).toEqual({
      breakdowns: 2_400,
      setupAndAdjustments: 1_200,
      minorStops: 300,
      reducedSpeed: expect.closeTo(-300, 6),
      rejectsAndRework: expect.closeTo(600, 6),
      unaccounted: 0,
    });
    expect(r.times.fullyProductiveSeconds).toBeCloseTo(22_800, 6);
    expectLossesAddUp(r);
    // MTBF = APT / failures = 23,100 / 1; MTTR = 2,400 / 1 (micro-stops are not failures).
    expect(r.kpis.mtbfSeconds).toBe(23_100);
    expect(r.kpis.mttrSeconds).toBe(2_400);
    // TE = 23,100 / (23,100 + 2,400 + 300) = 0.895349; setup ratio = 1,200 / 27,000 = 0.044444
    expect(r.kpis.technicalEfficiency).toBeCloseTo(0.8953, 4);
    expect(r.kpis.setupRatio).toBeCloseTo(0.0444, 4);
    // allocation = PBT / POT = 27,000 / 28,800 = 0.9375; TEEP = 22,800 / 28,800 = 0.791667
    expect(r.kpis.allocationEfficiency).toBe(0.9375);
    expect(r.kpis.teep).toBeCloseTo(0.7917, 4);
  });

  it('example 2: same day, 750 produced with scrap and rework, a count reported in a break is kept and flagged', () => {
    /*
     * Times as example 1: PBT 27,000 s, APT 23,100 s, ADOT 2,400 s, ADET 300 s, ASUT 1,200 s.
     * The counts carry no interval (no previous report), so each one's parts sit at its ts.
     * A count of 50 reported at 09:05 lies in the break: it is counted (parts are never dropped)
     * and flagged as 50 parts outside planned busy time. (Before parts were attributed, it was
     * ignored: produced 700, P 0.9091, OEE 0.7556.)
     * Counts: 730 good, 14 reject (scrap), 6 rework → produced 750 (good excludes rework).
     * ideal = 750 × 30 s = 22,500 s
     * A   = 23,100 / 27,000 = 0.855556 → 0.8556
     * P   = 22,500 / 23,100 = 0.974026 → 0.9740
     * Q   = 730 / 750      = 0.973333 → 0.9733
     * OEE = 730 × 30 / 27,000 = 21,900 / 27,000 = 0.811111 → 0.8111
     * scrap ratio 14/750 = 0.018667, rework ratio 6/750 = 0.008, FPY = 730/750 = 0.9733
     * Losses: 2,400 + 1,200 + 300 + speed (23,100 − 21,900 − 600 = 600) + rejects (20 × 30 = 600)
     *       + fully productive 21,900 = 27,000 ✓
     */
    const r = computeOee(
      dayInput([
        count('07:59', 200, 4, 30, 2),
        count('09:05', 50, 0, 30),
        count('10:59', 240, 5, 30, 1),
        count('13:59', 240, 5, 30, 3),
      ]),
    );
    expect(r.counts).toEqual({ total: 750, good: 730, reject: 14, rework: 6, failures: 1 });
    expect(r.times.idealSeconds).toBe(22_500);
    expect(r.flags.countsOutsidePlannedTime).toBe(50);
    expect(r.kpis.availability).toBeCloseTo(0.8556, 4);
    expect(r.kpis.performance).toBeCloseTo(0.974, 4);
    expect(r.kpis.quality).toBeCloseTo(0.9733, 4);
    expect(r.kpis.oee).toBeCloseTo(0.8111, 4);
    expect(r.kpis.scrapRatio).toBeCloseTo(0.018667, 6);
    expect(r.kpis.reworkRatio).toBeCloseTo(0.008, 10);
    expect(r.kpis.firstPassYield).toBeCloseTo(0.9733, 4);
    expect(r.losses.seconds.reducedSpeed).toBeCloseTo(600, 6);
    expect(r.losses.seconds.rejectsAndRework).toBeCloseTo(600, 6);
    expect(r.losses.fractions.fullyProductive).toBeCloseTo(r.kpis.oee!, 12);
    expect(r.flags.performanceAboveOne).toBe(false);
    expectLossesAddUp(r);
  });

  it('example 2b: a counter reporting on the hour, two reports at the start of a break — every part counts where it was made', () => {
    /*
     * 06:00–14:00 UTC, breaks 09:00–09:15 and 12:00–12:15 (planned_stop reported by the line).
     * Running all planned busy time; ideal cycle 4 s (900/h at full speed); 800 parts per running
     * hour, 600 in the hours with a break. The counter reports on the hour, from a 0 at 06:00.
     * The 09:00 and 12:00 reports land at the start of a break; their parts were made in the
     * hour before, while the line ran, and are attributed there (by running time since the
     * previous report). The 10:00 report covers 09:00–10:00, of which only 09:15–10:00 ran.
     * PBT = 27,000 s = APT; produced 6,000, ideal 24,000 s
     * A = 1; P = 24,000 / 27,000 = 0.888889; Q = 1; OEE = 0.8889
     * (Counting only reports stamped in planned busy time dropped the 09:00 and 12:00 reports:
     * 4,400 parts, P = OEE = 0.6519.)
     */
    const events: StateEvent[] = [
      state('06:00', 'running'),
      state('09:00', 'planned_stop'),
      state('09:15', 'running'),
      state('12:00', 'planned_stop'),
      state('12:15', 'running'),
      state('14:00', 'stopped'),
    ];
    const perHour: Array<[string, number]> = [
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
    const counts = linkCounts(perHour.map(([time, good]) => count(time, good, 0, 4)));
    const shift = { start: at('06:00'), end: at('14:00') };
    const input = (window: { start: number; end: number }): OeeInput => ({
      window,
      ...plannedTimeFromShifts([dayShift], window),
      timeline: buildStateTimeline(events, shift),
      counts,
      microStopThresholdSeconds: 120,
    });
    const r = computeOee(input(shift));
    expect(r.times.plannedBusySeconds).toBe(27_000);
    expect(r.times.runSeconds).toBe(27_000);
    expect(r.counts.total).toBe(6_000);
    expect(r.flags.countsOutsidePlannedTime).toBe(0);
    expect(r.kpis.performance).toBeCloseTo(0.8889, 4);
    expect(r.kpis.oee).toBeCloseTo(0.8889, 4);
    // Hour by hour, each report's parts are in the hour before it: 800, 800, 800, 600, 800, 800, 600, 800.
    const hours = [6, 7, 8, 9, 10, 11, 12, 13].map((h) => {
      const start = at(`${String(h).padStart(2, '0')}:00`);
      return computeOee(input({ start, end: start + 3_600_000 })).counts.total;
    });
    expect(hours).toEqual([800, 800, 800, 600, 800, 800, 600, 800]);
    // Inside an hour the parts follow running time: half of 06:00–07:00 holds half of its 800.
    expect(computeOee(input({ start: at('06:00'), end: at('06:30') })).counts.total).toBe(400);
    // 09:00–09:15 is the break: no part was made in it.
    expect(computeOee(input({ start: at('09:00'), end: at('09:15') })).counts.total).toBe(0);
  });

  it('example 3: a window that cuts a night shift in half, stops clipped at the window edge', () => {
    /*
     * Night shift 22:00–06:00 UTC with a 30-min break at 02:30 (after midnight); window
     * [02:00, 06:00) = the second half. Micro-stop threshold 5 min.
     *   D-1 23:00 running
     *   01:57 stopped → 02:03 running   6-min stop; only 02:00–02:03 (180 s) is in the window,
     *                                   but its full 6 min ≥ 5 → down time, not a micro-stop
     *   (02:30–03:00 break: planned downtime, machine state ignored)
     *   03:10 idle → 03:14 running      4 min < 5 → micro-stop 240 s
     *   04:00 changeover → 04:25 running          setup 1,500 s
     *   05:00 planned_stop → 05:20 running        planned downtime 1,200 s
     *   05:50 stopped (no later event)            down 600 s to 06:00 (still going on → down)
     * POT = 4 h = 14,400 s; PDT = 1,800 + 1,200 = 3,000 s; PBT = 11,400 s
     * ADOT = 180 + 600 = 780 s; ADET = 240 s; ASUT = 1,500 s
     * APT = 11,400 − 780 − 240 − 1,500 = 8,880 s
     *     (= 02:03–02:30 27 min + 03:00–03:10 10 + 03:14–04:00 46 + 04:25–05:00 35 + 05:20–05:50 30 = 148 min ✓)
     * Counts (ideal 20 s, each without an interval, so its parts sit at its ts):
     *   02:15 80 good + 1 reject; 02:45 10 good (in the break: counted and flagged);
     *   03:30 120 good + 2 reject + 1 rework; 04:45 100 good; 05:40 96 good + 1 reject;
     *   01:50 50 good (before the window: not in it)
     *   → good 406, reject 4, rework 1, produced 411, ideal 411 × 20 = 8,220 s; 10 outside PBT
     *   (before parts were attributed, the 02:45 count was dropped: produced 401, OEE 0.6947)
     * A   = 8,880 / 11,400 = 0.778947 → 0.7789
     * P   = 8,220 / 8,880  = 0.925676 → 0.9257
     * Q   = 406 / 411      = 0.987835 → 0.9878
     * OEE = 406 × 20 / 11,400 = 8,120 / 11,400 = 0.712281 → 0.7123
     * TEEP = NEE = 8,120 / 14,400 = 0.563889 (the window is all shift time)
     * Failures: the 01:57 stop started before the window (counted in the window it started in);
     *   the 05:50 stop starts in PBT → 1 failure; failure time 180 + 600 = 780 s.
     * Losses: 780 + 1,500 + 240 + speed (8,880 − 8,120 − 100 = 660) + rejects (5 × 20 = 100)
     *       + fully productive 8,120 = 11,400 ✓
     */
    const d0 = '2025-06-01';
    const d1 = '2025-06-02';
    const events: StateEvent[] = [
      state('23:00', 'running', d0),
      state('01:57', 'stopped', d1),
      state('02:03', 'running', d1),
      state('03:10', 'idle', d1),
      state('03:14', 'running', d1),
      state('04:00', 'changeover', d1),
      state('04:25', 'running', d1),
      state('05:00', 'planned_stop', d1),
      state('05:20', 'running', d1),
      state('05:50', 'stopped', d1),
    ];
    const window = { start: at('02:00'), end: at('06:00') };
    const nightShift: ShiftPattern = {
      startTime: '22:00',
      endTime: '06:00',
      timezone: 'UTC',
      breaks: [{ startTime: '02:30', durationMinutes: 30 }],
    };
    const r = computeOee({
      window,
      ...plannedTimeFromShifts([nightShift], window),
      timeline: buildStateTimeline(events, window),
      counts: [
        count('02:15', 80, 1, 20),
        count('02:45', 10, 0, 20),
        count('03:30', 120, 2, 20, 1),
        count('04:45', 100, 0, 20),
        count('05:40', 96, 1, 20),
        count('01:50', 50, 0, 20),
      ],
      microStopThresholdSeconds: 300,
    });
    expect(r.times).toMatchObject({
      calendarSeconds: 14_400,
      plannedOperationSeconds: 14_400,
      plannedDowntimeSeconds: 3_000,
      plannedBusySeconds: 11_400,
      runSeconds: 8_880,
      setupSeconds: 1_500,
      downSeconds: 780,
      minorStopSeconds: 240,
      idealSeconds: 8_220,
      failureSeconds: 780,
    });
    expect(r.counts).toEqual({ total: 411, good: 406, reject: 4, rework: 1, failures: 1 });
    expect(r.flags.countsOutsidePlannedTime).toBe(10);
    expect(r.kpis.availability).toBeCloseTo(0.7789, 4);
    expect(r.kpis.performance).toBeCloseTo(0.9257, 4);
    expect(r.kpis.quality).toBeCloseTo(0.9878, 4);
    expect(r.kpis.oee).toBeCloseTo(0.7123, 4);
    expect(r.kpis.teep).toBeCloseTo(0.563889, 6);
    expect(r.kpis.nee).toBeCloseTo(0.563889, 6);
    expect(r.losses.seconds.reducedSpeed).toBeCloseTo(660, 6);
    expect(r.losses.seconds.rejectsAndRework).toBeCloseTo(100, 6);
    expectLossesAddUp(r);
  });

  it('example 4: performance above 1 is reported as measured and flagged', () => {
    /*
     * 06:00–14:00 UTC, no breaks, running all shift: PBT = APT = 28,800 s, A = 1.
     * 1,000 good parts at an ideal 30 s = 30,000 s of ideal time — more than the shift.
     * P   = 30,000 / 28,800 = 1.041667 → 1.0417 (flagged)
     * Q   = 1
     * OEE = 1 × 1.041667 × 1 = 1.0417 (reported as measured, flagged)
     * Losses: reduced speed = 28,800 − 30,000 = −1,200; fully productive 30,000; sum 28,800 ✓
     */
    const window = { start: at('06:00'), end: at('14:00') };
    const r = computeOee({
      window,
      plannedOperation: [window],
      plannedDowntime: [],
      timeline: buildStateTimeline([state('05:00', 'running')], window),
      counts: [count('13:00', 1_000, 0, 30)],
      microStopThresholdSeconds: 120,
    });
    expect(r.kpis.availability).toBe(1);
    expect(r.kpis.performance).toBeCloseTo(1.0417, 4);
    expect(r.kpis.quality).toBe(1);
    expect(r.kpis.oee).toBeCloseTo(1.0417, 4);
    expect(r.flags.performanceAboveOne).toBe(true);
    expect(r.flags.oeeAboveOne).toBe(true);
    expect(r.losses.seconds.reducedSpeed).toBeCloseTo(-1_200, 6);
    expectLossesAddUp(r);
  });

  it('example 5: Berlin night shift on the spring-forward night, unknown time at the start', () => {
    /*
     * Shift 22:00–06:00 Europe/Berlin starting Sat 2025-03-29, break 02:30 (30 min).
     * POT = 21:00Z → 04:00Z = 7 h = 25,200 s (the clocks skip 02:00–03:00)
     * break 02:30 does not exist → 03:30 CEST = 01:30Z–02:00Z: PDT = 1,800 s; PBT = 23,400 s
     * First state event: running at 22:10 CET (21:10Z) → 21:00Z–21:10Z unknown = 600 s (down time)
     * APT = 23,400 − 600 = 22,800 s
     * 350 good parts, ideal 60 s → ideal 21,000 s
     * A   = 22,800 / 23,400 = 0.974359 → 0.9744
     * P   = 21,000 / 22,800 = 0.921053 → 0.9211
     * Q   = 1
     * OEE = 21,000 / 23,400 = 0.897436 → 0.8974
     */
    const window = {
      start: Date.parse('2025-03-29T12:00:00Z'),
      end: Date.parse('2025-03-30T12:00:00Z'),
    };
    const pattern: ShiftPattern = {
      startTime: '22:00',
      endTime: '06:00',
      timezone: 'Europe/Berlin',
      breaks: [{ startTime: '02:30', durationMinutes: 30 }],
    };
    const r = computeOee({
      window,
      ...plannedTimeFromShifts([pattern], window),
      timeline: buildStateTimeline(
        [{ eventId: 'r', ts: Date.parse('2025-03-29T21:10:00Z'), state: 'running' }],
        window,
      ),
      counts: [
        {
          eventId: 'c',
          ts: Date.parse('2025-03-30T03:00:00Z'),
          good: 350,
          reject: 0,
          idealCycleTimeSeconds: 60,
        },
      ],
      microStopThresholdSeconds: 120,
    });
    expect(r.times).toMatchObject({
      calendarSeconds: 86_400,
      plannedOperationSeconds: 25_200,
      plannedDowntimeSeconds: 1_800,
      plannedBusySeconds: 23_400,
      runSeconds: 22_800,
      downSeconds: 600,
      unknownSeconds: 600,
    });
    expect(r.flags.hasUnknownTime).toBe(true);
    expect(r.kpis.availability).toBeCloseTo(0.9744, 4);
    expect(r.kpis.performance).toBeCloseTo(0.9211, 4);
    expect(r.kpis.quality).toBe(1);
    expect(r.kpis.oee).toBeCloseTo(0.8974, 4);
    // TEEP over the whole calendar day: 21,000 / 86,400 = 0.243056
    expect(r.kpis.teep).toBeCloseTo(0.2431, 4);
    expectLossesAddUp(r);
  });
});

describe('computeOee — rules', () => {
  const window = { start: 0, end: 3_600_000 };
  const base: OeeInput = {
    window,
    plannedOperation: [window],
    plannedDowntime: [],
    timeline: [],
    counts: [],
    microStopThresholdSeconds: 60,
  };

  it('gives null, not NaN, without planned time', () => {
    const r = computeOee({ ...base, plannedOperation: [] });
    expect(r.times.plannedBusySeconds).toBe(0);
    for (const value of Object.values(r.kpis)) {
      expect(value === null || Number.isFinite(value)).toBe(true);
    }
    expect(r.kpis.availability).toBeNull();
    expect(r.kpis.oee).toBeNull();
    expect(r.kpis.teep).toBe(0);
    expect(r.losses.fractions.breakdowns).toBeNull();
  });

  it('counts a whole hour without events as unknown down time, OEE 0', () => {
    const r = computeOee(base);
    expect(r.times.downSeconds).toBe(3_600);
    expect(r.times.unknownSeconds).toBe(3_600);
    expect(r.kpis.availability).toBe(0);
    expect(r.kpis.performance).toBeNull();
    expect(r.kpis.oee).toBe(0);
    expectLossesAddUp(r);
  });

  it('ignores running and stops outside shift time; overlapping shifts and downtime count once', () => {
    const r = computeOee({
      ...base,
      window: { start: 0, end: 7_200_000 },
      plannedOperation: [
        { start: 0, end: 1_800_000 },
        { start: 900_000, end: 3_600_000 },
      ],
      plannedDowntime: [
        { start: 0, end: 600_000 },
        { start: 300_000, end: 600_000 },
        { start: 3_000_000, end: 5_000_000 },
      ],
      timeline: [{ start: 0, end: 7_200_000, state: 'running' }],
    });
    // POT = 1 h (overlap once); PDT = 10 min + 10 min (the part of 50–83 min inside the shift)
    expect(r.times.plannedOperationSeconds).toBe(3_600);
    expect(r.times.plannedDowntimeSeconds).toBe(1_200);
    expect(r.times.runSeconds).toBe(2_400);
    expect(r.kpis.availability).toBe(1);
  });

  it('a planned_stop segment is planned downtime, counted once with a break it overlaps', () => {
    const r = computeOee({
      ...base,
      plannedDowntime: [{ start: 0, end: 600_000 }],
      timeline: [
        { start: 0, end: 900_000, state: 'planned_stop' },
        { start: 900_000, end: 3_600_000, state: 'running' },
      ],
    });
    expect(r.times.plannedDowntimeSeconds).toBe(900);
    expect(r.times.plannedBusySeconds).toBe(2_700);
    expect(r.kpis.availability).toBe(1);
  });

  it('overlapping segments never count twice', () => {
    const r = computeOee({
      ...base,
      timeline: [
        { start: 0, end: 2_400_000, state: 'running' },
        { start: 1_200_000, end: 3_600_000, state: 'changeover' },
      ],
    });
    expect(r.times.runSeconds + r.times.setupSeconds).toBe(3_600);
    expect(r.times.runSeconds).toBe(2_400);
  });

  it('deduplicates counts by eventId and rejects invalid counts', () => {
    const c = { eventId: 'x', ts: 10, good: 5, reject: 1, idealCycleTimeSeconds: 1 };
    const r = computeOee({ ...base, counts: [c, c, { ...c }] });
    expect(r.counts.total).toBe(6);
    expect(() => computeOee({ ...base, counts: [{ ...c, good: -1 }] })).toThrow(RangeError);
    expect(() => computeOee({ ...base, counts: [{ ...c, reject: Number.NaN }] })).toThrow(
      RangeError,
    );
  });

  it('idle counts like stopped for down time and micro-stops, but is never a failure', () => {
    const r = computeOee({
      ...base,
      timeline: buildStateTimeline(
        [
          { eventId: 'a', ts: 0, state: 'idle' },
          { eventId: 'b', ts: 600_000, state: 'running' },
          { eventId: 'c', ts: 1_200_000, state: 'idle' },
          { eventId: 'd', ts: 1_230_000, state: 'running' },
        ],
        window,
      ),
    });
    expect(r.times.downSeconds).toBe(600);
    expect(r.times.minorStopSeconds).toBe(30);
    expect(r.counts.failures).toBe(0);
    expect(r.kpis.mtbfSeconds).toBeNull();
  });
});

describe('computeTotals — machine running time for maintenance meters', () => {
  it('counts running through breaks and outside the shift, where run time counts only planned busy time', () => {
    // The day shift (06:00–14:00, breaks 09:00 and 12:00 of 15 min) over 04:00–16:00: the machine
    // runs 04:00–07:00 and 08:00–15:00. Run time (APT) is 06:00–07:00 + 08:00–14:00 less the two
    // breaks = 6.5 h; the machine ran 3 h + 7 h = 10 h.
    const window = { start: at('04:00'), end: at('16:00') };
    const planned = plannedTimeFromShifts([dayShift], window);
    const totals = computeTotals({
      window,
      ...planned,
      timeline: buildStateTimeline(
        [
          state('04:00', 'running'),
          state('07:00', 'stopped'),
          state('08:00', 'running'),
          state('15:00', 'idle'),
        ],
        window,
      ),
      counts: [],
      microStopThresholdSeconds: 120,
    });
    expect(totals.runSeconds).toBe(6.5 * 3600);
    expect(totals.machineRunSeconds).toBe(10 * 3600);
  });
});
