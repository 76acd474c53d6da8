import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type Paginated,
  type WorkOrderSummary,
  paginatedSchema,
  workOrderSummarySchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type WorkOrderListFilters,
  workOrderKeys,
} from '@/features/maintenance/api/work-order-query-keys';

const workOrderPageSchema = paginatedSchema(workOrderSummarySchema);

/** Due dates pass without an event: ask again now and then so "overdue" turns red by itself. */
export const WORK_ORDERS_POLL_MS = 60_000;

/**
 * `GET /api/work-orders?status&lineId&equipmentId&assigneeId&type&andonCallId&mine&page&pageSize`,
 * most urgent first (priority, earliest due, number).
 */
export function getWorkOrders(
  filters: WorkOrderListFilters,
  signal?: AbortSignal,
): Promise<Paginated<WorkOrderSummary>> {
  return api.get('/api/work-orders', workOrderPageSchema, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      status: filters.status?.join(','),
      lineId: filters.lineId,
      equipmentId: filters.equipmentId,
      assigneeId: filters.assigneeId,
      type: filters.type,
      andonCallId: filters.andonCallId,
      mine: filters.mine === true ? 'true' : undefined,
    },
    signal,
  });
}

export function getWorkOrdersQueryOptions(filters: WorkOrderListFilters) {
  return queryOptions({
    queryKey: workOrderKeys.list(filters),
    queryFn: ({ signal }) => getWorkOrders(filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: WORK_ORDERS_POLL_MS,
  });
}

export function useWorkOrders(filters: WorkOrderListFilters) {
  return useQuery(getWorkOrdersQueryOptions(filters));
}
