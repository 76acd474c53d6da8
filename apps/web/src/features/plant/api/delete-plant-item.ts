import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, api } from '@/lib/api-client';
import { plantKeys } from '@/features/plant/api/plant-query-keys';
import { type PlantResourceName, resourcePath } from '@/features/plant/api/plant-resources';

/**
 * `DELETE /api/<collection>/:id` → 204; 409 `IN_USE` while something still refers to it.

 */
export function deletePlantItem(
  { resource, id }: { resource: PlantResourceName; id: string },
  client: ApiClient = api,
): Promise<void> {
  return client.delete(resourcePath(resource, id));
}

export function useDeletePlantItem(resource: PlantResourceName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deletePlantItem({ resource, id }),
    onSuccess: async (_, id) => {
      queryClient.removeQueries({ queryKey: plantKeys.detail(resource, id) });
      await queryClient.invalidateQueries({ queryKey: plantKeys.lists(resource) });
    },
  });
}
