import { describe, expect, it } from 'vitest';
import type { OeeReport } from '@ms5/contracts';
import {
  type WaterfallLayout,
  lossWaterfall,
  waterfallBars,
} from '@/features/oee/utils/loss-waterfall';

/**
 * The worked shift from the API's OEE test: planned busy time 27,000 s; breakdown 2,400 s,
 * micro-stops 300 s, changeover 1,200 s, run 23,100 s, 740 made at 30 s ideal (22,200 s),
 * 720 good (21,600 s). OEE = 21,600 / 27,000 = 0.8.
 */
const PBT = 27_000;
const REPORT: Pick<OeeReport, 'losses' | 'oee'> = {
  oee: 0.8,
  losses: {
    seconds: {
      breakdowns: 2400,
      setupAndAdjustments: 1200,
      minorStops: 300,
      reducedSpeed: 900,
      rejectsAndRework: 600,
      unaccounted: 0,
    },
    fractions: {
      breakdowns: 2400 / PBT,
      setupAndAdjustments: 1200 / PBT,
      minorStops: 300 / PBT,
      reducedSpeed: 900 / PBT,
      rejectsAndRework: 600 / PBT,
      unaccounted: 0,
      fullyProductive: 21_600 / PBT,
    },
  },
};

// A plot 200 px tall from y = 0 (100 %) to y = 200 (0 %), seven 100 px slots.
const LAYOUT: WaterfallLayout = {
  width: 700,
  height: 200,
  padding: { top: 0, right: 0, bottom: 0, left: 0 },
};

describe('lossWaterfall', () => {
  it('starts at 100 % planned busy time, takes off each big loss in turn, and ends at OEE', () => {
    const steps = lossWaterfall(REPORT);
    expect(steps.map((step) => step.label)).toEqual([
      'Planned busy time',
      'Breakdowns',
      'Setup',
      'Minor stops',
      'Reduced speed',
      'Rejects',
      'OEE',
    ]);
    expect(steps[0]).toMatchObject({ kind: 'total', top: 1, bottom: 0 });
    // Each loss hangs from where the previous one ended.
    for (let i = 2; i < steps.length - 1; i += 1) {
      expect(steps[i]!.top).toBeCloseTo(steps[i - 1]!.bottom, 12);
    }
    const last = steps.at(-1)!;
    expect(last).toMatchObject({ kind: 'result', bottom: 0 });
    expect(last.top).toBeCloseTo(0.8, 12);
    expect(steps.at(-2)!.bottom).toBeCloseTo(0.8, 12); // the rejects step lands exactly on OEE
  });

  it('draws bar heights in proportion to the fractions of planned busy time', () => {
    const { bars } = waterfallBars(lossWaterfall(REPORT), LAYOUT);
    const heights = Object.fromEntries(bars.map((bar) => [bar.key, bar.height]));
    expect(heights.planned).toBeCloseTo(200);
    expect(heights.breakdowns).toBeCloseTo((2400 / PBT) * 200); // 17.78 px
    expect(heights.setupAndAdjustments).toBeCloseTo((1200 / PBT) * 200);
    expect(heights.minorStops).toBeCloseTo((300 / PBT) * 200);
    expect(heights.reducedSpeed).toBeCloseTo((900 / PBT) * 200);
    expect(heights.rejectsAndRework).toBeCloseTo((600 / PBT) * 200);
    expect(heights.oee).toBeCloseTo(160); // 80 % of 200 px
    expect(heights.breakdowns! / heights.minorStops!).toBeCloseTo(8); // 2400 s vs 300 s

    const breakdown = bars.find((bar) => bar.key === 'breakdowns')!;
    expect(breakdown.y).toBeCloseTo(0); // hangs from the top (100 %)
    const oee = bars.find((bar) => bar.key === 'oee')!;
    expect(oee.y + oee.height).toBeCloseTo(200); // stands on the axis
    expect(oee.y).toBeCloseTo(40);
    // The rejects bar's bottom edge meets the OEE bar's top.
    const rejects = bars.find((bar) => bar.key === 'rejectsAndRework')!;
    expect(rejects.y + rejects.height).toBeCloseTo(oee.y);
    expect(bars.map((bar) => bar.x + bar.width / 2)).toEqual([50, 150, 250, 350, 450, 550, 650]);
  });

  it('adds a "No data" step only when part of the time has no machine data', () => {
    const withGap = lossWaterfall({
      oee: 0.7,
      losses: {
        ...REPORT.losses,
        fractions: { ...REPORT.losses.fractions, unaccounted: 0.1, fullyProductive: 0.7 },
      },
    });
    expect(withGap.map((step) => step.key)).toContain('unaccounted');
    expect(withGap.at(-1)!.top).toBeCloseTo(0.7, 12);
  });

  it('shows a flat 0 % when there was no planned time (fractions null)', () => {
    const empty = lossWaterfall({
      oee: null,
      losses: {
        seconds: REPORT.losses.seconds,
        fractions: {
          breakdowns: null,
          setupAndAdjustments: null,
          minorStops: null,
          reducedSpeed: null,
          rejectsAndRework: null,
          unaccounted: null,
          fullyProductive: null,
        },
      },
    });
    expect(empty.filter((step) => step.kind === 'loss').every((step) => step.fraction === 0)).toBe(
      true,
    );
    expect(empty.at(-1)!.kind).toBe('result');
  });
});
