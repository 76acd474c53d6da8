import type { DowntimePareto } from '@ms5/contracts';

export interface ParetoLayout {
  width: number;
  height: number;
  /** Room for the axes and the labels under the bars. */
  padding: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_PARETO_LAYOUT: ParetoLayout = {
  width: 720,
  height: 320,
  padding: { top: 16, right: 52, bottom: 72, left: 64 },
};

export interface ParetoBar {
  key: string;
  label: string;
  seconds: number;
  share: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ParetoGeometry {
  bars: ParetoBar[];
  /** The cumulative share at the centre of each bar, on the right-hand 0–100 % axis. */
  line: { x: number; y: number; cumulativeShare: number }[];
  /** Where 80 % sits on the cumulative axis. */
  eightyPercentY: number;
  plot: { left: number; right: number; top: number; bottom: number };
}

/**
 * Lays out a downtime Pareto: bars scaled so the largest fills the plot height (left axis, time),
 * and the cumulative share as a line on a 0–100 % axis (right), one point per bar centre.
 */
export function paretoGeometry(
  pareto: Pick<DowntimePareto, 'items'>,
  layout: ParetoLayout = DEFAULT_PARETO_LAYOUT,
): ParetoGeometry {
  const plot = {
    left: layout.padding.left,
    right: layout.width - layout.padding.right,
    top: layout.padding.top,
    bottom: layout.height - layout.padding.bottom,
  };
  const plotHeight = plot.bottom - plot.top;
  const slot = pareto.items.length > 0 ? (plot.right - plot.left) / pareto.items.length : 0;
  const barWidth = slot * 0.7;
  const maxSeconds = Math.max(0, ...pareto.items.map((item) => item.seconds));
  const bars = pareto.items.map((item, index): ParetoBar => {
    const height = maxSeconds > 0 ? (item.seconds / maxSeconds) * plotHeight : 0;
    return {
      key: `${item.reasonCode ?? item.reasonName}-${index}`,
      label: item.reasonName,
      seconds: item.seconds,
      share: item.share,
      x: plot.left + slot * index + (slot - barWidth) / 2,
      y: plot.bottom - height,
      width: barWidth,
      height,
    };
  });
  const line = pareto.items.map((item, index) => ({
    x: plot.left + slot * index + slot / 2,
    y: plot.bottom - clamp01(item.cumulativeShare) * plotHeight,
    cumulativeShare: item.cumulativeShare,
  }));
  return { bars, line, eightyPercentY: plot.bottom - 0.8 * plotHeight, plot };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
