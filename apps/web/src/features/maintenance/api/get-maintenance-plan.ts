import { queryOptions, useQuery } from '@tanstack/react-query';
import { type MaintenancePlan, maintenancePlanSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { maintenanceKeys } from '@/features/maintenance/api/maintenance-query-keys';

/** `GET /api/maintenance-plans/:id`: the plan with its meters and next due. */
export function getMaintenancePlan(id: string, signal?: AbortSignal): Promise<MaintenancePlan> {
  return api.get(`/api/maintenance-plans/${encodeURIComponent(id)}`, maintenancePlanSchema, {
    signal,
  });
}

export function getMaintenancePlanQueryOptions(id: string) {
  return queryOptions({
    queryKey: maintenanceKeys.planDetail(id),
    queryFn: ({ signal }) => getMaintenancePlan(id, signal),
  });
}

export function useMaintenancePlan(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMaintenancePlanQueryOptions(id), enabled });
}
