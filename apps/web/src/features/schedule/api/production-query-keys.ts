import type { ProductionOrderStatus } from '@ms5/contracts';

export interface OrderListFilters {
  page: number;
  pageSize: number;
  lineId?: string | undefined;
  status?: readonly ProductionOrderStatus[] | undefined;
  /** Orders whose planned window meets `[from, to)`. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface OrderJobFilters {
  orderId: string;
}

/**
 * Production query keys, widest first: `all → orders → lists → list(filters)`,
 * `orders → details → detail(id)`, `jobs → list(orderId)`, `operators`. Socket events and
 * mutations invalidate `all` or `orders()`.
 */
export const productionKeys = {
  all: ['production'] as const,
  orders: () => [...productionKeys.all, 'orders'] as const,
  orderLists: () => [...productionKeys.orders(), 'list'] as const,
  orderList: (filters: OrderListFilters) => [...productionKeys.orderLists(), filters] as const,
  orderDetails: () => [...productionKeys.orders(), 'detail'] as const,
  orderDetail: (id: string) => [...productionKeys.orderDetails(), id] as const,
  jobs: () => [...productionKeys.all, 'jobs'] as const,
  orderJobs: (orderId: string) => [...productionKeys.jobs(), orderId] as const,
  operators: () => [...productionKeys.all, 'operators'] as const,
};
