import type { SimulatorRun } from '@ms5/contracts';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableColumn } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { useSimulatorRuns } from '@/features/simulator/api/get-simulator-runs';
import type { SimulatorRunFilters } from '@/features/simulator/api/simulator-query-keys';

const columns: TableColumn<SimulatorRun>[] = [
  { key: 'startedAt', header: 'Started', cell: (run) => formatDateTime(run.startedAt) },
  {
    key: 'stoppedAt',
    header: 'Stopped',
    cell: (run) => (run.stoppedAt === null ? run.status : formatDateTime(run.stoppedAt)),
  },
  { key: 'by', header: 'Started by', cell: (run) => run.startedBy?.username ?? 'system' },
  { key: 'seed', header: 'Seed', cell: (run) => <span className="mono">{run.seed}</span> },
  { key: 'speed', header: 'Speed', cell: (run) => `${run.speed}×` },
  {
    key: 'lines',
    header: 'Lines',
    cell: (run) => (run.lineIds.length === 0 ? 'all' : String(run.lineIds.length)),
  },
  { key: 'events', header: 'Events sent', cell: (run) => run.eventsSent.toLocaleString() },
  { key: 'andon', header: 'Andon calls', cell: (run) => run.andonCalls.toLocaleString() },
];

interface SimulatorRunsTableProps {
  filters: SimulatorRunFilters;
  onPageChange: (page: number) => void;
}

/** The history of simulator runs, newest first. */
export function SimulatorRunsTable({ filters, onPageChange }: SimulatorRunsTableProps) {
  const runsQuery = useSimulatorRuns(filters);
  if (runsQuery.isPending) return <LoadingState label="Loading the runs…" />;
  if (runsQuery.isError) {
    return (
      <ErrorState
        title="Could not load the runs"
        error={runsQuery.error}
        onRetry={() => void runsQuery.refetch()}
      />
    );
  }
  const page = runsQuery.data;
  return (
    <section className="card">
      <Table
        caption="Simulator runs"
        columns={columns}
        rows={page.items}
        rowKey={(run) => run.id}
        emptyMessage="The simulator has not run yet."
        busy={runsQuery.isFetching}
      />
      <Pagination
        page={page.page}
        totalPages={page.totalPages}
        total={page.total}
        itemLabel={page.total === 1 ? 'run' : 'runs'}
        disabled={runsQuery.isPlaceholderData}
        onPageChange={onPageChange}
      />
    </section>
  );
}
