import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { lineHref, paths } from '@/config/paths';
import { useEquipmentItem } from '@/features/plant/api/get-plant-item';
import { RequirePermission } from '@/app/routes/require-permission';
import { DrillDown } from '@/app/routes/line-detail-page';

/** `/equipment/:id`: one machine's OEE, losses and stops over a chosen period. */
export function EquipmentDetailPage() {
  const { id = '' } = useParams();
  const equipmentQuery = useEquipmentItem(id);
  const equipment = equipmentQuery.data;
  return (
    <RequirePermission permission="oee:read">
      <PageHeader
        title={equipment?.name ?? 'Equipment'}
        description={equipment === undefined ? undefined : `Equipment ${equipment.code}`}
        actions={
          <>
            {equipment !== undefined ? (
              <Link className="button button--secondary" to={lineHref(equipment.lineId)}>
                Its line
              </Link>
            ) : null}
            <Link className="button button--secondary" to={paths.overview}>
              Plant overview
            </Link>
          </>
        }
      />
      {equipmentQuery.isPending ? (
        <LoadingState label="Loading the equipment…" />
      ) : equipmentQuery.isError ? (
        <ErrorState title="Could not load this equipment" error={equipmentQuery.error} />
      ) : (
        <DrillDown
          scope={{ equipmentId: id }}
          lineId={equipmentQuery.data.lineId}
          withReliability={false}
        />
      )}
    </RequirePermission>
  );
}
