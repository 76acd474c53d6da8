import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { equipmentHistoryHref, paths } from '@/config/paths';
import { formatDuration } from '@/lib/format';
import { useMaintenanceOverview } from '@/features/maintenance/api/get-maintenance-overview';
import './maintenance.css';

/**
 * The maintenance picture in a small card (`GET /api/maintenance/overview`): open work orders,
 * overdue, due in the next 7 days, and the five equipment with the most unplanned stop time in the
 * last 30 days, each linked to its history. Shown only with `maintenance:read` (the caller wraps it).
 */
export function MaintenanceSummaryCard() {
  const query = useMaintenanceOverview();
  return (
    <section className="maintenance-summary" aria-label="Maintenance">
      <div className="maintenance-summary__header">
        <h2>Maintenance</h2>
        <Link to={paths.workOrderBoard}>Board</Link>
      </div>
      {query.isPending ? (
        <LoadingState label="Loading maintenance…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load maintenance"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          <dl className="maintenance-summary__counts">
            <div>
              <dt>Open</dt>
              <dd>{query.data.openWorkOrders}</dd>
            </div>
            <div className={query.data.overdueWorkOrders > 0 ? 'maintenance-summary--late' : ''}>
              <dt>Overdue</dt>
              <dd>{query.data.overdueWorkOrders}</dd>
            </div>
            <div>
              <dt>Due in 7 days</dt>
              <dd>{query.data.dueInSevenDays}</dd>
            </div>
          </dl>
          <h3>Most unplanned stop time, last 30 days</h3>
          {query.data.worstEquipment.length === 0 ? (
            <p className="empty">No unplanned stops.</p>
          ) : (
            <ol className="maintenance-summary__worst" aria-label="Worst equipment">
              {query.data.worstEquipment.map((item) => (
                <li key={item.equipmentId}>
                  <Link to={equipmentHistoryHref(item.equipmentId)}>
                    {item.equipmentName} <span className="mono">({item.equipmentCode})</span>
                  </Link>{' '}
                  {formatDuration(item.unplannedStopSeconds)}
                  {item.openWorkOrders.length > 0
                    ? ` · ${item.openWorkOrders.length} open work order${item.openWorkOrders.length === 1 ? '' : 's'}`
                    : ''}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
