import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AndonCall, andonCallSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { andonKeys } from '@/features/andon/api/andon-query-keys';

/** `POST /api/andon/:id/acknowledge` → 200; 409 when no longer open. */
export function acknowledgeAndonCall(id: string): Promise<AndonCall> {
  return api.post(`/api/andon/${encodeURIComponent(id)}/acknowledge`, {}, andonCallSchema);
}

export function useAcknowledgeAndonCall({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof acknowledgeAndonCall> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [call] = args;
      queryClient.setQueryData(andonKeys.detail(call.id), call);
      await queryClient.invalidateQueries({ queryKey: andonKeys.lists() });
      await onSuccess?.(...args);
    },
    mutationFn: acknowledgeAndonCall,
  });
}
