import type { ReliabilityReport } from '@ms5/contracts';
import { Table, type TableColumn } from '@/components/ui/table';
import { formatDuration } from '@/lib/format';

type Row = ReliabilityReport['items'][number];

const seconds = (value: number | null) => (value === null ? '—' : formatDuration(value));

const COLUMNS: TableColumn<Row>[] = [
  {
    key: 'equipment',
    header: 'Equipment',
    cell: (row) => <span className="mono">{row.equipmentCode}</span>,
  },
  { key: 'failures', header: 'Failures', cell: (row) => row.failures, className: 'num' },
  { key: 'run', header: 'Run time', cell: (row) => seconds(row.runSeconds), className: 'num' },
  {
    key: 'down',
    header: 'Failure time',
    cell: (row) => seconds(row.failureSeconds),
    className: 'num',
  },
  { key: 'mtbf', header: 'MTBF', cell: (row) => seconds(row.mtbfSeconds), className: 'num' },
  { key: 'mttr', header: 'MTTR', cell: (row) => seconds(row.mttrSeconds), className: 'num' },
];

/** Mean time between failures and to repair, per equipment, from the real stops in the window. */
export function ReliabilityTable({ report }: { report: ReliabilityReport }) {
  return (
    <Table
      caption="MTBF and MTTR per equipment"
      columns={COLUMNS}
      rows={report.items}
      rowKey={(row) => row.equipmentId}
      emptyMessage="No equipment on this line."
    />
  );
}
