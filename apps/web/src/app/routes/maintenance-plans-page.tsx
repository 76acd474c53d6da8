import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { MaintenancePlanList } from '@/features/maintenance/components/maintenance-plan-list';
import { ALL_ITEMS, useLines, usePlantList } from '@/features/plant/api/get-plant-list';
import { RequirePermission } from '@/app/routes/require-permission';

function Plans() {
  const lines = useLines();
  const equipment = usePlantList('equipment', ALL_ITEMS);
  return (
    <MaintenancePlanList lines={lines.data?.items ?? []} equipment={equipment.data?.items ?? []} />
  );
}

/** `/maintenance/plans`: the preventive plans with their meters and next due; planners edit them. */
export function MaintenancePlansPage() {
  return (
    <RequirePermission permission="maintenance:read">
      <PageHeader
        title="Preventive plans"
        description="What each machine is due for: by the calendar, running hours or parts made."
        actions={
          <Link className="button button--secondary" to={paths.workOrderBoard}>
            Maintenance board
          </Link>
        }
      />
      <Plans />
    </RequirePermission>
  );
}
