import type { WorkOrderPriority, WorkOrderStatus } from '@ms5/contracts';
import {
  WORK_ORDER_PRIORITY_LABELS,
  WORK_ORDER_STATUS_LABELS,
} from '@/features/maintenance/utils/work-order-labels';
import './maintenance.css';

export function WorkOrderStatusBadge({ status }: { status: WorkOrderStatus }) {
  return (
    <span className={`badge wo-status wo-status--${status}`}>
      {WORK_ORDER_STATUS_LABELS[status]}
    </span>
  );
}

export function WorkOrderPriorityBadge({ priority }: { priority: WorkOrderPriority }) {
  return (
    <span className={`badge wo-priority wo-priority--${priority}`}>
      {WORK_ORDER_PRIORITY_LABELS[priority]}
    </span>
  );
}

/** The due date, in red with the word "Overdue" once it has passed on an order still to do. */
export function WorkOrderDue({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  if (dueAt === null) return <span className="wo-due">No due date</span>;
  const when = new Date(dueAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return overdue ? (
    <span className="wo-due wo-due--overdue">Overdue · due {when}</span>
  ) : (
    <span className="wo-due">Due {when}</span>
  );
}
