import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { UnassignedStopsQueue } from '@/features/downtime/components/unassigned-stops-queue';
import { useDowntimeReasons, useLines } from '@/features/plant/api/get-plant-list';
import { rememberValue, storedValue } from '@/lib/remembered-value';
import { RequirePermission } from '@/app/routes/require-permission';

/** The tablet remembers its line, so the operator picks it once. */
export const OPERATOR_LINE_KEY = 'ms5.operator.lineId';

function storedLine(): string | null {
  return storedValue(OPERATOR_LINE_KEY);
}

function rememberLine(lineId: string | null) {
  rememberValue(OPERATOR_LINE_KEY, lineId);
}

/** `/operator/stops?lineId=`: "why did it stop?" on the line's tablet. */
export function OperatorStopsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const fromAddress = searchParams.get('lineId');
  const lineId = fromAddress ?? storedLine();
  const linesQuery = useLines();
  const reasonsQuery = useDowntimeReasons();
  const line = linesQuery.data?.items.find((item) => item.id === lineId);

  useEffect(() => {
    if (fromAddress !== null) rememberLine(fromAddress);
    else if (lineId !== null) setSearchParams({ lineId }, { replace: true });
  }, [fromAddress, lineId, setSearchParams]);

  function chooseLine(next: string | null) {
    rememberLine(next);
    setSearchParams(next === null ? {} : { lineId: next });
  }

  return (
    <RequirePermission permission="downtime:assign-reason">
      <div className="operator">
        <PageHeader
          title={line === undefined ? 'Why did it stop?' : `Why did ${line.name} stop?`}
          description={
            line === undefined
              ? 'Choose the line this tablet belongs to.'
              : 'Tap the reason for each stop of the last 24 hours.'
          }
          actions={
            line !== undefined ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => chooseLine(null)}
              >
                Change line
              </button>
            ) : undefined
          }
        />
        {linesQuery.isPending ? (
          <LoadingState label="Loading lines…" />
        ) : linesQuery.isError ? (
          <ErrorState
            title="Could not load the lines"
            error={linesQuery.error}
            onRetry={() => void linesQuery.refetch()}
          />
        ) : line === undefined ? (
          <div className="line-picker" role="group" aria-label="Lines">
            {linesQuery.data.items.length === 0 ? <p>No lines are set up yet.</p> : null}
            {linesQuery.data.items.map((item) => (
              <button
                key={item.id}
                type="button"
                className="line-picker__option"
                onClick={() => chooseLine(item.id)}
              >
                <span className="line-picker__name">{item.name}</span>
                <span className="mono">{item.code}</span>
              </button>
            ))}
          </div>
        ) : reasonsQuery.isPending ? (
          <LoadingState label="Loading reasons…" />
        ) : reasonsQuery.isError ? (
          <ErrorState
            title="Could not load the downtime reasons"
            error={reasonsQuery.error}
            onRetry={() => void reasonsQuery.refetch()}
          />
        ) : (
          <UnassignedStopsQueue lineId={line.id} reasons={reasonsQuery.data.items} />
        )}
      </div>
    </RequirePermission>
  );
}
