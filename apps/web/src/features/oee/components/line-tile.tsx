import { Link } from 'react-router';
import type { Overview } from '@ms5/contracts';
import { lineHref } from '@/config/paths';
import { EquipmentTile } from '@/features/oee/components/equipment-tile';
import { formatPercent } from '@/lib/format';

export type OverviewLine = Overview['lines'][number];

/** One line on the board: current window, OEE with A / P / Q, counts, and its machines. */
export function LineTile({ line, now }: { line: OverviewLine; now: number }) {
  const titleId = `line-${line.id}`;
  const factors = [
    ['A', 'Availability', line.oee.availability],
    ['P', 'Performance', line.oee.performance],
    ['Q', 'Quality', line.oee.quality],
  ] as const;
  return (
    <section className="line-tile" aria-labelledby={titleId}>
      <header className="line-tile__header">
        <h2 id={titleId} className="line-tile__name">
          <Link to={lineHref(line.id)}>{line.name}</Link>
        </h2>
        <span className="line-tile__window">{line.window.label}</span>
      </header>
      <div className="line-tile__kpis">
        <div className="line-tile__oee">
          <span className="line-tile__oee-label">OEE</span>
          <span className="line-tile__oee-value">{formatPercent(line.oee.oee)}</span>
        </div>
        <dl className="line-tile__factors">
          {factors.map(([short, long, value]) => (
            <div key={short}>
              <dt title={long}>{short}</dt>
              <dd>
                {formatPercent(value)}
                {short === 'P' && line.oee.performanceAboveOne ? (
                  <span
                    className="flag"
                    title="Performance above 100 %: check the ideal cycle time"
                  >
                    {' '}
                    ▲
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
          <div>
            <dt>Good</dt>
            <dd>{line.oee.goodCount.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Reject</dt>
            <dd>{line.oee.rejectCount.toLocaleString()}</dd>
          </div>
        </dl>
      </div>
      {line.equipment.length === 0 ? (
        <p className="line-tile__empty">No equipment on this line yet.</p>
      ) : (
        <ul className="line-tile__equipment" aria-label={`${line.name} equipment`}>
          {line.equipment.map((equipment) => (
            <EquipmentTile key={equipment.id} equipment={equipment} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
