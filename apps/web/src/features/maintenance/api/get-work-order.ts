import { queryOptions, useQuery } from '@tanstack/react-query';
import { type WorkOrder, workOrderSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

/** `GET /api/work-orders/:id`: with assignees, history, labour, parts, andon call and stops. */
export function getWorkOrder(id: string, signal?: AbortSignal): Promise<WorkOrder> {
  return api.get(`/api/work-orders/${encodeURIComponent(id)}`, workOrderSchema, { signal });
}

export function getWorkOrderQueryOptions(id: string) {
  return queryOptions({
    queryKey: workOrderKeys.detail(id),
    queryFn: ({ signal }) => getWorkOrder(id, signal),
  });
}

export function useWorkOrder(id: string) {
  return useQuery(getWorkOrderQueryOptions(id));
}
