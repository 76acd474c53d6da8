import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type DowntimeStop,
  type Paginated,
  downtimeStopSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type DowntimeListFilters,
  downtimeKeys,
  scopeQuery,
} from '@/features/downtime/api/downtime-query-keys';

const stopsPageSchema = paginatedSchema(downtimeStopSchema);

/** `GET /api/downtime?lineId|equipmentId&from&to[&unassigned=true]&page&pageSize` */
export function getDowntimeStops(
  filters: DowntimeListFilters,
  signal?: AbortSignal,
): Promise<Paginated<DowntimeStop>> {
  return api.get('/api/downtime', stopsPageSchema, {
    query: {
      ...scopeQuery(filters),
      unassigned: filters.unassigned === true ? 'true' : undefined,
      page: filters.page,
      pageSize: filters.pageSize,
    },
    signal,
  });
}

export function getDowntimeStopsQueryOptions(filters: DowntimeListFilters) {
  return queryOptions({
    queryKey: downtimeKeys.list(filters),
    queryFn: ({ signal }) => getDowntimeStops(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDowntimeStops(
  filters: DowntimeListFilters,
  { refetchInterval }: { refetchInterval?: number } = {},
) {
  return useQuery({
    ...getDowntimeStopsQueryOptions(filters),
    refetchInterval,
  });
}
