import { useState } from 'react';
import { Link } from 'react-router';
import type { Handover } from '@ms5/contracts';
import { SelectField } from '@/components/ui/form-field';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { handoverHref } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useHandovers } from '@/features/handover/api/get-handovers';
import type { HandoverStatusFilter } from '@/features/handover/api/handover-query-keys';
import { formatShift } from '@/features/handover/utils/format';
import './handover.css';

export const HANDOVER_PAGE_SIZE = 20;

const STATUS_OPTIONS: { value: HandoverStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Not acknowledged' },
  { value: 'acknowledged', label: 'Acknowledged' },
];

function isStatusFilter(value: string): value is HandoverStatusFilter {
  return STATUS_OPTIONS.some((option) => option.value === value);
}

export interface LineChoice {
  id: string;
  code: string;
  name: string;
}

/** Past handovers, newest first, by acknowledgement and line. */
export function HandoverList({ lines }: { lines: readonly LineChoice[] }) {
  const [status, setStatus] = useState<HandoverStatusFilter>('all');
  const [lineId, setLineId] = useState('');
  const [page, setPage] = useState(1);
  const query = useHandovers({
    page,
    pageSize: HANDOVER_PAGE_SIZE,
    status,
    lineId: lineId === '' ? undefined : lineId,
  });

  return (
    <section className="card" aria-labelledby="past-handovers-title">
      <div className="toolbar">
        <h2 id="past-handovers-title">Past handovers</h2>
        <div className="toolbar__filters">
          <SelectField
            name="status"
            label="Filter by status"
            value={status}
            options={STATUS_OPTIONS}
            onChange={(event) => {
              if (isStatusFilter(event.target.value)) setStatus(event.target.value);
              setPage(1);
            }}
          />
          <SelectField
            name="lineId"
            label="Filter by line"
            value={lineId}
            options={[
              { value: '', label: 'All lines' },
              ...lines.map((line) => ({ value: line.id, label: `${line.name} (${line.code})` })),
            ]}
            onChange={(event) => {
              setLineId(event.target.value);
              setPage(1);
            }}
          />
        </div>
      </div>
      {query.isPending ? (
        <LoadingState label="Loading handovers…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load the handovers"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          <Table<Handover>
            caption="Past handovers"
            rows={query.data.items}
            rowKey={(handover) => handover.id}
            busy={query.isPlaceholderData}
            emptyMessage="No handovers match."
            columns={[
              { key: 'line', header: 'Line', cell: (handover) => handover.lineCode },
              {
                key: 'shift',
                header: 'Shift',
                cell: (handover) => (
                  <Link to={handoverHref(handover.id)}>
                    {formatShift(handover.shift, handover.from, handover.to)}
                  </Link>
                ),
              },
              {
                key: 'author',
                header: 'Handed over by',
                cell: (handover) => handover.createdBy.displayName,
              },
              {
                key: 'written',
                header: 'Written',
                cell: (handover) => formatDateTime(handover.createdAt),
              },
              {
                key: 'status',
                header: 'Acknowledged',
                cell: (handover) =>
                  handover.acknowledgedBy === null ? (
                    <span className="badge badge--muted">Waiting</span>
                  ) : (
                    <span className="badge badge--ok">
                      By {handover.acknowledgedBy.displayName}
                    </span>
                  ),
              },
            ]}
          />
          <Pagination
            page={query.data.page}
            totalPages={query.data.totalPages}
            total={query.data.total}
            onPageChange={setPage}
            disabled={query.isPlaceholderData}
            itemLabel="handovers"
          />
        </>
      )}
    </section>
  );
}
