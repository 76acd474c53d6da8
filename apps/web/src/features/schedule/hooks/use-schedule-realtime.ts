import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { type RealtimeStatus, useRealtime } from '@/lib/realtime';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

/**
 * Keeps the schedule fresh: an order or a job that changed anywhere invalidates the schedule
 * queries (the cache stays the only copy); a (re)connection or a replay gap refetches them.
 */
export function useScheduleRealtime(): RealtimeStatus {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    const orders = () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.orders() });
    const jobs = () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.jobs() });
    const everything = () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
    return {
      'production.order.changed': orders,
      'production.job.changed': jobs,
      'realtime.resync': everything,
      'realtime.ready': everything,
    };
  }, [queryClient]);
  return useRealtime(handlers);
}
