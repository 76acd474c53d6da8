import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { usePermission } from '@/lib/authorization';
import { useWorkOrder } from '@/features/maintenance/api/get-work-order';
import { WorkOrderDetails } from '@/features/maintenance/components/work-order-details';
import { useWorkOrdersRealtime } from '@/features/maintenance/hooks/use-work-orders-realtime';
import { RequirePermission } from '@/app/routes/require-permission';

function WorkOrderScreen({ id }: { id: string }) {
  useWorkOrdersRealtime();
  const canExecute = usePermission('maintenance:execute');
  const query = useWorkOrder(id);
  const order = query.data;
  return (
    <div className="maintenance">
      <PageHeader
        title={order === undefined ? 'Work order' : order.title}
        description={order === undefined ? undefined : `${order.number} · ${order.equipmentName}`}
        actions={
          <Link
            className="button button--secondary"
            to={canExecute ? paths.myWorkOrders : paths.workOrderBoard}
          >
            {canExecute ? 'My work orders' : 'Maintenance board'}
          </Link>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading the work order…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load the work order"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <WorkOrderDetails order={query.data} />
      )}
    </div>
  );
}

/** `/maintenance/work-orders/:id`: one work order, worked step by step on a phone. */
export function WorkOrderPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission permission="maintenance:read">
      <WorkOrderScreen key={id} id={id} />
    </RequirePermission>
  );
}
