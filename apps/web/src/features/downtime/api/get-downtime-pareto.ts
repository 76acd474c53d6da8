import { queryOptions, useQuery } from '@tanstack/react-query';
import { type DowntimePareto, downtimeParetoSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type DowntimeScope,
  downtimeKeys,
  scopeQuery,
} from '@/features/downtime/api/downtime-query-keys';

/** `GET /api/downtime/pareto?lineId|equipmentId&from&to` */
export function getDowntimePareto(
  scope: DowntimeScope,
  signal?: AbortSignal,
): Promise<DowntimePareto> {
  return api.get('/api/downtime/pareto', downtimeParetoSchema, {
    query: scopeQuery(scope),
    signal,
  });
}

export function getDowntimeParetoQueryOptions(scope: DowntimeScope) {
  return queryOptions({
    queryKey: downtimeKeys.pareto(scope),
    queryFn: ({ signal }) => getDowntimePareto(scope, signal),
  });
}

export function useDowntimePareto(scope: DowntimeScope) {
  return useQuery(getDowntimeParetoQueryOptions(scope));
}
