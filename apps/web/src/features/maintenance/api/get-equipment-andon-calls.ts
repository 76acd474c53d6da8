import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type AndonCall, type Paginated, andonCallSchema, paginatedSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { HISTORY_PAGE_SIZE } from '@/features/maintenance/api/get-equipment-stops';
import {
  type MaintenanceKpiScope,
  maintenanceKeys,
} from '@/features/maintenance/api/maintenance-query-keys';

const andonPageSchema = paginatedSchema(andonCallSchema);

/** `GET /api/andon?equipmentId&from&to&sort=raised&pageSize`: the equipment's calls raised in the period. */
export function getEquipmentAndonCalls(
  scope: MaintenanceKpiScope,
  signal?: AbortSignal,
): Promise<Paginated<AndonCall>> {
  return api.get('/api/andon', andonPageSchema, {
    query: {
      equipmentId: scope.equipmentId,
      from: scope.from,
      to: scope.to,
      sort: 'raised',
      page: 1,
      pageSize: HISTORY_PAGE_SIZE,
    },
    signal,
  });
}

export function getEquipmentAndonCallsQueryOptions(scope: MaintenanceKpiScope) {
  return queryOptions({
    queryKey: maintenanceKeys.andonCalls(scope),
    queryFn: ({ signal }) => getEquipmentAndonCalls(scope, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEquipmentAndonCalls(scope: MaintenanceKpiScope) {
  return useQuery(getEquipmentAndonCallsQueryOptions(scope));
}
