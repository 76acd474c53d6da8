import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';

/**
 * `POST /api/auth/logout` revokes the refresh token on the server. The session ends locally
 * whatever the server answers: a tablet must be able to sign out while offline.
 */
export async function logout(): Promise<void> {
  const refreshToken = api.getRefreshToken();
  try {
    if (refreshToken !== null) await api.postNoContent('/api/auth/logout', { refreshToken });
  } catch (error) {
    if (!isApiError(error)) throw error;
    // The token is forgotten below; the server lets it expire.
  } finally {
    api.clearSession();
  }
}

export function useLogout({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof logout> } = {}) {
  const queryClient = useQueryClient();
  const { onSettled, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSettled: (...args) => {
      queryClient.clear();
      return onSettled?.(...args);
    },
    mutationFn: logout,
  });
}
