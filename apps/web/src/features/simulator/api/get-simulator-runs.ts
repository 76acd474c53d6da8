import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type Paginated,
  type SimulatorRun,
  paginatedSchema,
  simulatorRunSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type SimulatorRunFilters,
  simulatorKeys,
} from '@/features/simulator/api/simulator-query-keys';

const runsPageSchema = paginatedSchema(simulatorRunSchema);

/** `GET /api/simulator/runs?page&pageSize` → the runs, newest first. */
export function getSimulatorRuns(
  filters: SimulatorRunFilters,
  signal?: AbortSignal,
): Promise<Paginated<SimulatorRun>> {
  return api.get('/api/simulator/runs', runsPageSchema, {
    query: { page: filters.page, pageSize: filters.pageSize },
    signal,
  });
}

export function getSimulatorRunsQueryOptions(filters: SimulatorRunFilters) {
  return queryOptions({
    queryKey: simulatorKeys.runList(filters),
    queryFn: ({ signal }) => getSimulatorRuns(filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
}

export function useSimulatorRuns(filters: SimulatorRunFilters) {
  return useQuery(getSimulatorRunsQueryOptions(filters));
}
