import { Link } from 'react-router';
import type { WorkOrderSummary } from '@ms5/contracts';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { workOrderHref } from '@/config/paths';
import { useNow } from '@/hooks/use-now';
import { useWorkOrders } from '@/features/maintenance/api/get-work-orders';
import type { WorkOrderListFilters } from '@/features/maintenance/api/work-order-query-keys';
import {
  WorkOrderDue,
  WorkOrderPriorityBadge,
  WorkOrderStatusBadge,
} from '@/features/maintenance/components/work-order-badges';
import { useWorkOrdersRealtime } from '@/features/maintenance/hooks/use-work-orders-realtime';
import { isOverdue } from '@/features/maintenance/utils/work-order-labels';
import './maintenance.css';

/** What is assigned to the technician and not finished (a shift's work fits one page). */
export const MINE_FILTERS = {
  page: 1,
  pageSize: 50,
  mine: true,
  status: ['assigned', 'in_progress', 'on_hold'],
} as const satisfies WorkOrderListFilters;

/**
 * Work nobody has taken yet on the lines the technician sees (the list is limited to them by the
 * server): an `open` work order has no assignee — assigning or starting it moves it on.
 */
export const UNASSIGNED_FILTERS = {
  page: 1,
  pageSize: 50,
  status: ['open'],
} as const satisfies WorkOrderListFilters;

export function WorkOrderCard({ order, now }: { order: WorkOrderSummary; now: number }) {
  const overdue = isOverdue(order, now);
  return (
    <li
      className={`wo-card wo-card--${order.priority}${overdue ? ' wo-card--overdue' : ''}`}
      data-work-order={order.number}
    >
      <div className="wo-card__header">
        <WorkOrderPriorityBadge priority={order.priority} />
        <WorkOrderStatusBadge status={order.status} />
      </div>
      <h3 className="wo-card__title">
        <Link className="wo-card__link" to={workOrderHref(order.id)}>
          {order.title}
        </Link>
      </h3>
      <p className="wo-card__meta">
        <span className="mono">{order.number}</span> · {order.equipmentName}{' '}
        <span className="mono">({order.equipmentCode})</span>
      </p>
      <WorkOrderDue dueAt={order.dueAt} overdue={overdue} />
    </li>
  );
}

function Section({
  title,
  empty,
  query,
  now,
}: {
  title: string;
  empty: string;
  query: ReturnType<typeof useWorkOrders>;
  now: number;
}) {
  return (
    <section className="wo-section" aria-label={title}>
      <h2>
        {title}
        {query.data !== undefined ? ` (${query.data.total})` : ''}
      </h2>
      {query.isPending ? (
        <LoadingState label="Loading work orders…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load the work orders"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.items.length === 0 ? (
        <p className="wo-empty" role="status">
          {empty}
        </p>
      ) : (
        <ul className="wo-list" aria-label={title}>
          {query.data.items.map((order) => (
            <WorkOrderCard key={order.id} order={order} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The technician's work on a phone: first what is assigned to them, then what nobody has taken on
 * their lines, each most urgent first (priority, then earliest due) as the server orders them;
 * overdue cards in red. Live: a change to any work order refetches both lists.
 */
export function MyWorkOrdersList() {
  useWorkOrdersRealtime();
  const now = useNow(30_000);
  const mine = useWorkOrders(MINE_FILTERS);
  const unassigned = useWorkOrders(UNASSIGNED_FILTERS);
  return (
    <div className="wo-mine">
      <Section
        title="Assigned to me"
        empty="Nothing assigned to you right now."
        query={mine}
        now={now}
      />
      <Section
        title="Unassigned on my lines"
        empty="No unassigned work orders."
        query={unassigned}
        now={now}
      />
    </div>
  );
}
