import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AddWorkOrderPartInput, type WorkOrder, workOrderSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

export interface AddWorkOrderPartVariables {
  id: string;
  input: AddWorkOrderPartInput;
}

/** `POST /api/work-orders/:id/parts { partNumber, description?, quantity }` → 201 the work order. */
export function addWorkOrderPart({ id, input }: AddWorkOrderPartVariables): Promise<WorkOrder> {
  return api.post(`/api/work-orders/${encodeURIComponent(id)}/parts`, input, workOrderSchema);
}

export function useAddWorkOrderPart({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof addWorkOrderPart> } = {}) {
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
    mutationFn: addWorkOrderPart,
  });
}
