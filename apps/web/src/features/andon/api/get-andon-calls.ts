import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type AndonCall, type Paginated, andonCallSchema, paginatedSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { type AndonCallFilters, andonKeys } from '@/features/andon/api/andon-query-keys';

const andonPageSchema = paginatedSchema(andonCallSchema);

/** `GET /api/andon?status&lineId&equipmentId&type&priority&sort&page&pageSize` */
export function getAndonCalls(
  filters: AndonCallFilters,
  signal?: AbortSignal,
): Promise<Paginated<AndonCall>> {
  return api.get('/api/andon', andonPageSchema, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      status: filters.status?.join(','),
      lineId: filters.lineId,
      equipmentId: filters.equipmentId,
      type: filters.type,
      priority: filters.priority,
      sort: filters.sort,
    },
    signal,
  });
}

export function getAndonCallsQueryOptions(filters: AndonCallFilters) {
  return queryOptions({
    queryKey: andonKeys.list(filters),
    queryFn: ({ signal }) => getAndonCalls(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAndonCalls(filters: AndonCallFilters) {
  return useQuery(getAndonCallsQueryOptions(filters));
}
