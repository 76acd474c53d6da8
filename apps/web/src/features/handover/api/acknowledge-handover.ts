import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AcknowledgeHandoverInput, type Handover, handoverSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { handoverKeys } from '@/features/handover/api/handover-query-keys';

export interface AcknowledgeHandoverVariables {
  id: string;
  input: AcknowledgeHandoverInput;
}

/**
 * `POST /api/handovers/:id/acknowledge` → 200; 403 for the author (the incoming manager
 * acknowledges), 409 when already acknowledged.
 */
export function acknowledgeHandover({
  id,
  input,
}: AcknowledgeHandoverVariables): Promise<Handover> {
  return api.post(`/api/handovers/${encodeURIComponent(id)}/acknowledge`, input, handoverSchema);
}

export function useAcknowledgeHandover({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof acknowledgeHandover> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, onError, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [handover] = args;
      queryClient.setQueryData(handoverKeys.detail(handover.id), handover);
      await queryClient.invalidateQueries({ queryKey: handoverKeys.lists() });
      await onSuccess?.(...args);
    },
    // A 409: someone else acknowledged first; show who by reading it again.
    onError: async (...args) => {
      const [, { id }] = args;
      await queryClient.invalidateQueries({ queryKey: handoverKeys.detail(id) });
      await onError?.(...args);
    },
    mutationFn: acknowledgeHandover,
  });
}
