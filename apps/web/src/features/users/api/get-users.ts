import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type Paginated, type User, paginatedSchema, userSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { type UserListFilters, userKeys } from '@/features/users/api/user-query-keys';

const usersPageSchema = paginatedSchema(userSchema);

/** `GET /api/users?page&pageSize&role&search` */
export function getUsers(filters: UserListFilters, signal?: AbortSignal): Promise<Paginated<User>> {
  return api.get('/api/users', usersPageSchema, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      role: filters.role,
      search: filters.search,
    },
    signal,
  });
}

export function getUsersQueryOptions(filters: UserListFilters) {
  return queryOptions({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => getUsers(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(filters: UserListFilters) {
  return useQuery(getUsersQueryOptions(filters));
}
