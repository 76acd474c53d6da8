import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { maintenanceKeys } from '@/features/maintenance/api/maintenance-query-keys';

/** `DELETE /api/maintenance-plans/:id` → 204. Its work orders stay (they keep their `planId`). */
export function deleteMaintenancePlan(id: string): Promise<void> {
  return api.delete(`/api/maintenance-plans/${encodeURIComponent(id)}`);
}

export function useDeleteMaintenancePlan({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof deleteMaintenancePlan> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [, id] = args;
      queryClient.removeQueries({ queryKey: maintenanceKeys.planDetail(id) });
      await queryClient.invalidateQueries({ queryKey: maintenanceKeys.planLists() });
      await onSuccess?.(...args);
    },
    mutationFn: deleteMaintenancePlan,
  });
}
