import { queryOptions, useQuery } from '@tanstack/react-query';
import { type JobChecklistStatus, jobChecklistStatusSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { checklistKeys } from '@/features/checklists/api/checklist-query-keys';

/** `GET /api/jobs/:id/checklists`: the templates that apply, their latest runs, `readyToStart`. */
export function getJobChecklists(jobId: string, signal?: AbortSignal): Promise<JobChecklistStatus> {
  return api.get(`/api/jobs/${encodeURIComponent(jobId)}/checklists`, jobChecklistStatusSchema, {
    signal,
  });
}

export function getJobChecklistsQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: checklistKeys.job(jobId),
    queryFn: ({ signal }) => getJobChecklists(jobId, signal),
    staleTime: 0,
  });
}

export function useJobChecklists(jobId: string) {
  return useQuery(getJobChecklistsQueryOptions(jobId));
}
