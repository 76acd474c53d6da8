import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateMaintenancePlanInput,
  type MaintenancePlan,
  maintenancePlanSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { maintenanceKeys } from '@/features/maintenance/api/maintenance-query-keys';

/**
 * `POST /api/maintenance-plans` → 201 the plan with its first `nextDue`. 400 naming a field (no
 * trigger, `every: 0`, an unknown equipment), 403 for an equipment of a line the user does not see.
 */
export function createMaintenancePlan(input: CreateMaintenancePlanInput): Promise<MaintenancePlan> {
  return api.post('/api/maintenance-plans', input, maintenancePlanSchema);
}

export function useCreateMaintenancePlan({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof createMaintenancePlan> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [plan] = args;
      queryClient.setQueryData(maintenanceKeys.planDetail(plan.id), plan);
      await queryClient.invalidateQueries({ queryKey: maintenanceKeys.planLists() });
      await onSuccess?.(...args);
    },
    mutationFn: createMaintenancePlan,
  });
}
