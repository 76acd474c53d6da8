import { useMemo } from 'react';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import type { EntityChangedPayload, JobAssignment, Paginated } from '@ms5/contracts';
import { type RealtimeStatus, useRealtime } from '@/lib/realtime';
import { jobKeys } from '@/features/jobs/api/job-query-keys';

/** Whether a cached job (in a list or on its own) runs on the line. */
function showsLine(queryClient: QueryClient, lineId: string): boolean {
  const cached = queryClient.getQueriesData<Paginated<JobAssignment> | JobAssignment>({
    queryKey: jobKeys.all,
  });
  return cached.some(([, data]) => {
    if (data === undefined) return false;
    return 'items' in data
      ? data.items.some((job) => job.lineId === lineId)
      : data.lineId === lineId;
  });
}

/**
 * Keeps the operator's jobs fresh: a job or its order that changed invalidates the job queries,
 * and so do new counts on a line one of the shown jobs runs on (its progress); a (re)connection
 * or a replay gap refetches them.
 */
export function useJobsRealtime(): RealtimeStatus {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    const invalidate = () => void queryClient.invalidateQueries({ queryKey: jobKeys.all });
    return {
      'production.job.changed': invalidate,
      'production.order.changed': invalidate,
      'oee.line.updated': (payload: EntityChangedPayload) => {
        const lineId = payload.lineId ?? payload.id;
        if (showsLine(queryClient, lineId)) invalidate();
      },
      'realtime.resync': invalidate,
      'realtime.ready': invalidate,
    };
  }, [queryClient]);
  return useRealtime(handlers);
}
