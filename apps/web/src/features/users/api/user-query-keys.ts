import type { Role } from '@ms5/contracts';

export interface UserListFilters {
  page: number;
  pageSize: number;
  role?: Role | undefined;
  search?: string | undefined;
}

/** Query keys for users, from the widest to the narrowest: invalidate `lists()` after any change. */
export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: UserListFilters) => [...userKeys.lists(), filters] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
};
