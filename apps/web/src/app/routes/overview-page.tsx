import { PageHeader } from '@/components/ui/page-header';
import { Authorization } from '@/lib/authorization';
import { MaintenanceSummaryCard } from '@/features/maintenance/components/maintenance-summary-card';
import { OverviewBoard } from '@/features/oee/components/overview-board';
import { RequirePermission } from '@/app/routes/require-permission';

/** The plant at a glance, for desks and wall screens; the maintenance card with `maintenance:read`. */
export function OverviewPage() {
  return (
    <RequirePermission permission="oee:read">
      <div className="overview">
        <PageHeader
          title="Plant overview"
          description="Every line's OEE this shift, and what each machine is doing now."
        />
        <OverviewBoard />
        <Authorization permission="maintenance:read">
          <MaintenanceSummaryCard />
        </Authorization>
      </div>
    </RequirePermission>
  );
}
