import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { type RealtimeStatus, useRealtime } from '@/lib/realtime';
import { maintenanceKeys } from '@/features/maintenance/api/maintenance-query-keys';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

/**
 * Keeps the work-order screens fresh: `maintenance.workorder.changed` (a creation, a step, labour
 * or a part on a line the user sees) invalidates the work-order lists and details, and the plans and
 * maintenance figures (a preventive order created or completed moves a plan's next due) — the cache
 * stays the only copy; a (re)connection or a replay gap refetches them.
 */
export function useWorkOrdersRealtime(): RealtimeStatus {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    // Not the assignees: who may be assigned does not change with a work order.
    const invalidate = () => {
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.details() });
      void queryClient.invalidateQueries({ queryKey: maintenanceKeys.plans });
      void queryClient.invalidateQueries({ queryKey: maintenanceKeys.figures });
    };
    return {
      'maintenance.workorder.changed': invalidate,
      'realtime.resync': invalidate,
      'realtime.ready': invalidate,
    };
  }, [queryClient]);
  return useRealtime(handlers);
}
