import type { OeeReport } from '@ms5/contracts';

export type WaterfallStepKind = 'total' | 'loss' | 'result';

export interface WaterfallStep {
  key: string;
  label: string;
  kind: WaterfallStepKind;
  /** The share of planned busy time this step stands for (a loss's size, or a total's level). */
  fraction: number;
  /** Top and bottom of the bar as shares of planned busy time (1 at the top of the chart). */
  top: number;
  bottom: number;
}

const LOSSES = [
  ['breakdowns', 'Breakdowns'],
  ['setupAndAdjustments', 'Setup'],
  ['minorStops', 'Minor stops'],
  ['reducedSpeed', 'Reduced speed'],
  ['rejectsAndRework', 'Rejects'],
  ['unaccounted', 'No data'],
] as const;

/**
 * The six big losses as a waterfall: planned busy time (100 %), each loss hanging from where the
 * previous one ended, and what is left (fully productive time, which is OEE) standing on zero.
 * "No data" (time without machine data) only appears when there is some.
 */
export function lossWaterfall(report: Pick<OeeReport, 'losses' | 'oee'>): WaterfallStep[] {
  const fractions = report.losses.fractions;
  const steps: WaterfallStep[] = [
    { key: 'planned', label: 'Planned busy time', kind: 'total', fraction: 1, top: 1, bottom: 0 },
  ];
  let level = 1;
  for (const [key, label] of LOSSES) {
    const fraction = Math.max(0, fractions[key] ?? 0);
    if (key === 'unaccounted' && fraction === 0) continue;
    const bottom = Math.max(0, level - fraction);
    steps.push({ key, label, kind: 'loss', fraction: level - bottom, top: level, bottom });
    level = bottom;
  }
  const oee = Math.max(0, Math.min(level, report.oee ?? fractions.fullyProductive ?? level));
  steps.push({ key: 'oee', label: 'OEE', kind: 'result', fraction: oee, top: oee, bottom: 0 });
  return steps;
}

export interface WaterfallLayout {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_WATERFALL_LAYOUT: WaterfallLayout = {
  width: 720,
  height: 300,
  padding: { top: 24, right: 16, bottom: 48, left: 48 },
};

export interface WaterfallBar extends WaterfallStep {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Puts the steps on the SVG: heights proportional to their fractions of the plot height. */
export function waterfallBars(
  steps: readonly WaterfallStep[],
  layout: WaterfallLayout = DEFAULT_WATERFALL_LAYOUT,
): { bars: WaterfallBar[]; plot: { left: number; right: number; top: number; bottom: number } } {
  const plot = {
    left: layout.padding.left,
    right: layout.width - layout.padding.right,
    top: layout.padding.top,
    bottom: layout.height - layout.padding.bottom,
  };
  const plotHeight = plot.bottom - plot.top;
  const slot = steps.length > 0 ? (plot.right - plot.left) / steps.length : 0;
  const width = slot * 0.7;
  const bars = steps.map((step, index) => ({
    ...step,
    x: plot.left + slot * index + (slot - width) / 2,
    y: plot.bottom - step.top * plotHeight,
    width,
    height: (step.top - step.bottom) * plotHeight,
  }));
  return { bars, plot };
}
