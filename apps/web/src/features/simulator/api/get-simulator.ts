import { queryOptions, useQuery } from '@tanstack/react-query';
import { type SimulatorState, simulatorStateSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { simulatorKeys } from '@/features/simulator/api/simulator-query-keys';

/** `GET /api/simulator` → the status and the current run with its counters. */
export function getSimulator(signal?: AbortSignal): Promise<SimulatorState> {
  return api.get('/api/simulator', simulatorStateSchema, { signal });
}

export function getSimulatorQueryOptions() {
  return queryOptions({
    queryKey: simulatorKeys.state(),
    queryFn: ({ signal }) => getSimulator(signal),
    // The counters move while it runs.
    refetchInterval: 3000,
  });
}

export function useSimulator() {
  return useQuery(getSimulatorQueryOptions());
}
