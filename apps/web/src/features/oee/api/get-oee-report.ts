import { queryOptions, useQuery } from '@tanstack/react-query';
import { type OeeReport, oeeReportSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { type OeeScope, oeeKeys, oeeScopeQuery } from '@/features/oee/api/oee-query-keys';

/** `GET /api/oee?equipmentId|lineId&from&to`: OEE with its times, counts, losses and explanation. */
export function getOeeReport(scope: OeeScope, signal?: AbortSignal): Promise<OeeReport> {
  return api.get('/api/oee', oeeReportSchema, {
    query: oeeScopeQuery(scope),
    signal,
  });
}

export function getOeeReportQueryOptions(scope: OeeScope) {
  return queryOptions({
    queryKey: oeeKeys.report(scope),
    queryFn: ({ signal }) => getOeeReport(scope, signal),
  });
}

export function useOeeReport(scope: OeeScope) {
  return useQuery(getOeeReportQueryOptions(scope));
}
