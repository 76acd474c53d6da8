import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ReliabilityReport, reliabilityReportSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type DowntimeScope,
  downtimeKeys,
  scopeQuery,
} from '@/features/downtime/api/downtime-query-keys';

/** `GET /api/downtime/reliability?lineId|equipmentId&from&to`: MTBF and MTTR per equipment. */
export function getReliability(
  scope: DowntimeScope,
  signal?: AbortSignal,
): Promise<ReliabilityReport> {
  return api.get('/api/downtime/reliability', reliabilityReportSchema, {
    query: scopeQuery(scope),
    signal,
  });
}

export function getReliabilityQueryOptions(scope: DowntimeScope) {
  return queryOptions({
    queryKey: downtimeKeys.reliability(scope),
    queryFn: ({ signal }) => getReliability(scope, signal),
  });
}

export function useReliability(scope: DowntimeScope) {
  return useQuery(getReliabilityQueryOptions(scope));
}
