import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { equipmentHref, paths } from '@/config/paths';
import { usePermission } from '@/lib/authorization';
import { useDowntimePareto } from '@/features/downtime/api/get-downtime-pareto';
import { useReliability } from '@/features/downtime/api/get-reliability';
import { DowntimeParetoChart } from '@/features/downtime/components/downtime-pareto-chart';
import { ReliabilityTable } from '@/features/downtime/components/reliability-table';
import { StopList } from '@/features/downtime/components/stop-list';
import { useOverview } from '@/features/oee/api/get-overview';
import { useOeeReport } from '@/features/oee/api/get-oee-report';
import { useOeeSeries } from '@/features/oee/api/get-oee-series';
import { LossWaterfallChart } from '@/features/oee/components/loss-waterfall-chart';
import { OeeKpiCards } from '@/features/oee/components/oee-kpi-cards';
import { OeeSeriesChart } from '@/features/oee/components/oee-series-chart';
import { RangePicker } from '@/features/oee/components/range-picker';
import { STATE_STYLES } from '@/features/oee/utils/format';
import {
  type RangePreset,
  type TimeRange,
  browserTimeZone,
  bucketFor,
  isRangePreset,
  rangeFor,
} from '@/features/oee/utils/oee-range';
import { useLine } from '@/features/plant/api/get-plant-item';
import { useDowntimeReasons } from '@/features/plant/api/get-plant-list';
import { RequirePermission } from '@/app/routes/require-permission';

export interface Scope {
  lineId?: string | undefined;
  equipmentId?: string | undefined;
}

/**
 * The period in the address (`?range=shift|today|week`), and the window it stands for. The
 * current shift comes from the overview's window for the line; "now" is taken when the period is
 * chosen, so the queries keep their keys until the user picks again.
 */
export function useDrillDownRange(lineId: string | undefined) {
  const [searchParams, setSearchParams] = useSearchParams();
  const param = searchParams.get('range');
  const preset: RangePreset = isRangePreset(param) ? param : 'shift';
  const [now, setNow] = useState(() => Date.now());
  const overviewQuery = useOverview(lineId, { enabled: lineId !== undefined });
  const line = overviewQuery.data?.lines.find((item) => item.id === lineId);
  const range = rangeFor(preset, now, line?.window);
  function choose(next: RangePreset) {
    setNow(Date.now());
    setSearchParams(next === 'shift' ? {} : { range: next }, { replace: true });
  }
  return {
    preset,
    range,
    choose,
    shiftLabel: line?.window.label,
    overviewLine: line,
    waiting: preset === 'shift' && range === undefined && !overviewQuery.isError,
    overviewError: overviewQuery.isError ? overviewQuery.error : null,
  };
}

function OeeSections({ scope, range }: { scope: Scope; range: TimeRange }) {
  const reportQuery = useOeeReport({ ...scope, ...range });
  const bucket = bucketFor(range);
  const seriesQuery = useOeeSeries({ ...scope, ...range, bucket, timezone: browserTimeZone() });
  return (
    <>
      {reportQuery.isPending ? (
        <LoadingState label="Computing OEE…" />
      ) : reportQuery.isError ? (
        <ErrorState
          title="Could not compute OEE"
          error={reportQuery.error}
          onRetry={() => void reportQuery.refetch()}
        />
      ) : (
        <OeeKpiCards report={reportQuery.data} />
      )}
      <div className="grid">
        <section className="card" aria-labelledby="oee-series-title">
          <h2 id="oee-series-title">OEE by {bucket}</h2>
          {seriesQuery.isPending ? (
            <LoadingState />
          ) : seriesQuery.isError ? (
            <ErrorState error={seriesQuery.error} onRetry={() => void seriesQuery.refetch()} />
          ) : (
            <OeeSeriesChart series={seriesQuery.data} />
          )}
        </section>
        <section className="card" aria-labelledby="waterfall-title">
          <h2 id="waterfall-title">Where the time went</h2>
          {reportQuery.isSuccess ? (
            <LossWaterfallChart report={reportQuery.data} />
          ) : (
            <LoadingState />
          )}
        </section>
      </div>
    </>
  );
}

function DowntimeSections({
  scope,
  range,
  withReliability,
}: {
  scope: Scope;
  range: TimeRange;
  withReliability: boolean;
}) {
  const canAssign = usePermission('downtime:assign-reason');
  const canRequestWork = usePermission('maintenance:request');
  const paretoQuery = useDowntimePareto({ ...scope, ...range });
  const reasons = useDowntimeReasons().data?.items ?? [];
  return (
    <>
      <section className="card" aria-labelledby="pareto-title">
        <h2 id="pareto-title">Downtime Pareto</h2>
        {paretoQuery.isPending ? (
          <LoadingState />
        ) : paretoQuery.isError ? (
          <ErrorState error={paretoQuery.error} onRetry={() => void paretoQuery.refetch()} />
        ) : (
          <DowntimeParetoChart pareto={paretoQuery.data} />
        )}
      </section>
      <section className="card" aria-labelledby="stops-title">
        <h2 id="stops-title">Stops</h2>
        <StopList
          key={`${range.from}-${range.to}`}
          scope={{ ...scope, ...range }}
          reasons={reasons}
          canAssign={canAssign}
          canRequestWork={canRequestWork}
        />
      </section>
      {withReliability ? <ReliabilitySection scope={scope} range={range} /> : null}
    </>
  );
}

function ReliabilitySection({ scope, range }: { scope: Scope; range: TimeRange }) {
  const reliabilityQuery = useReliability({ ...scope, ...range });
  return (
    <section className="card" aria-labelledby="reliability-title">
      <h2 id="reliability-title">MTBF and MTTR</h2>
      {reliabilityQuery.isPending ? (
        <LoadingState />
      ) : reliabilityQuery.isError ? (
        <ErrorState
          error={reliabilityQuery.error}
          onRetry={() => void reliabilityQuery.refetch()}
        />
      ) : (
        <ReliabilityTable report={reliabilityQuery.data} />
      )}
    </section>
  );
}

/** Everything below the title of a line's or a machine's page. */
export function DrillDown({
  scope,
  lineId,
  withReliability,
}: {
  scope: Scope;
  lineId: string | undefined;
  withReliability: boolean;
}) {
  const { preset, range, choose, shiftLabel, waiting, overviewError, overviewLine } =
    useDrillDownRange(lineId);
  return (
    <>
      <RangePicker value={preset} onChange={choose} range={range} shiftLabel={shiftLabel} />
      {withReliability && overviewLine !== undefined && overviewLine.equipment.length > 0 ? (
        <nav className="equipment-links" aria-label="Equipment of this line">
          {overviewLine.equipment.map((item) => (
            <Link
              key={item.id}
              to={equipmentHref(item.id)}
              className="equipment-link"
              style={{
                borderColor: STATE_STYLES[item.state].background,
              }}
            >
              <span
                className="equipment-link__dot"
                style={{ background: STATE_STYLES[item.state].background }}
                aria-hidden="true"
              />
              {item.name} · {STATE_STYLES[item.state].label}
            </Link>
          ))}
        </nav>
      ) : null}
      {range === undefined ? (
        waiting ? (
          <LoadingState label="Finding the current shift…" />
        ) : (
          <ErrorState title="Could not find the current shift" error={overviewError} />
        )
      ) : (
        <>
          <OeeSections scope={scope} range={range} />
          <DowntimeSections scope={scope} range={range} withReliability={withReliability} />
        </>
      )}
    </>
  );
}

/** `/lines/:id`: a line's OEE, losses, stops and reliability over a chosen period. */
export function LineDetailPage() {
  const { id = '' } = useParams();
  const lineQuery = useLine(id);
  return (
    <RequirePermission permission="oee:read">
      <PageHeader
        title={lineQuery.data?.name ?? 'Line'}
        description={lineQuery.data === undefined ? undefined : `Line ${lineQuery.data.code}`}
        actions={
          <Link className="button button--secondary" to={paths.overview}>
            Plant overview
          </Link>
        }
      />
      {lineQuery.isError ? (
        <ErrorState title="Could not load this line" error={lineQuery.error} />
      ) : (
        <DrillDown scope={{ lineId: id }} lineId={id} withReliability />
      )}
    </RequirePermission>
  );
}
