import type { DowntimePareto } from '@ms5/contracts';
import { formatDuration } from '@/lib/format';
import { formatShare } from '@/features/downtime/utils/format';
import { DEFAULT_PARETO_LAYOUT, paretoGeometry } from '@/features/downtime/utils/pareto-geometry';

function shortLabel(label: string): string {
  return label.length > 16 ? `${label.slice(0, 15)}…` : label;
}

/** Lost planned time by reason: bars largest first, the cumulative share as a line on the right axis. */
export function DowntimeParetoChart({ pareto }: { pareto: DowntimePareto }) {
  if (pareto.items.length === 0) {
    return <p className="chart-empty">No downtime in this period.</p>;
  }
  const layout = DEFAULT_PARETO_LAYOUT;
  const { bars, line, eightyPercentY, plot } = paretoGeometry(pareto, layout);
  const maxSeconds = Math.max(...pareto.items.map((item) => item.seconds));
  const points = line.map((point) => `${point.x},${point.y}`).join(' ');
  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={`Downtime Pareto, ${formatDuration(pareto.totalSeconds)} lost in total`}
      >
        <line
          className="chart__axis"
          x1={plot.left}
          x2={plot.left}
          y1={plot.top}
          y2={plot.bottom}
        />
        <line
          className="chart__axis"
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
        />
        <line
          className="chart__axis"
          x1={plot.right}
          x2={plot.right}
          y1={plot.top}
          y2={plot.bottom}
        />
        <text className="chart__tick" x={plot.left - 6} y={plot.top + 4} textAnchor="end">
          {formatDuration(maxSeconds)}
        </text>
        <text className="chart__tick" x={plot.left - 6} y={plot.bottom} textAnchor="end">
          0
        </text>
        <text className="chart__tick" x={plot.right + 6} y={plot.top + 4}>
          100 %
        </text>
        <text className="chart__tick" x={plot.right + 6} y={eightyPercentY + 4}>
          80 %
        </text>
        <line
          className="chart__guide"
          x1={plot.left}
          x2={plot.right}
          y1={eightyPercentY}
          y2={eightyPercentY}
        />
        {bars.map((bar) => (
          <g key={bar.key} data-testid="pareto-bar">
            <rect
              className="chart__bar chart__bar--loss"
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
            >
              <title>{`${bar.label}: ${formatDuration(bar.seconds)} (${formatShare(bar.share)})`}</title>
            </rect>
            <text
              className="chart__label"
              x={bar.x + bar.width / 2}
              y={plot.bottom + 14}
              textAnchor="end"
              transform={`rotate(-30 ${bar.x + bar.width / 2} ${plot.bottom + 14})`}
            >
              {shortLabel(bar.label)}
            </text>
          </g>
        ))}
        <polyline className="chart__line" points={points} data-testid="pareto-cumulative" />
        {line.map((point) => (
          <circle key={point.x} className="chart__dot" cx={point.x} cy={point.y} r={4}>
            <title>{`Cumulative ${formatShare(point.cumulativeShare)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="chart__legend">
        <span className="legend legend--loss">Lost time by reason</span>
        <span className="legend legend--line">Cumulative share</span>
      </figcaption>
    </figure>
  );
}
