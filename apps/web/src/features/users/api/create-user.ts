import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateUserInput, type User, userSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { userKeys } from '@/features/users/api/user-query-keys';

/** `POST /api/users` → 201 the new user; 400 / 409 carry `fieldErrors`. */
export function createUser(input: CreateUserInput): Promise<User> {
  return api.post('/api/users', input, userSchema);
}

export function useCreateUser({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof createUser> } = {}) {
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
    mutationFn: createUser,
  });
}
