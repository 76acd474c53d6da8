import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type Paginated, paginatedSchema } from '@ms5/contracts';
import { type ResponseParser, api } from '@/lib/api-client';
import { type PlantListFilters, plantKeys } from '@/features/plant/api/plant-query-keys';
import {
  PLANT_RESOURCE_INFO,
  type PlantItems,
  type PlantResourceName,
  resourcePath,
} from '@/features/plant/api/plant-resources';

/** `GET /api/<collection>?page&pageSize&search&siteId&lineId` */
export function getPlantList<K extends PlantResourceName>(
  resource: K,
  filters: PlantListFilters,
  signal?: AbortSignal,
): Promise<Paginated<PlantItems[K]>> {
  const parser = paginatedSchema(
    PLANT_RESOURCE_INFO[resource].itemSchema as Parameters<typeof paginatedSchema>[0],
  ) as ResponseParser<Paginated<PlantItems[K]>>;
  return api.get(resourcePath(resource), parser, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      search: filters.search,
      siteId: filters.siteId,
      lineId: filters.lineId,
    },
    signal,
  });
}

export function getPlantListQueryOptions<K extends PlantResourceName>(
  resource: K,
  filters: PlantListFilters,
) {
  return queryOptions({
    queryKey: plantKeys.list(resource, filters),
    queryFn: ({ signal }) => getPlantList(resource, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlantList<K extends PlantResourceName>(resource: K, filters: PlantListFilters) {
  return useQuery(getPlantListQueryOptions(resource, filters));
}

/** The largest page the API gives: enough for pickers (lines, equipment, reasons) in one plant. */
export const ALL_ITEMS: PlantListFilters = { page: 1, pageSize: 200 };

export function useSites() {
  return usePlantList('sites', ALL_ITEMS);
}

export function useAreas() {
  return usePlantList('areas', ALL_ITEMS);
}

export function useLines() {
  return usePlantList('lines', ALL_ITEMS);
}

export function useAllEquipment() {
  return usePlantList('equipment', ALL_ITEMS);
}

export function useDowntimeReasons() {
  return usePlantList('downtime-reasons', ALL_ITEMS);
}
