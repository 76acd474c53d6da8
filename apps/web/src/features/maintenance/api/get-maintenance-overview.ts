import { queryOptions, useQuery } from '@tanstack/react-query';
import { type MaintenanceOverview, maintenanceOverviewSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { maintenanceKeys } from '@/features/maintenance/api/maintenance-query-keys';

/** Due dates pass without an event: ask again every minute so "overdue" counts by itself. */
export const OVERVIEW_POLL_MS = 60_000;

/** `GET /api/maintenance/overview`: open, overdue, due in 7 days, MTBF/MTTR and the worst five. */
export function getMaintenanceOverview(signal?: AbortSignal): Promise<MaintenanceOverview> {
  return api.get('/api/maintenance/overview', maintenanceOverviewSchema, { signal });
}

export function getMaintenanceOverviewQueryOptions() {
  return queryOptions({
    queryKey: maintenanceKeys.overview(),
    queryFn: ({ signal }) => getMaintenanceOverview(signal),
    refetchInterval: OVERVIEW_POLL_MS,
  });
}

export function useMaintenanceOverview({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMaintenanceOverviewQueryOptions(), enabled });
}
