import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AndonCall, type ResolveAndonCallInput, andonCallSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { andonKeys } from '@/features/andon/api/andon-query-keys';

export interface ResolveAndonCallVariables {
  id: string;
  input: ResolveAndonCallInput;
}

/** `POST /api/andon/:id/resolve` → 200; 409 unless acknowledged. */
export function resolveAndonCall({ id, input }: ResolveAndonCallVariables): Promise<AndonCall> {
  return api.post(`/api/andon/${encodeURIComponent(id)}/resolve`, input, andonCallSchema);
}

export function useResolveAndonCall({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof resolveAndonCall> } = {}) {
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
    mutationFn: resolveAndonCall,
  });
}
