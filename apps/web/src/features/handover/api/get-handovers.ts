import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type Handover, type Paginated, handoverSchema, paginatedSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type HandoverListFilters,
  handoverKeys,
} from '@/features/handover/api/handover-query-keys';

const handoverPageSchema = paginatedSchema(handoverSchema);

/** `GET /api/handovers?lineId&status=open|acknowledged|all&page&pageSize`, newest first. */
export function getHandovers(
  filters: HandoverListFilters,
  signal?: AbortSignal,
): Promise<Paginated<Handover>> {
  return api.get('/api/handovers', handoverPageSchema, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      lineId: filters.lineId,
      status: filters.status,
    },
    signal,
  });
}

export function getHandoversQueryOptions(filters: HandoverListFilters) {
  return queryOptions({
    queryKey: handoverKeys.list(filters),
    queryFn: ({ signal }) => getHandovers(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHandovers(filters: HandoverListFilters) {
  return useQuery(getHandoversQueryOptions(filters));
}
