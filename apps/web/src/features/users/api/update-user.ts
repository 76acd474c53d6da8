import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UpdateUserInput, type User, userSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { userKeys } from '@/features/users/api/user-query-keys';

export interface UpdateUserVariables {
  id: string;
  changes: UpdateUserInput;
}

/** `PATCH /api/users/:id` → 200 the user; 409 `LAST_ADMIN` when the last admin would go. */
export function updateUser({ id, changes }: UpdateUserVariables): Promise<User> {
  return api.patch(`/api/users/${encodeURIComponent(id)}`, changes, userSchema);
}

export function useUpdateUser({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof updateUser> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [user] = args;
      queryClient.setQueryData(userKeys.detail(user.id), user);
      await queryClient.invalidateQueries({ queryKey: userKeys.lists() });
      await onSuccess?.(...args);
    },
    mutationFn: updateUser,
  });
}
