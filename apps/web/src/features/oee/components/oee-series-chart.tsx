import type { OeeSeriesReport } from '@ms5/contracts';
import { formatPercent } from '@/lib/format';
import { formatBucketLabel } from '@/features/oee/utils/format';

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 24, right: 16, bottom: 40, left: 48 };

/** OEE per bucket (hour or day) as bars on a 0–100 % axis; buckets without planned time are gaps. */
export function OeeSeriesChart({ series }: { series: OeeSeriesReport }) {
  const points = series.points;
  if (points.length === 0) return <p className="chart-empty">No data in this period.</p>;
  const plot = {
    left: PAD.left,
    right: WIDTH - PAD.right,
    top: PAD.top,
    bottom: HEIGHT - PAD.bottom,
  };
  const plotHeight = plot.bottom - plot.top;
  const slot = (plot.right - plot.left) / points.length;
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = Math.max(1, Math.ceil(points.length / 12));
  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`OEE by ${series.bucket}`}
      >
        {[0, 0.5, 1].map((tick) => {
          const y = plot.bottom - tick * plotHeight;
          return (
            <g key={tick}>
              <line className="chart__guide" x1={plot.left} x2={plot.right} y1={y} y2={y} />
              <text className="chart__tick" x={plot.left - 6} y={y + 4} textAnchor="end">
                {tick * 100} %
              </text>
            </g>
          );
        })}
        {points.map((point, index) => {
          const x = plot.left + slot * index + (slot - barWidth) / 2;
          const value = point.oee === null ? null : Math.min(1, Math.max(0, point.oee));
          const height = value === null ? 0 : value * plotHeight;
          const label = formatBucketLabel(point.label, series.bucket);
          return (
            <g key={point.label} data-testid="oee-series-bar">
              {value === null ? null : (
                <rect
                  className="chart__bar chart__bar--oee"
                  x={x}
                  y={plot.bottom - height}
                  width={barWidth}
                  height={height}
                >
                  <title>{`${label}: OEE ${formatPercent(point.oee)}`}</title>
                </rect>
              )}
              {index % labelEvery === 0 ? (
                <text
                  className="chart__label"
                  x={x + barWidth / 2}
                  y={plot.bottom + 18}
                  textAnchor="middle"
                >
                  {label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
