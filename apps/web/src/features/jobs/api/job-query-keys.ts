import type { JobStatus } from '@ms5/contracts';

export interface JobListFilters {
  page: number;
  pageSize: number;
  /** Only the signed-in operator's own jobs. */
  mine?: boolean | undefined;
  status?: readonly JobStatus[] | undefined;
}

/**
 * Job query keys, widest first: `all → lists → list(filters)`, `details → detail(id)`. Socket
 * events invalidate `all`; a step sets the job's `detail` and invalidates `lists()`.
 */
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (filters: JobListFilters) => [...jobKeys.lists(), filters] as const,
  details: () => [...jobKeys.all, 'detail'] as const,
  detail: (id: string) => [...jobKeys.details(), id] as const,
};
