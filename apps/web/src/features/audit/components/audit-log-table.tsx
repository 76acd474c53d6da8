import type { AuditEntry } from '@ms5/contracts';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableColumn } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { useAuditLog } from '@/features/audit/api/get-audit-log';
import type { AuditLogFilters } from '@/features/audit/api/audit-query-keys';

const HIDDEN_KEYS = new Set(['password', 'passwordHash', 'updatedAt', 'createdAt']);

/** "role: operator → shift_manager, disabled: false → true" from the before / after snapshots. */
export function describeChange(entry: Pick<AuditEntry, 'before' | 'after'>): string {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !HIDDEN_KEYS.has(key),
  );
  const parts: string[] = [];
  for (const key of keys) {
    const was = JSON.stringify(before[key]);
    const now = JSON.stringify(after[key]);
    if (was === now) continue;
    if (entry.before === null) parts.push(`${key}: ${now}`);
    else if (entry.after === null) parts.push(`${key}: ${was} (removed)`);
    else parts.push(`${key}: ${was ?? '—'} → ${now ?? '—'}`);
  }
  return parts.length === 0 ? '—' : parts.join(', ');
}

const columns: TableColumn<AuditEntry>[] = [
  { key: 'at', header: 'When', cell: (entry) => formatDateTime(entry.at) },
  { key: 'actor', header: 'Who', cell: (entry) => entry.actorUsername ?? 'system' },
  {
    key: 'action',
    header: 'Action',
    cell: (entry) => <span className="mono">{entry.action}</span>,
  },
  {
    key: 'entity',
    header: 'Subject',
    cell: (entry) =>
      entry.entityId === null
        ? entry.entityType
        : `${entry.entityType} ${entry.entityId.slice(0, 8)}`,
  },
  {
    key: 'change',
    header: 'Change',
    cell: (entry) => <span className="audit-change">{describeChange(entry)}</span>,
  },
];

interface AuditLogTableProps {
  filters: AuditLogFilters;
  onPageChange: (page: number) => void;
}

export function AuditLogTable({ filters, onPageChange }: AuditLogTableProps) {
  const auditQuery = useAuditLog(filters);
  if (auditQuery.isPending) return <LoadingState label="Loading the audit log…" />;
  if (auditQuery.isError) {
    return (
      <ErrorState
        title="Could not load the audit log"
        error={auditQuery.error}
        onRetry={() => void auditQuery.refetch()}
      />
    );
  }
  const page = auditQuery.data;
  return (
    <section className="card">
      <Table
        caption="Audit log"
        columns={columns}
        rows={page.items}
        rowKey={(entry) => entry.id}
        emptyMessage="Nothing recorded yet."
        busy={auditQuery.isFetching}
      />
      <Pagination
        page={page.page}
        totalPages={page.totalPages}
        total={page.total}
        itemLabel={page.total === 1 ? 'entry' : 'entries'}
        disabled={auditQuery.isPlaceholderData}
        onPageChange={onPageChange}
      />
    </section>
  );
}
