import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { plantKeys } from '@/features/plant/api/plant-query-keys';
import {
  PLANT_RESOURCE_INFO,
  type PlantItems,
  type PlantResourceName,
  type PlantUpdateInputs,
  resourcePath,
} from '@/features/plant/api/plant-resources';

export interface UpdatePlantItemVariables<K extends PlantResourceName> {
  resource: K;
  id: string;
  changes: PlantUpdateInputs[K];
}

/** `PATCH /api/<collection>/:id` → 200 the item; 400 / 409 carry `fieldErrors`. */
export function updatePlantItem<K extends PlantResourceName>({
  resource,
  id,
  changes,
}: UpdatePlantItemVariables<K>): Promise<PlantItems[K]> {
  return api.patch(resourcePath(resource, id), changes, PLANT_RESOURCE_INFO[resource].itemSchema);
}

export function useUpdatePlantItem<K extends PlantResourceName>(resource: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: PlantUpdateInputs[K] }) =>
      updatePlantItem({ resource, id, changes }),
    onSuccess: async (item, { id }) => {
      queryClient.setQueryData(plantKeys.detail(resource, id), item);
      await queryClient.invalidateQueries({ queryKey: plantKeys.lists(resource) });
    },
  });
}
