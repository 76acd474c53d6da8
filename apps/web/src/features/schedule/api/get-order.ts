import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ProductionOrder, productionOrderSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

/** `GET /api/orders/:id` */
export function getOrder(id: string, signal?: AbortSignal): Promise<ProductionOrder> {
  return api.get(`/api/orders/${encodeURIComponent(id)}`, productionOrderSchema, { signal });
}

/** The order, showing `placeholder` (the row it was opened from) until the server answers. */
export function useOrder(id: string, placeholder?: ProductionOrder) {
  return useQuery(
    queryOptions({
      queryKey: scheduleKeys.orderDetail(id),
      queryFn: ({ signal }) => getOrder(id, signal),
      placeholderData: placeholder,
    }),
  );
}
