import { queryOptions, useQuery } from '@tanstack/react-query';
import { type User, userSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { userKeys } from '@/features/users/api/user-query-keys';

/** `GET /api/users/:id` */
export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return api.get(`/api/users/${encodeURIComponent(id)}`, userSchema, { signal });
}

export function getUserQueryOptions(id: string) {
  return queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => getUser(id, signal),
  });
}

export function useUser(id: string) {
  return useQuery(getUserQueryOptions(id));
}
