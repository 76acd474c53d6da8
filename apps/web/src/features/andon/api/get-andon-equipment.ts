import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Equipment, type Paginated, equipmentSchema, paginatedSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { andonKeys } from '@/features/andon/api/andon-query-keys';

const equipmentPageSchema = paginatedSchema(equipmentSchema);

/** `GET /api/equipment?lineId` (first 200): what a tablet can raise a call on. */
export function getAndonEquipment(
  lineId: string | undefined,
  signal?: AbortSignal,
): Promise<Paginated<Equipment>> {
  return api.get('/api/equipment', equipmentPageSchema, {
    query: { pageSize: 200, lineId },
    signal,
  });
}

export function getAndonEquipmentQueryOptions(lineId: string | undefined) {
  return queryOptions({
    queryKey: andonKeys.equipment(lineId),
    queryFn: ({ signal }) => getAndonEquipment(lineId, signal),
    staleTime: 5 * 60_000,
  });
}

export function useAndonEquipment(lineId: string | undefined) {
  return useQuery(getAndonEquipmentQueryOptions(lineId));
}
