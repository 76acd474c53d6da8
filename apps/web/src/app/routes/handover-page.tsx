import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { SelectField } from '@/components/ui/form-field';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { handoverHref, paths } from '@/config/paths';
import { usePermission } from '@/lib/authorization';
import type { HandoverOccurrence } from '@/features/handover/api/handover-query-keys';
import { HandoverDetail } from '@/features/handover/components/handover-detail';
import { HandoverDraftPanel } from '@/features/handover/components/handover-draft-panel';
import { HandoverList } from '@/features/handover/components/handover-list';
import { useHandoverRealtime } from '@/features/handover/hooks/use-handover-realtime';
import { ShiftOccurrencePicker } from '@/features/hour-by-hour/components/shift-occurrence-picker';
import { getPlantListQueryOptions, useLines } from '@/features/plant/api/get-plant-list';
import { rememberValue, storedValue } from '@/lib/remembered-value';
import { RequirePermission } from '@/app/routes/require-permission';

/** The manager's desk remembers the line it hands over. */
export const HANDOVER_LINE_KEY = 'ms5.handover.lineId';

function storedLine(): string | null {
  return storedValue(HANDOVER_LINE_KEY);
}

function rememberLine(lineId: string | null) {
  rememberValue(HANDOVER_LINE_KEY, lineId);
}

function DraftSection({
  lineId,
  occurrence,
}: {
  lineId: string;
  occurrence: HandoverOccurrence | null;
}) {
  const navigate = useNavigate();
  const canWrite = usePermission('handover:write');
  return (
    <HandoverDraftPanel
      key={`${lineId}:${occurrence?.shiftId ?? 'latest'}:${occurrence?.date ?? ''}`}
      lineId={lineId}
      occurrence={occurrence}
      canWrite={canWrite}
      onCreated={(handover) => void navigate(handoverHref(handover.id))}
    />
  );
}

/** `/handover?lineId&shiftId&date`: sum up a shift and hand it over; past handovers below. */
function HandoverScreen() {
  useHandoverRealtime();
  const [searchParams, setSearchParams] = useSearchParams();
  const fromAddress = searchParams.get('lineId');
  const lineId = fromAddress ?? storedLine();
  const shiftId = searchParams.get('shiftId');
  const date = searchParams.get('date');
  const occurrence: HandoverOccurrence | null =
    shiftId !== null && date !== null ? { shiftId, date } : null;
  const linesQuery = useLines();
  const lines = linesQuery.data?.items ?? [];
  const shiftsQuery = useQuery({
    ...getPlantListQueryOptions('shifts', { page: 1, pageSize: 200, lineId: lineId ?? undefined }),
    enabled: lineId !== null,
  });
  const line = lines.find((item) => item.id === lineId);

  useEffect(() => {
    if (fromAddress !== null) rememberLine(fromAddress);
    else if (lineId !== null) setSearchParams({ lineId }, { replace: true });
  }, [fromAddress, lineId, setSearchParams]);

  function chooseLine(next: string) {
    rememberLine(next === '' ? null : next);
    setSearchParams(next === '' ? {} : { lineId: next }, { replace: true });
  }

  function chooseOccurrence(next: HandoverOccurrence | null) {
    if (lineId === null) return;
    setSearchParams(
      next === null ? { lineId } : { lineId, shiftId: next.shiftId, date: next.date },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader
        title="Shift handover"
        description="Sum up the shift for the incoming manager, who acknowledges it."
      />
      <section className="card" aria-labelledby="handover-choose-title">
        <h2 id="handover-choose-title">Which shift</h2>
        {linesQuery.isPending ? (
          <LoadingState label="Loading lines…" />
        ) : linesQuery.isError ? (
          <ErrorState
            title="Could not load the lines"
            error={linesQuery.error}
            onRetry={() => void linesQuery.refetch()}
          />
        ) : (
          <div className="handover-picker">
            <SelectField
              name="handoverLine"
              label="Line"
              value={line?.id ?? ''}
              options={[
                { value: '', label: lines.length === 0 ? 'No lines set up' : 'Choose a line' },
                ...lines.map((item) => ({ value: item.id, label: `${item.name} (${item.code})` })),
              ]}
              onChange={(event) => chooseLine(event.target.value)}
            />
            {line !== undefined ? (
              <ShiftOccurrencePicker
                shifts={shiftsQuery.data?.items ?? []}
                value={occurrence}
                onChange={chooseOccurrence}
                defaultLabel="Shift ending now"
              />
            ) : null}
          </div>
        )}
      </section>
      {line !== undefined ? <DraftSection lineId={line.id} occurrence={occurrence} /> : null}
      <HandoverList lines={lines} />
    </>
  );
}

/** `/handover`: for `handover:write` to write, readable with `handover:read`. */
export function HandoverPage() {
  return (
    <RequirePermission permission="handover:read">
      <HandoverScreen />
    </RequirePermission>
  );
}

function HandoverDetailScreen({ id }: { id: string }) {
  useHandoverRealtime();
  return <HandoverDetail id={id} />;
}

/** `/handover/:id`: a written handover, and its acknowledgement by the incoming manager. */
export function HandoverDetailPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission permission="handover:read">
      <PageHeader
        title="Shift handover"
        actions={
          <Link className="button button--secondary" to={paths.handover}>
            All handovers
          </Link>
        }
      />
      <HandoverDetailScreen key={id} id={id} />
    </RequirePermission>
  );
}
