import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { type RealtimeStatus, useRealtime } from '@/lib/realtime';
import { handoverKeys } from '@/features/handover/api/handover-query-keys';

/**
 * Keeps the handover screens fresh: a handover written or acknowledged (`handover.changed`)
 * refetches lists, details and drafts; new counts, orders and andon calls change only the draft
 * summary. A resync or (re)connection refetches everything.
 */
export function useHandoverRealtime(): RealtimeStatus {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    const invalidateAll = () => void queryClient.invalidateQueries({ queryKey: handoverKeys.all });
    const invalidateDrafts = () =>
      void queryClient.invalidateQueries({ queryKey: handoverKeys.drafts() });
    return {
      'handover.changed': invalidateAll,
      'oee.line.updated': invalidateDrafts,
      'production.order.changed': invalidateDrafts,
      'andon.call.raised': invalidateDrafts,
      'andon.call.acknowledged': invalidateDrafts,
      'andon.call.escalated': invalidateDrafts,
      'andon.call.resolved': invalidateDrafts,
      'realtime.resync': invalidateAll,
      'realtime.ready': invalidateAll,
    };
  }, [queryClient]);
  return useRealtime(handlers);
}
