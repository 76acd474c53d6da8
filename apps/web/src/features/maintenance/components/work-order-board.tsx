import { useState } from 'react';
import { Link } from 'react-router';
import type { WorkOrderStatus, WorkOrderSummary } from '@ms5/contracts';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { equipmentHistoryHref, workOrderHref } from '@/config/paths';
import { usePermission } from '@/lib/authorization';
import { useNow } from '@/hooks/use-now';
import { useWorkOrderAssignees } from '@/features/maintenance/api/get-work-order-assignees';
import { useWorkOrders } from '@/features/maintenance/api/get-work-orders';
import { AssignWorkOrderControl } from '@/features/maintenance/components/assign-work-order-control';
import {
  WorkOrderDue,
  WorkOrderPriorityBadge,
} from '@/features/maintenance/components/work-order-badges';
import { useWorkOrdersRealtime } from '@/features/maintenance/hooks/use-work-orders-realtime';
import {
  WORK_ORDER_STATUS_LABELS,
  assigneeNames,
  isOverdue,
} from '@/features/maintenance/utils/work-order-labels';
import './maintenance.css';

/** The board's columns, left to right (cancelled orders are not shown). */
export const BOARD_COLUMNS: readonly WorkOrderStatus[] = [
  'open',
  'assigned',
  'in_progress',
  'on_hold',
  'completed',
];

/** Cards a column shows; its heading counts them all. */
const COLUMN_SIZE = 50;

export interface BoardLine {
  id: string;
  code: string;
  name: string;
}

export interface BoardEquipment extends BoardLine {
  lineId: string;
}

interface BoardFilters {
  lineId?: string | undefined;
  equipmentId?: string | undefined;
  assigneeId?: string | undefined;
}

function BoardCard({
  order,
  now,
  canPlan,
}: {
  order: WorkOrderSummary;
  now: number;
  canPlan: boolean;
}) {
  const overdue = isOverdue(order, now);
  const finished = order.status === 'completed' || order.status === 'cancelled';
  return (
    <li
      className={`wo-card wo-card--${order.priority}${overdue ? ' wo-card--overdue' : ''}`}
      data-work-order={order.number}
    >
      <div className="wo-card__header">
        <WorkOrderPriorityBadge priority={order.priority} />
        <span className="mono">{order.number}</span>
      </div>
      <h3 className="wo-card__title">
        <Link className="wo-card__link" to={workOrderHref(order.id)}>
          {order.title}
        </Link>
      </h3>
      <p className="wo-card__meta">
        <Link
          to={equipmentHistoryHref(order.equipmentId)}
          aria-label={`${order.equipmentName} history`}
        >
          {order.equipmentName} <span className="mono">({order.equipmentCode})</span>
        </Link>
      </p>
      <p className="wo-card__meta">{assigneeNames(order)}</p>
      <WorkOrderDue dueAt={order.dueAt} overdue={overdue} />
      {canPlan && !finished ? <AssignWorkOrderControl order={order} /> : null}
    </li>
  );
}

function Column({
  status,
  filters,
  now,
  canPlan,
}: {
  status: WorkOrderStatus;
  filters: BoardFilters;
  now: number;
  canPlan: boolean;
}) {
  const query = useWorkOrders({ page: 1, pageSize: COLUMN_SIZE, status: [status], ...filters });
  const title = WORK_ORDER_STATUS_LABELS[status];
  return (
    <section className={`wo-column wo-column--${status}`} aria-label={title}>
      <h2 className="wo-column__title">
        {title} <span className="wo-column__count">{query.data?.total ?? '…'}</span>
      </h2>
      {query.isPending ? (
        <LoadingState label="Loading…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="wo-empty">None</p>
      ) : (
        <ul className="wo-list" aria-label={`${title} work orders`}>
          {query.data.items.map((order) => (
            <BoardCard key={order.id} order={order} now={now} canPlan={canPlan} />
          ))}
        </ul>
      )}
    </section>
  );
}

const choose = (label: string) => ({ value: '', label });

/**
 * The planner's board: one column per status, most urgent first, overdue cards in red; filters by
 * line, equipment and (for planners) assignee; planners assign on the card. Live: every work-order
 * event refetches the columns.
 */
export function WorkOrderBoard({
  lines,
  equipment,
}: {
  lines: readonly BoardLine[];
  equipment: readonly BoardEquipment[];
}) {
  useWorkOrdersRealtime();
  const now = useNow(30_000);
  const canPlan = usePermission('maintenance:plan');
  const [filters, setFilters] = useState<BoardFilters>({});
  const assignees = useWorkOrderAssignees(filters.lineId, { enabled: canPlan });
  const lineEquipment =
    filters.lineId === undefined
      ? equipment
      : equipment.filter((item) => item.lineId === filters.lineId);
  const value = (text: string) => (text === '' ? undefined : text);

  return (
    <div className="wo-board">
      <div className="toolbar wo-board__filters" role="group" aria-label="Filters">
        <SelectField
          name="lineId"
          label="Line"
          value={filters.lineId ?? ''}
          options={[
            choose('All lines'),
            ...lines.map((line) => ({ value: line.id, label: `${line.code} · ${line.name}` })),
          ]}
          onChange={(event) =>
            setFilters({ ...filters, lineId: value(event.target.value), equipmentId: undefined })
          }
        />
        <SelectField
          name="equipmentId"
          label="Equipment"
          value={filters.equipmentId ?? ''}
          options={[
            choose('All equipment'),
            ...lineEquipment.map((item) => ({
              value: item.id,
              label: `${item.code} · ${item.name}`,
            })),
          ]}
          onChange={(event) => setFilters({ ...filters, equipmentId: value(event.target.value) })}
        />
        {canPlan ? (
          <SelectField
            name="assigneeId"
            label="Assignee"
            value={filters.assigneeId ?? ''}
            options={[
              choose('Anyone'),
              ...(assignees.data?.items ?? []).map((person) => ({
                value: person.id,
                label: person.displayName,
              })),
            ]}
            onChange={(event) => setFilters({ ...filters, assigneeId: value(event.target.value) })}
          />
        ) : null}
      </div>
      <div className="wo-columns">
        {BOARD_COLUMNS.map((status) => (
          <Column key={status} status={status} filters={filters} now={now} canPlan={canPlan} />
        ))}
      </div>
    </div>
  );
}
