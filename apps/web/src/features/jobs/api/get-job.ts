import { queryOptions, useQuery } from '@tanstack/react-query';
import { type JobAssignment, jobAssignmentSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { JOBS_POLL_MS } from '@/features/jobs/api/get-jobs';
import { jobKeys } from '@/features/jobs/api/job-query-keys';

/** `GET /api/jobs/:id` */
export function getJob(id: string, signal?: AbortSignal): Promise<JobAssignment> {
  return api.get(`/api/jobs/${encodeURIComponent(id)}`, jobAssignmentSchema, { signal });
}

export function getJobQueryOptions(id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: ({ signal }) => getJob(id, signal),
    refetchInterval: JOBS_POLL_MS,
  });
}

export function useJob(id: string) {
  return useQuery(getJobQueryOptions(id));
}
