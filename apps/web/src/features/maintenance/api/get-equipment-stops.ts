import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type DowntimeStop,
  type Paginated,
  downtimeStopSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type MaintenanceKpiScope,
  maintenanceKeys,
} from '@/features/maintenance/api/maintenance-query-keys';

const stopsPageSchema = paginatedSchema(downtimeStopSchema);

/** The most the API gives in one page: an equipment's history shows up to this many stops. */
export const HISTORY_PAGE_SIZE = 200;

/** `GET /api/downtime?equipmentId&from&to&pageSize`: the equipment's stops in the period. */
export function getEquipmentStops(
  scope: MaintenanceKpiScope,
  signal?: AbortSignal,
): Promise<Paginated<DowntimeStop>> {
  return api.get('/api/downtime', stopsPageSchema, {
    query: {
      equipmentId: scope.equipmentId,
      from: scope.from,
      to: scope.to,
      page: 1,
      pageSize: HISTORY_PAGE_SIZE,
    },
    signal,
  });
}

export function getEquipmentStopsQueryOptions(scope: MaintenanceKpiScope) {
  return queryOptions({
    queryKey: maintenanceKeys.stops(scope),
    queryFn: ({ signal }) => getEquipmentStops(scope, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEquipmentStops(scope: MaintenanceKpiScope) {
  return useQuery(getEquipmentStopsQueryOptions(scope));
}
