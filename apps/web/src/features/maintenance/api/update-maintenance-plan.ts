import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type MaintenancePlan,
  type UpdateMaintenancePlanInput,
  maintenancePlanSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { maintenanceKeys } from '@/features/maintenance/api/maintenance-query-keys';

export interface UpdateMaintenancePlanVariables {
  id: string;
  input: UpdateMaintenancePlanInput;
}

/** `PATCH /api/maintenance-plans/:id` → 200 the plan with its recomputed `nextDue`; new triggers replace the old. */
export function updateMaintenancePlan({
  id,
  input,
}: UpdateMaintenancePlanVariables): Promise<MaintenancePlan> {
  return api.patch(
    `/api/maintenance-plans/${encodeURIComponent(id)}`,
    input,
    maintenancePlanSchema,
  );
}

export function useUpdateMaintenancePlan({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof updateMaintenancePlan> } = {}) {
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
    mutationFn: updateMaintenancePlan,
  });
}
