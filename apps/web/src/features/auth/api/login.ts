import { useMutation } from '@tanstack/react-query';
import { type AuthTokens, type LoginInput, authTokensSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';

/** `POST /api/auth/login`; on success the client holds the new session. */
export async function login(input: LoginInput): Promise<AuthTokens> {
  const tokens = await api.post('/api/auth/login', input, authTokensSchema, { auth: false });
  api.setSession(tokens);
  return tokens;
}

export function useLogin({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof login> } = {}) {
  return useMutation({ ...mutationConfig, mutationFn: login });
}
