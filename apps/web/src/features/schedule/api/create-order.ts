import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateProductionOrderInput,
  type ProductionOrder,
  productionOrderSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

/** `POST /api/orders` → 201 the planned order; 409 `SCHEDULE_CONFLICT` names the fields. */
export function createOrder(input: CreateProductionOrderInput): Promise<ProductionOrder> {
  return api.post('/api/orders', input, productionOrderSchema);
}

export function useCreateOrder({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof createOrder> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [order] = args;
      queryClient.setQueryData(scheduleKeys.orderDetail(order.id), order);
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.orderLists() });
      await onSuccess?.(...args);
    },
    mutationFn: createOrder,
  });
}
