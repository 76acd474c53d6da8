import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AndonCall, type RaiseAndonCallInput, andonCallSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { andonKeys } from '@/features/andon/api/andon-query-keys';

/** `POST /api/andon` → 201 the open call. */
export function raiseAndonCall(input: RaiseAndonCallInput): Promise<AndonCall> {
  return api.post('/api/andon', input, andonCallSchema);
}

export function useRaiseAndonCall({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof raiseAndonCall> } = {}) {
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
    mutationFn: raiseAndonCall,
  });
}
