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
 * Schedule query keys, widest first: `all → orders → lists → list(filters)`,
 * `orders → details → detail(id)`, `jobs → list(orderId)`, `operators`. Socket events and
 * mutations invalidate `all` or `orders()`.
 */
export const scheduleKeys = {
  all: ['schedule'] as const,
  orders: () => [...scheduleKeys.all, 'orders'] as const,
  orderLists: () => [...scheduleKeys.orders(), 'list'] as const,
  orderList: (filters: OrderListFilters) => [...scheduleKeys.orderLists(), filters] as const,
  orderDetails: () => [...scheduleKeys.orders(), 'detail'] as const,
  orderDetail: (id: string) => [...scheduleKeys.orderDetails(), id] as const,
  jobs: () => [...scheduleKeys.all, 'jobs'] as const,
  orderJobs: (orderId: string) => [...scheduleKeys.jobs(), orderId] as const,
  operators: () => [...scheduleKeys.all, 'operators'] as const,
};
