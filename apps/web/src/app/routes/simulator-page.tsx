import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { SimulatorPanel } from '@/features/simulator/components/simulator-panel';
import { SimulatorRunsTable } from '@/features/simulator/components/simulator-runs-table';
import { RequirePermission } from '@/app/routes/require-permission';

const PAGE_SIZE = 20;

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export function SimulatorPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFrom(searchParams.get('page'));
  return (
    <RequirePermission permission="simulator:read">
      <PageHeader
        title="Line simulator"
        description="A simulated plant at work: machine events and andon calls sent through the public API, like any gateway."
      />
      <SimulatorPanel />
      <h2>Runs</h2>
      <SimulatorRunsTable
        filters={{ page, pageSize: PAGE_SIZE }}
        onPageChange={(next) => setSearchParams(next > 1 ? { page: String(next) } : {})}
      />
    </RequirePermission>
  );
}
