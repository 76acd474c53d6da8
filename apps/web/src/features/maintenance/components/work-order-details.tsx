import { Link } from 'react-router';
import type { WorkOrder } from '@ms5/contracts';
import { equipmentHistoryHref } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth';
import { usePermission } from '@/lib/authorization';
import { formatDateTime, formatDuration } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { LabourForm } from '@/features/maintenance/components/labour-form';
import { PartForm } from '@/features/maintenance/components/part-form';
import { WorkOrderActions } from '@/features/maintenance/components/work-order-actions';
import {
  WorkOrderDue,
  WorkOrderPriorityBadge,
  WorkOrderStatusBadge,
} from '@/features/maintenance/components/work-order-badges';
import {
  WORK_ORDER_STATUS_LABELS,
  WORK_ORDER_TYPE_LABELS,
  assigneeNames,
  formatMinutes,
  isOverdue,
} from '@/features/maintenance/utils/work-order-labels';
import './maintenance.css';

/**
 * Whether the signed-in user may work the order: technicians (`maintenance:execute`) work what
 * is assigned to them or to nobody; holding `maintenance:plan` as well, anything (as the server).
 */
function useMayWork(order: WorkOrder): boolean {
  const user = useCurrentUser();
  const canExecute = usePermission('maintenance:execute');
  const canPlan = usePermission('maintenance:plan');
  if (!canExecute) return false;
  return (
    canPlan ||
    order.assignees.length === 0 ||
    order.assignees.some((assignee) => assignee.id === user.id)
  );
}

function Facts({ order }: { order: WorkOrder }) {
  const now = useNow(30_000);
  return (
    <section className="card wo-facts" aria-label="Work order">
      <div className="wo-card__header">
        <WorkOrderPriorityBadge priority={order.priority} />
        <WorkOrderStatusBadge status={order.status} />
      </div>
      <WorkOrderDue dueAt={order.dueAt} overdue={isOverdue(order, now)} />
      {order.description !== null ? <p className="wo-facts__text">{order.description}</p> : null}
      {order.status === 'on_hold' && order.holdReason !== null ? (
        <p className="wo-facts__hold" role="status">
          On hold: {order.holdReason}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Equipment</dt>
          <dd>
            {order.equipmentName} <span className="mono">({order.equipmentCode})</span>{' '}
            <Link to={equipmentHistoryHref(order.equipmentId)}>Its history</Link>
          </dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{WORK_ORDER_TYPE_LABELS[order.type]}</dd>
        </div>
        <div>
          <dt>Assigned to</dt>
          <dd>{assigneeNames(order)}</dd>
        </div>
        {order.failureReason !== null ? (
          <div>
            <dt>Failure</dt>
            <dd>{order.failureReason.name}</dd>
          </div>
        ) : null}
        {order.andonCall !== null ? (
          <div>
            <dt>Andon call</dt>
            <dd>
              {order.andonCall.description ?? 'Maintenance call'} (
              {formatDateTime(order.andonCall.raisedAt)})
            </dd>
          </div>
        ) : null}
        {order.stops.length > 0 ? (
          <div>
            <dt>Downtime</dt>
            <dd>{formatDuration(order.downtimeSeconds)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Labour</dt>
          <dd>{formatMinutes(order.labourMinutes)}</dd>
        </div>
        {order.cause !== null ? (
          <div>
            <dt>Cause</dt>
            <dd>{order.cause}</dd>
          </div>
        ) : null}
        {order.remedy !== null ? (
          <div>
            <dt>Remedy</dt>
            <dd>{order.remedy}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function Records({ order }: { order: WorkOrder }) {
  return (
    <>
      <section className="card" aria-label="Labour">
        <h2>Labour · {formatMinutes(order.labourMinutes)}</h2>
        {order.labour.length === 0 ? (
          <p className="wo-empty">No labour logged yet.</p>
        ) : (
          <ul className="wo-records">
            {order.labour.map((entry) => (
              <li key={entry.id}>
                {entry.user.displayName}: {formatMinutes(entry.minutes)} from{' '}
                {formatDateTime(entry.startedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label="Parts">
        <h2>Parts</h2>
        {order.parts.length === 0 ? (
          <p className="wo-empty">No parts used yet.</p>
        ) : (
          <ul className="wo-records">
            {order.parts.map((part) => (
              <li key={part.id}>
                {part.quantity} × <span className="mono">{part.partNumber}</span>
                {part.description !== null ? ` ${part.description}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label="History">
        <h2>History</h2>
        <ol className="wo-records">
          {order.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              {WORK_ORDER_STATUS_LABELS[entry.to]} · {entry.by.displayName} ·{' '}
              {formatDateTime(entry.at)}
              {entry.reason !== null ? ` · ${entry.reason}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/**
 * One work order on the technician's phone: what and where, its status and due date, the steps
 * the user may take now, labour and parts while it is worked, and what was recorded.
 */
export function WorkOrderDetails({ order }: { order: WorkOrder }) {
  const mayWork = useMayWork(order);
  const working = order.status === 'in_progress' || order.status === 'on_hold';
  const finished = order.status === 'completed' || order.status === 'cancelled';
  return (
    <div className="wo-details">
      <Facts order={order} />
      {mayWork && !finished ? (
        <section className="card" aria-label="Work order actions">
          <WorkOrderActions order={order} />
        </section>
      ) : null}
      {mayWork && working ? (
        <div className="wo-forms">
          <section className="card" aria-label="Log labour">
            <h2>Log labour</h2>
            <LabourForm order={order} />
          </section>
          <section className="card" aria-label="Use a part">
            <h2>Use a part</h2>
            <PartForm order={order} />
          </section>
        </div>
      ) : null}
      <Records order={order} />
    </div>
  );
}
