import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type JobAssignment,
  type Paginated,
  jobAssignmentSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { type JobListFilters, jobKeys } from '@/features/jobs/api/job-query-keys';

const jobPageSchema = paginatedSchema(jobAssignmentSchema);

/** Progress moves with the line's counts: ask again now and then even without events. */
export const JOBS_POLL_MS = 30_000;

/** `GET /api/jobs?mine&status&page&pageSize` */
export function getJobs(
  filters: JobListFilters,
  signal?: AbortSignal,
): Promise<Paginated<JobAssignment>> {
  return api.get('/api/jobs', jobPageSchema, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      mine: filters.mine === true ? 'true' : undefined,
      status: filters.status?.join(','),
    },
    signal,
  });
}

export function getJobsQueryOptions(filters: JobListFilters) {
  return queryOptions({
    queryKey: jobKeys.list(filters),
    queryFn: ({ signal }) => getJobs(filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: JOBS_POLL_MS,
  });
}

export function useJobs(filters: JobListFilters) {
  return useQuery(getJobsQueryOptions(filters));
}
