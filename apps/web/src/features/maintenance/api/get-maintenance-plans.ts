import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type MaintenancePlan,
  type Paginated,
  maintenancePlanSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type MaintenancePlanListFilters,
  maintenanceKeys,
} from '@/features/maintenance/api/maintenance-query-keys';

const planPageSchema = paginatedSchema(maintenancePlanSchema);

/** Runtime and parts meters move without an event: read them again now and then. */
export const PLANS_POLL_MS = 60_000;

/** `GET /api/maintenance-plans?equipmentId&lineId&page&pageSize`, each with `nextDue` and `meters`. */
export function getMaintenancePlans(
  filters: MaintenancePlanListFilters,
  signal?: AbortSignal,
): Promise<Paginated<MaintenancePlan>> {
  return api.get('/api/maintenance-plans', planPageSchema, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      equipmentId: filters.equipmentId,
      lineId: filters.lineId,
    },
    signal,
  });
}

export function getMaintenancePlansQueryOptions(filters: MaintenancePlanListFilters) {
  return queryOptions({
    queryKey: maintenanceKeys.planList(filters),
    queryFn: ({ signal }) => getMaintenancePlans(filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: PLANS_POLL_MS,
  });
}

export function useMaintenancePlans(filters: MaintenancePlanListFilters) {
  return useQuery(getMaintenancePlansQueryOptions(filters));
}
