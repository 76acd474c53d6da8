import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AssignWorkOrderInput, type WorkOrder, workOrderSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

export interface AssignWorkOrderVariables {
  id: string;
  input: AssignWorkOrderInput;
}

/**
 * `POST /api/work-orders/:id/assign { assigneeIds }` → 200; an open order becomes `assigned`.
 * 400 naming `assigneeIds.<n>` for someone who may not work it or does not see its line.
 */
export function assignWorkOrder({ id, input }: AssignWorkOrderVariables): Promise<WorkOrder> {
  return api.post(`/api/work-orders/${encodeURIComponent(id)}/assign`, input, workOrderSchema);
}

export function useAssignWorkOrder({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof assignWorkOrder> } = {}) {
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
    mutationFn: assignWorkOrder,
  });
}
