import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type Paginated,
  type ProductionOrder,
  paginatedSchema,
  productionOrderSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { type OrderListFilters, scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

const orderPageSchema = paginatedSchema(productionOrderSchema);

/** `GET /api/orders?lineId&status&from&to&page&pageSize`, by planned start. */
export function getOrders(
  filters: OrderListFilters,
  signal?: AbortSignal,
): Promise<Paginated<ProductionOrder>> {
  return api.get('/api/orders', orderPageSchema, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      lineId: filters.lineId,
      status: filters.status?.join(','),
      from: filters.from,
      to: filters.to,
    },
    signal,
  });
}

export function getOrdersQueryOptions(filters: OrderListFilters) {
  return queryOptions({
    queryKey: scheduleKeys.orderList(filters),
    queryFn: ({ signal }) => getOrders(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrders(filters: OrderListFilters) {
  return useQuery(getOrdersQueryOptions(filters));
}
