import { describe, expect, it } from 'vitest';
import { type OeeTotals, computeOeeFromTotals, emptyTotals, rollUp } from './roll-up.js';

const totals = (overrides: Partial<OeeTotals>): OeeTotals => ({ ...emptyTotals(), ...overrides });

describe('computeOeeFromTotals', () => {
  it('computes the KPIs from SQL-summed times and counts', () => {
    /*
     * A line's hour buckets summed by the API:
     * POT 28,800 s, PDT 1,800 s → PBT 27,000 s; APT 21,600, setup 1,800, down 3,000, minor 600
     * 1,330 good + 50 reject + 20 rework = 1,400 produced; ideal Σ = 19,600 s (14 s per part)
     * A   = 21,600 / 27,000 = 0.8
     * P   = 19,600 / 21,600 = 0.907407 → 0.9074
     * Q   = 1,330 / 1,400   = 0.95
     * OEE = 0.8 × 0.907407 × 0.95 = 18,620 / 27,000 = 0.689630 → 0.6896
     */
    const r = computeOeeFromTotals(
      totals({
        calendarSeconds: 28_800,
        plannedOperationSeconds: 28_800,
        plannedDowntimeSeconds: 1_800,
        runSeconds: 21_600,
        setupSeconds: 1_800,
        downSeconds: 3_000,
        minorStopSeconds: 600,
        good: 1_330,
        reject: 50,
        rework: 20,
        idealSeconds: 19_600,
        failureCount: 4,
        failureSeconds: 2_400,
      }),
    );
    expect(r.kpis.availability).toBeCloseTo(0.8, 12);
    expect(r.kpis.performance).toBeCloseTo(0.9074, 4);
    expect(r.kpis.quality).toBeCloseTo(0.95, 12);
    expect(r.kpis.oee).toBeCloseTo(0.6896, 4);
    // MTBF = 21,600 / 4 = 5,400 s; MTTR = 2,400 / 4 = 600 s
    expect(r.kpis.mtbfSeconds).toBe(5_400);
    expect(r.kpis.mttrSeconds).toBe(600);
    // Losses: 3,000 + 1,800 + 600 + speed (21,600 − 19,600 = 2,000) + rejects (19,600 × 0.05 = 980)
    //       + fully productive 18,620 = 27,000
    expect(r.losses.seconds.reducedSpeed).toBeCloseTo(2_000, 6);
    expect(r.losses.seconds.rejectsAndRework).toBeCloseTo(980, 6);
    expect(r.times.fullyProductiveSeconds).toBeCloseTo(18_620, 6);
    expect(r.flags.timesInconsistent).toBe(false);
  });

  it('flags totals that do not add up, keeps the gap in `unaccounted`, clamps factors', () => {
    const r = computeOeeFromTotals(
      totals({ plannedOperationSeconds: 100, runSeconds: 120, idealSeconds: 60, good: 6 }),
    );
    expect(r.flags.timesInconsistent).toBe(true);
    expect(r.kpis.availability).toBe(1);
    expect(r.losses.seconds.unaccounted).toBe(-20);
  });

  it('all nulls, no NaN, for empty totals', () => {
    const r = computeOeeFromTotals(emptyTotals());
    for (const value of Object.values(r.kpis)) expect(value).toBeNull();
    expect(Object.values(r.times).every((v) => v === 0)).toBe(true);
  });
});

describe('rollUp', () => {
  it('is time-weighted, never an average of percentages', () => {
    // Machine 1: 1 h planned, ran all of it (A = 1). Machine 2: 3 h planned, never ran (A = 0).
    // Average of percentages would say 0.5; time-weighted: 3,600 / 14,400 = 0.25.
    const m1 = computeOeeFromTotals(
      totals({
        calendarSeconds: 3_600,
        plannedOperationSeconds: 3_600,
        runSeconds: 3_600,
        good: 100,
        idealSeconds: 3_000,
      }),
    );
    const m2 = computeOeeFromTotals(
      totals({ calendarSeconds: 10_800, plannedOperationSeconds: 10_800, downSeconds: 10_800 }),
    );
    const line = rollUp([m1, m2]);
    expect(line.kpis.availability).toBe(0.25);
    // OEE = 3,000 / 14,400 = 0.208333
    expect(line.kpis.oee).toBeCloseTo(3_000 / 14_400, 12);
    expect(line.counts.total).toBe(100);
  });

  it('of nothing is empty', () => {
    expect(rollUp([]).kpis.oee).toBeNull();
  });
});
