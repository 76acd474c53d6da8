import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type MaintenanceKpis, maintenanceKpisSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type MaintenanceKpiScope,
  maintenanceKeys,
} from '@/features/maintenance/api/maintenance-query-keys';

/** `GET /api/maintenance/kpis?equipmentId|lineId&from&to` (a window of at most 400 days). */
export function getMaintenanceKpis(
  scope: MaintenanceKpiScope,
  signal?: AbortSignal,
): Promise<MaintenanceKpis> {
  return api.get('/api/maintenance/kpis', maintenanceKpisSchema, {
    query: { equipmentId: scope.equipmentId, lineId: scope.lineId, from: scope.from, to: scope.to },
    signal,
  });
}

export function getMaintenanceKpisQueryOptions(scope: MaintenanceKpiScope) {
  return queryOptions({
    queryKey: maintenanceKeys.kpis(scope),
    queryFn: ({ signal }) => getMaintenanceKpis(scope, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMaintenanceKpis(scope: MaintenanceKpiScope) {
  return useQuery(getMaintenanceKpisQueryOptions(scope));
}
