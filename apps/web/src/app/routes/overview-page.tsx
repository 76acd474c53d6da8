import { PageHeader } from '@/components/ui/page-header';
import { OverviewBoard } from '@/features/oee/components/overview-board';
import { RequirePermission } from '@/app/routes/require-permission';

/** The plant at a glance, for desks and wall screens. */
export function OverviewPage() {
  return (
    <RequirePermission permission="oee:read">
      <div className="overview">
        <PageHeader
          title="Plant overview"
          description="Every line's OEE this shift, and what each machine is doing now."
        />
        <OverviewBoard />
      </div>
    </RequirePermission>
  );
}
