import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CompleteWorkOrderInput,
  type HoldWorkOrderInput,
  type WorkOrder,
  workOrderSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

/** The technician's steps, each with the body its route takes. */
export type WorkOrderStepVariables =
  | { id: string; step: 'start' }
  | { id: string; step: 'resume' }
  | { id: string; step: 'hold'; input: HoldWorkOrderInput }
  | { id: string; step: 'complete'; input: CompleteWorkOrderInput };

export type WorkOrderStepName = WorkOrderStepVariables['step'];

/**
 * `POST /api/work-orders/:id/start | hold | resume | complete` → 200 the work order. 403 when it
 * is someone else's; 409 `INVALID_TRANSITION` when the status does not allow the step.
 */
export function workOrderStep(variables: WorkOrderStepVariables): Promise<WorkOrder> {
  const body = variables.step === 'hold' || variables.step === 'complete' ? variables.input : {};
  return api.post(
    `/api/work-orders/${encodeURIComponent(variables.id)}/${variables.step}`,
    body,
    workOrderSchema,
  );
}

export function useWorkOrderStep({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof workOrderStep> } = {}) {
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
    mutationFn: workOrderStep,
  });
}
