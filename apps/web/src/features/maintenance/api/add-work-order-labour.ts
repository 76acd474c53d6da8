import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AddWorkOrderLabourInput, type WorkOrder, workOrderSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

export interface AddWorkOrderLabourVariables {
  id: string;
  input: AddWorkOrderLabourInput;
}

/**
 * `POST /api/work-orders/:id/labour { startedAt, minutes }` → 201 the work order with its labour
 * total. 400 on `minutes` (1–1440, whole) or a `startedAt` in the future.
 */
export function addWorkOrderLabour({ id, input }: AddWorkOrderLabourVariables): Promise<WorkOrder> {
  return api.post(`/api/work-orders/${encodeURIComponent(id)}/labour`, input, workOrderSchema);
}

export function useAddWorkOrderLabour({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof addWorkOrderLabour> } = {}) {
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
    mutationFn: addWorkOrderLabour,
  });
}
