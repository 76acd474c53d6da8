import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { workOrderHref } from '@/config/paths';
import { WorkOrderForm } from '@/features/maintenance/components/work-order-form';
import { ALL_ITEMS, usePlantList } from '@/features/plant/api/get-plant-list';
import { RequirePermission } from '@/app/routes/require-permission';

function NewWorkOrder() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const equipment = usePlantList('equipment', ALL_ITEMS);
  const param = (name: string) => search.get(name) ?? undefined;
  // The form waits for the equipment: its choice (from an andon call) must be there to show.
  if (equipment.isPending) return <LoadingState label="Loading the equipment…" />;
  if (equipment.isError) {
    return (
      <ErrorState
        title="Could not load the equipment"
        error={equipment.error}
        onRetry={() => void equipment.refetch()}
      />
    );
  }
  return (
    <WorkOrderForm
      equipment={equipment.data.items}
      defaults={{
        equipmentId: param('equipmentId'),
        andonCallId: param('andonCallId'),
        downtimeEventId: param('downtimeEventId'),
        priority: param('priority'),
        title: param('title'),
      }}
      onCreated={(order) => void navigate(workOrderHref(order.id))}
    />
  );
}

/**
 * `/maintenance/work-orders/new?equipmentId&andonCallId&downtimeEventId&priority&title`: a request for corrective
 * work (operators too), or planned work for planners; opened from an andon call or a stop it carries it.
 */
export function NewWorkOrderPage() {
  return (
    <RequirePermission permission="maintenance:request">
      <div className="maintenance">
        <PageHeader
          title="New work order"
          description="Say which machine and what is wrong; maintenance takes it from there."
        />
        <NewWorkOrder />
      </div>
    </RequirePermission>
  );
}
