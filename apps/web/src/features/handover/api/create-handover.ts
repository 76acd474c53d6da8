import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateHandoverInput, type Handover, handoverSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { handoverKeys } from '@/features/handover/api/handover-query-keys';

/**
 * `POST /api/handovers` → 201 the handover, its summary computed and frozen by the server;
 * 409 when that shift occurrence already has one.
 */
export function createHandover(input: CreateHandoverInput): Promise<Handover> {
  return api.post('/api/handovers', input, handoverSchema);
}

export function useCreateHandover({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof createHandover> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, onError, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [handover] = args;
      queryClient.setQueryData(handoverKeys.detail(handover.id), handover);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: handoverKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: handoverKeys.drafts() }),
      ]);
      await onSuccess?.(...args);
    },
    // A 409 means someone handed this shift over meanwhile: the draft then links to theirs.
    onError: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: handoverKeys.drafts() });
      await onError?.(...args);
    },
    mutationFn: createHandover,
  });
}
