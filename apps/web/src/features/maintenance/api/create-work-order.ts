import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateWorkOrderInput, type WorkOrder, workOrderSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

/**
 * `POST /api/work-orders` → 201 the open work order. 400 naming a field (an unknown equipment, an
 * andon call of another type or line), 403 for a planned type without `maintenance:plan`, 409 when
 * the andon call already has one.
 */
export function createWorkOrder(input: CreateWorkOrderInput): Promise<WorkOrder> {
  return api.post('/api/work-orders', input, workOrderSchema);
}

export function useCreateWorkOrder({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof createWorkOrder> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [order] = args;
      queryClient.setQueryData(workOrderKeys.detail(order.id), order);
      await queryClient.invalidateQueries({ queryKey: workOrderKeys.lists() });
      await onSuccess?.(...args);
    },
    mutationFn: createWorkOrder,
  });
}
