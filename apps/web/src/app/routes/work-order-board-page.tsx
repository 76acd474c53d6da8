import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { Authorization } from '@/lib/authorization';
import { WorkOrderBoard } from '@/features/maintenance/components/work-order-board';
import { ALL_ITEMS, useLines, usePlantList } from '@/features/plant/api/get-plant-list';
import { RequirePermission } from '@/app/routes/require-permission';

function Board() {
  const lines = useLines();
  const equipment = usePlantList('equipment', ALL_ITEMS);
  return <WorkOrderBoard lines={lines.data?.items ?? []} equipment={equipment.data?.items ?? []} />;
}

/** `/maintenance/board`: the planner's work-order board. */
export function WorkOrderBoardPage() {
  return (
    <RequirePermission permission="maintenance:read">
      <PageHeader
        title="Maintenance board"
        description="Work orders by status, most urgent first. Overdue ones are red."
        actions={
          <Authorization permission="maintenance:request">
            <Link className="button button--primary" to={paths.newWorkOrder}>
              New work order
            </Link>
          </Authorization>
        }
      />
      <Board />
    </RequirePermission>
  );
}
