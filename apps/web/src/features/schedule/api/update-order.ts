import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ProductionOrder,
  type UpdateProductionOrderInput,
  productionOrderSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

export interface UpdateOrderVariables {
  id: string;
  changes: UpdateProductionOrderInput;
}

/** `PATCH /api/orders/:id` while planned → 200; 409 `SCHEDULE_CONFLICT` or `INVALID_TRANSITION`. */
export function updateOrder({ id, changes }: UpdateOrderVariables): Promise<ProductionOrder> {
  return api.patch(`/api/orders/${encodeURIComponent(id)}`, changes, productionOrderSchema);
}

export function useUpdateOrder({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof updateOrder> } = {}) {
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
    mutationFn: updateOrder,
  });
}
