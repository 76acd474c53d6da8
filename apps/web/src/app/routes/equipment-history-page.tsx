import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { equipmentHref, paths } from '@/config/paths';
import { Authorization } from '@/lib/authorization';
import { EquipmentHistory } from '@/features/maintenance/components/equipment-history';
import { useEquipmentItem } from '@/features/plant/api/get-plant-item';
import { RequirePermission } from '@/app/routes/require-permission';

function Header({ id }: { id: string }) {
  const equipment = useEquipmentItem(id).data;
  return (
    <PageHeader
      title={equipment === undefined ? 'Equipment history' : `${equipment.name} · history`}
      description="Its stops, andon calls and work orders, newest first, with the maintenance KPIs."
      actions={
        <>
          <Authorization permission="oee:read">
            <Link className="button button--secondary" to={equipmentHref(id)}>
              OEE and losses
            </Link>
          </Authorization>
          <Link className="button button--secondary" to={paths.workOrderBoard}>
            Maintenance board
          </Link>
        </>
      }
    />
  );
}

/** `/maintenance/equipment/:id`: one machine's maintenance history and KPIs. */
export function EquipmentHistoryPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission permission="maintenance:read">
      <Header id={id} />
      <EquipmentHistory key={id} equipmentId={id} />
    </RequirePermission>
  );
}
