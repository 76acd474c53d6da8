import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { plantKeys } from '@/features/plant/api/plant-query-keys';
import {
  PLANT_RESOURCE_INFO,
  type PlantCreateInputs,
  type PlantItems,
  type PlantResourceName,
  resourcePath,
} from '@/features/plant/api/plant-resources';

export interface CreatePlantItemVariables<K extends PlantResourceName> {
  resource: K;
  input: PlantCreateInputs[K];
}

/** `POST /api/<collection>` → 201 the item; 400 / 409 carry `fieldErrors`. */
export function createPlantItem<K extends PlantResourceName>({
  resource,
  input,
}: CreatePlantItemVariables<K>): Promise<PlantItems[K]> {
  return api.post(resourcePath(resource), input, PLANT_RESOURCE_INFO[resource].itemSchema);
}

export function useCreatePlantItem<K extends PlantResourceName>(resource: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlantCreateInputs[K]) => createPlantItem({ resource, input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: plantKeys.lists(resource) });
    },
  });
}
