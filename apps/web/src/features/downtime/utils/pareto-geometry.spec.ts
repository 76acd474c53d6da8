import { describe, expect, it } from 'vitest';
import type { DowntimePareto } from '@ms5/contracts';
import { type ParetoLayout, paretoGeometry } from '@/features/downtime/utils/pareto-geometry';

// 3600 s lost: 1800 jam, 1200 changeover, 600 no reason → shares 0.5, 0.333, 0.167.
const PARETO: Pick<DowntimePareto, 'items'> = {
  items: [
    {
      reasonCode: 'JAM',
      reasonName: 'Jam',
      category: 'Mechanical',
      seconds: 1800,
      stops: 3,
      share: 0.5,
      cumulativeShare: 0.5,
    },
    {
      reasonCode: null,
      reasonName: 'Changeover (setup)',
      category: null,
      seconds: 1200,
      stops: 1,
      share: 1 / 3,
      cumulativeShare: 5 / 6,
    },
    {
      reasonCode: null,
      reasonName: 'No reason given',
      category: null,
      seconds: 600,
      stops: 2,
      share: 1 / 6,
      cumulativeShare: 1,
    },
  ],
};

// A 300 × 200 plot: x from 0 to 300, y from 0 (top) to 200 (bottom).
const LAYOUT: ParetoLayout = {
  width: 300,
  height: 200,
  padding: { top: 0, right: 0, bottom: 0, left: 0 },
};

describe('paretoGeometry', () => {
  it('scales bars to the largest loss and places them left to right in equal slots', () => {
    const { bars } = paretoGeometry(PARETO, LAYOUT);
    expect(bars.map((bar) => bar.height)).toEqual([
      200,
      expect.closeTo(133.333, 3),
      expect.closeTo(66.667, 3),
    ]);
    expect(bars.map((bar) => bar.y + bar.height)).toEqual([200, 200, 200]); // all stand on the axis
    expect(bars.map((bar) => bar.x + bar.width / 2)).toEqual([50, 150, 250]);
    expect(bars[0]?.width).toBeCloseTo(70);
  });

  it('draws the cumulative line through the bar centres on a 0–100 % axis, ending at the top', () => {
    const { line, eightyPercentY } = paretoGeometry(PARETO, LAYOUT);
    expect(line.map((point) => point.x)).toEqual([50, 150, 250]);
    expect(line[0]?.y).toBeCloseTo(100); // 50 % of 200 from the bottom
    expect(line[1]?.y).toBeCloseTo(200 - (5 / 6) * 200);
    expect(line[2]?.y).toBeCloseTo(0); // 100 %
    expect(eightyPercentY).toBeCloseTo(40);
    // The line never goes down.
    expect(line.every((point, i) => i === 0 || point.y <= line[i - 1]!.y)).toBe(true);
  });

  it('draws nothing for an empty Pareto', () => {
    const geometry = paretoGeometry({ items: [] }, LAYOUT);
    expect(geometry.bars).toEqual([]);
    expect(geometry.line).toEqual([]);
  });
});
