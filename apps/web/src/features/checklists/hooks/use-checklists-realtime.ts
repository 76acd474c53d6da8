import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { type RealtimeStatus, useRealtime } from '@/lib/realtime';
import { checklistKeys } from '@/features/checklists/api/checklist-query-keys';

/**
 * Keeps a job's checklist status fresh: a run completed for a job (on another tablet, say)
 * invalidates that job's status; a (re)connection or a replay gap refetches every checklist query.
 */
export function useChecklistsRealtime(): RealtimeStatus {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    const everything = () => void queryClient.invalidateQueries({ queryKey: checklistKeys.all });
    return {
      'checklist.run.completed': (payload: { jobId: string | null }) => {
        void queryClient.invalidateQueries({
          queryKey:
            payload.jobId === null ? checklistKeys.jobs() : checklistKeys.job(payload.jobId),
        });
      },
      'realtime.resync': everything,
      'realtime.ready': everything,
    };
  }, [queryClient]);
  return useRealtime(handlers);
}
