import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ProductionOrder,
  type ProductionOrderStep,
  productionOrderSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

export interface OrderStepVariables {
  id: string;
  step: ProductionOrderStep;
  /** Cancel only. */
  reason?: string | undefined;
}

/**
 * `POST /api/orders/:id/release | start | complete | cancel` → 200 the order; 409
 * `INVALID_TRANSITION` or `LINE_BUSY` with a message to show.
 */
export function orderStep({ id, step, reason }: OrderStepVariables): Promise<ProductionOrder> {
  const body = step === 'cancel' && reason !== undefined && reason !== '' ? { reason } : {};
  return api.post(`/api/orders/${encodeURIComponent(id)}/${step}`, body, productionOrderSchema);
}

export function useOrderStep({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof orderStep> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [order] = args;
      queryClient.setQueryData(scheduleKeys.orderDetail(order.id), order);
      // A started or cancelled order changes what its jobs show too.
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
      await onSuccess?.(...args);
    },
    mutationFn: orderStep,
  });
}
