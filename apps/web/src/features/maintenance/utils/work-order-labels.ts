import {
  OPEN_WORK_ORDER_STATUSES,
  type WorkOrderPriority,
  type WorkOrderStatus,
  type WorkOrderSummary,
  type WorkOrderType,
} from '@ms5/contracts';

export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = {
  open: 'Open',
  assigned: 'Assigned',
  in_progress: 'In progress',
  on_hold: 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const WORK_ORDER_PRIORITY_LABELS: Record<WorkOrderPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const WORK_ORDER_TYPE_LABELS: Record<WorkOrderType, string> = {
  corrective: 'Corrective',
  preventive: 'Preventive',
  inspection: 'Inspection',
};

/** Still to be done and past its due date at `now` (ms). A finished order is never overdue. */
export function isOverdue(order: Pick<WorkOrderSummary, 'dueAt' | 'status'>, now: number): boolean {
  if (order.dueAt === null || !OPEN_WORK_ORDER_STATUSES.includes(order.status)) return false;
  return Date.parse(order.dueAt) < now;
}

/** Who works it, in words. */
export function assigneeNames(order: Pick<WorkOrderSummary, 'assignees'>): string {
  return order.assignees.length === 0
    ? 'Unassigned'
    : order.assignees.map((assignee) => assignee.displayName).join(', ');
}

/** `90` → `1 h 30 min`, `45` → `45 min`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
