import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { MyWorkOrdersList } from '@/features/maintenance/components/my-work-orders-list';
import { RequirePermission } from '@/app/routes/require-permission';

/** `/maintenance/my-work-orders`: the technician's work on a phone. */
export function MyWorkOrdersPage() {
  return (
    <RequirePermission permission="maintenance:execute">
      <div className="maintenance">
        <PageHeader
          title="My work orders"
          description="Most urgent first. Tap one to start it, log labour and parts, and complete it."
          actions={
            <Link className="button button--secondary" to={paths.newWorkOrder}>
              Request work
            </Link>
          }
        />
        <MyWorkOrdersList />
      </div>
    </RequirePermission>
  );
}
