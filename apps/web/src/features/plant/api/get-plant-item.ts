import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { plantKeys } from '@/features/plant/api/plant-query-keys';
import {
  PLANT_RESOURCE_INFO,
  type PlantItems,
  type PlantResourceName,
  resourcePath,
} from '@/features/plant/api/plant-resources';

/** `GET /api/<collection>/:id` */
export function getPlantItem<K extends PlantResourceName>(
  resource: K,
  id: string,
  signal?: AbortSignal,
): Promise<PlantItems[K]> {
  return api.get(resourcePath(resource, id), PLANT_RESOURCE_INFO[resource].itemSchema, { signal });
}

export function getPlantItemQueryOptions<K extends PlantResourceName>(resource: K, id: string) {
  return queryOptions({
    queryKey: plantKeys.detail(resource, id),
    queryFn: ({ signal }) => getPlantItem(resource, id, signal),
  });
}

export function useLine(id: string) {
  return useQuery(getPlantItemQueryOptions('lines', id));
}

export function useEquipmentItem(id: string) {
  return useQuery(getPlantItemQueryOptions('equipment', id));
}
