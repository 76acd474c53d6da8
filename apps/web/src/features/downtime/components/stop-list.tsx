import { useState } from 'react';
import { Link } from 'react-router';
import type { DowntimeReason, DowntimeStop } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableColumn } from '@/components/ui/table';
import { newWorkOrderHref } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { formatDateTime, formatDuration } from '@/lib/format';
import { useAssignDowntimeReason } from '@/features/downtime/api/assign-downtime-reason';
import type { DowntimeScope } from '@/features/downtime/api/downtime-query-keys';
import { useDowntimeStops } from '@/features/downtime/api/get-downtime-stops';
import { groupByCategory } from '@/features/downtime/utils/format';

const PAGE_SIZE = 20;

interface StopListProps {
  scope: DowntimeScope;
  reasons: readonly DowntimeReason[];
  /** With `downtime:assign-reason`: a reason picker per stop. */
  canAssign: boolean;
  /** With `maintenance:request`: a link per stop to a work order opened from it. */
  canRequestWork?: boolean;
}

function assignErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'The reason could not be saved.';
  const detail = error.fieldErrors.map((field) => field.message).join(' ');
  return detail === '' ? error.message : `${error.message}: ${detail}`;
}

/** The stops in the window, newest first, a page at a time; reasons can be given or corrected. */
export function StopList({ scope, reasons, canAssign, canRequestWork = false }: StopListProps) {
  const [page, setPage] = useState(1);
  const stopsQuery = useDowntimeStops({ ...scope, page, pageSize: PAGE_SIZE });
  const [error, setError] = useState<string | null>(null);
  const assign = useAssignDowntimeReason({
    mutationConfig: {
      onMutate: () => setError(null),
      onError: (failure) => setError(assignErrorMessage(failure)),
    },
  });
  const pendingKey = assign.isPending
    ? `${assign.variables.equipmentId}@${assign.variables.startedAt}`
    : null;
  const groups = groupByCategory(reasons);

  const columns: TableColumn<DowntimeStop>[] = [
    {
      key: 'equipment',
      header: 'Equipment',
      cell: (stop) => <span className="mono">{stop.equipmentCode}</span>,
    },
    {
      key: 'state',
      header: 'State',
      cell: (stop) => (
        <span className={`state-badge state-badge--${stop.state}`}>
          {stop.state === 'stopped' ? 'Stopped' : 'Idle'}
        </span>
      ),
    },
    { key: 'started', header: 'Started', cell: (stop) => formatDateTime(stop.startedAt) },
    {
      key: 'duration',
      header: 'Duration',
      className: 'num',
      cell: (stop) => (
        <>
          {formatDuration(stop.durationSeconds)}
          {stop.endedAt === null ? <span className="muted"> (ongoing)</span> : null}
          {stop.microStop ? <span className="muted"> micro-stop</span> : null}
        </>
      ),
    },
    {
      key: 'reason',
      header: 'Reason',
      cell: (stop) => {
        const label = `Reason for ${stop.equipmentCode} stop at ${formatDateTime(stop.startedAt)}`;
        if (!canAssign) return stop.reasonName ?? stop.reasonCode ?? 'No reason given';
        const key = `${stop.equipmentId}@${stop.startedAt}`;
        return (
          <label className="inline-select">
            <span className="visually-hidden">{label}</span>
            <select
              value={stop.reasonCode ?? ''}
              disabled={pendingKey === key}
              onChange={(event) => {
                if (event.target.value === '') return;
                assign.mutate({
                  equipmentId: stop.equipmentId,
                  startedAt: stop.startedAt,
                  reasonCode: event.target.value,
                });
              }}
            >
              <option value="">No reason given</option>
              {stop.reasonCode !== null && !reasons.some((r) => r.code === stop.reasonCode) ? (
                <option value={stop.reasonCode}>{stop.reasonName ?? stop.reasonCode}</option>
              ) : null}
              {groups.map((group) => (
                <optgroup key={group.category} label={group.category}>
                  {group.reasons.map((reason) => (
                    <option key={reason.id} value={reason.code}>
                      {reason.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        );
      },
    },
    {
      key: 'source',
      header: 'Given by',
      cell: (stop) =>
        stop.reasonSource === 'operator'
          ? 'Operator'
          : stop.reasonSource === 'machine'
            ? 'Machine'
            : '—',
    },
  ];
  if (canRequestWork) {
    columns.push({
      key: 'work-order',
      header: 'Maintenance',
      cell: (stop) =>
        stop.downtimeEventId === undefined ? null : (
          <Link
            className="button button--secondary"
            aria-label={`Open a work order for the ${stop.equipmentCode} stop at ${formatDateTime(stop.startedAt)}`}
            to={newWorkOrderHref({
              equipmentId: stop.equipmentId,
              downtimeEventId: stop.downtimeEventId,
              title: `${stop.reasonName ?? 'Stop'} on ${stop.equipmentCode}`,
            })}
          >
            Work order
          </Link>
        ),
    });
  }

  return (
    <>
      {error !== null ? <Alert tone="error">{error}</Alert> : null}
      {stopsQuery.isPending ? (
        <LoadingState label="Loading stops…" />
      ) : stopsQuery.isError ? (
        <ErrorState
          title="Could not load the stops"
          error={stopsQuery.error}
          onRetry={() => void stopsQuery.refetch()}
        />
      ) : (
        <>
          <Table
            caption="Stops"
            columns={columns}
            rows={stopsQuery.data.items}
            rowKey={(stop) => `${stop.equipmentId}@${stop.startedAt}`}
            emptyMessage="No stops in this period."
            busy={stopsQuery.isFetching}
          />
          <Pagination
            page={stopsQuery.data.page}
            totalPages={stopsQuery.data.totalPages}
            total={stopsQuery.data.total}
            itemLabel={stopsQuery.data.total === 1 ? 'stop' : 'stops'}
            disabled={stopsQuery.isPlaceholderData}
            onPageChange={setPage}
          />
        </>
      )}
    </>
  );
}
