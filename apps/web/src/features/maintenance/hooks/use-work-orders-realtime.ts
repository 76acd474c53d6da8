import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { type RealtimeStatus, useRealtime } from '@/lib/realtime';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

/**
 * Keeps the work-order screens fresh: `maintenance.workorder.changed` (a creation, a step, labour
 * or a part on a line the user sees) invalidates the work-order lists and details — the cache stays the only
 * copy; a (re)connection or a replay gap refetches them.
 */
export function useWorkOrdersRealtime(): RealtimeStatus {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    // Lists and details only: who may be assigned does not change with a work order.
    const invalidate = () => {
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.details() });
    };
    return {
      'maintenance.workorder.changed': invalidate,
      'realtime.resync': invalidate,
      'realtime.ready': invalidate,
    };
  }, [queryClient]);
  return useRealtime(handlers);
}
