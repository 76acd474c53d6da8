import type { WorkOrderStatus, WorkOrderType } from '@ms5/contracts';

export interface WorkOrderListFilters {
  page: number;
  pageSize: number;
  status?: readonly WorkOrderStatus[] | undefined;
  lineId?: string | undefined;
  equipmentId?: string | undefined;
  assigneeId?: string | undefined;
  type?: WorkOrderType | undefined;
  andonCallId?: string | undefined;
  /** Only the signed-in user's own work orders. */
  mine?: boolean | undefined;
}

/**
 * Work-order query keys, widest first: `all → lists → list(filters)`, `details → detail(id)`,
 * `assignees(lineId)`. The socket event invalidates `lists()` and `details()`; a step sets the order's `detail` and
 * invalidates `lists()`.
 */
export const workOrderKeys = {
  all: ['work-orders'] as const,
  lists: () => [...workOrderKeys.all, 'list'] as const,
  list: (filters: WorkOrderListFilters) => [...workOrderKeys.lists(), filters] as const,
  details: () => [...workOrderKeys.all, 'detail'] as const,
  detail: (id: string) => [...workOrderKeys.details(), id] as const,
  assignees: (lineId: string | undefined) =>
    [...workOrderKeys.all, 'assignees', lineId ?? 'all'] as const,
};
