import { useId, useState } from 'react';
import type { OeeReport } from '@ms5/contracts';
import { formatDuration, formatPercent } from '@/lib/format';

/** OEE and its three factors as big cards, each able to say how it was computed. */
export function OeeKpiCards({ report }: { report: OeeReport }) {
  const [explain, setExplain] = useState(false);
  const explanationId = useId();
  const cards = [
    { key: 'oee', label: 'OEE', value: report.oee, why: report.explanation.oee },
    {
      key: 'availability',
      label: 'Availability',
      value: report.availability,
      why: report.explanation.availability,
    },
    {
      key: 'performance',
      label: 'Performance',
      value: report.performance,
      why: report.explanation.performance,
    },
    { key: 'quality', label: 'Quality', value: report.quality, why: report.explanation.quality },
  ] as const;
  return (
    <section className="kpi-section" aria-label="OEE figures">
      <div className="kpi-cards">
        {cards.map((card) => (
          <div key={card.key} className={`kpi-card kpi-card--${card.key}`}>
            <span className="kpi-card__label">{card.label}</span>
            <span className="kpi-card__value">{formatPercent(card.value)}</span>
            {card.key === 'performance' && report.flags.performanceAboveOne ? (
              <span className="kpi-card__flag">Above 100 %: check the ideal cycle time</span>
            ) : null}
            {explain ? <p className="kpi-card__why">{card.why}</p> : null}
          </div>
        ))}
      </div>
      <div className="kpi-section__footer">
        <span className="muted">
          Planned production {formatDuration(report.plannedProductionSeconds)} · good{' '}
          {report.goodCount.toLocaleString()} · reject {report.rejectCount.toLocaleString()}
        </span>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={explain}
          aria-controls={explanationId}
          onClick={() => setExplain((open) => !open)}
        >
          {explain ? 'Hide the calculation' : 'How is this computed?'}
        </button>
      </div>
      <div id={explanationId} hidden={!explain} className="kpi-explanation">
        <p>{report.explanation.plannedProduction}</p>
        {report.flags.hasUnknownTime ? (
          <p className="muted">Part of the time has no machine data; it is shown as “No data”.</p>
        ) : null}
        {report.flags.countsOutsidePlannedTime > 0 ? (
          <p className="muted">
            {report.flags.countsOutsidePlannedTime.toLocaleString()} of the parts were made outside
            planned production time (a break, a planned stop or after the shift); they are counted.
          </p>
        ) : null}
      </div>
    </section>
  );
}
