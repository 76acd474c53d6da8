import type { OeeReport } from '@ms5/contracts';
import {
  DEFAULT_WATERFALL_LAYOUT,
  lossWaterfall,
  waterfallBars,
} from '@/features/oee/utils/loss-waterfall';
import { formatPercent } from '@/lib/format';

/** "Planned busy time" → ["Planned busy", "time"]: lines of at most 12 characters under a bar. */
function labelLines(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 12)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** From 100 % planned busy time down to OEE, one bar per big loss. */
export function LossWaterfallChart({ report }: { report: Pick<OeeReport, 'losses' | 'oee'> }) {
  const layout = DEFAULT_WATERFALL_LAYOUT;
  const steps = lossWaterfall(report);
  const { bars, plot } = waterfallBars(steps, layout);
  const plotHeight = plot.bottom - plot.top;
  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={`Loss waterfall from 100 % planned busy time to OEE ${formatPercent(report.oee)}`}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => {
          const y = plot.bottom - tick * plotHeight;
          return (
            <g key={tick}>
              <line className="chart__guide" x1={plot.left} x2={plot.right} y1={y} y2={y} />
              <text className="chart__tick" x={plot.left - 6} y={y + 4} textAnchor="end">
                {tick * 100}
              </text>
            </g>
          );
        })}
        {bars.map((bar, index) => {
          const next = bars[index + 1];
          return (
            <g key={bar.key} data-testid={`waterfall-${bar.key}`}>
              <rect
                className={`chart__bar chart__bar--${bar.kind}`}
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={Math.max(bar.height, bar.kind === 'loss' ? 0 : 0.5)}
              >
                <title>{`${bar.label}: ${formatPercent(bar.fraction)}`}</title>
              </rect>
              {next !== undefined && bar.kind !== 'result' ? (
                <line
                  className="chart__connector"
                  x1={bar.x + bar.width}
                  x2={next.x}
                  y1={plot.bottom - bar.bottom * plotHeight}
                  y2={plot.bottom - bar.bottom * plotHeight}
                />
              ) : null}
              <text
                className="chart__value"
                x={bar.x + bar.width / 2}
                y={bar.y - 6}
                textAnchor="middle"
              >
                {bar.kind === 'loss'
                  ? `−${formatPercent(bar.fraction)}`
                  : formatPercent(bar.fraction)}
              </text>
              <text
                className="chart__label"
                x={bar.x + bar.width / 2}
                y={plot.bottom + 18}
                textAnchor="middle"
              >
                {labelLines(bar.label).map((line, lineIndex) => (
                  <tspan key={line} x={bar.x + bar.width / 2} dy={lineIndex === 0 ? 0 : 14}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
