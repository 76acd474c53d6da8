import { queryOptions, useQuery } from '@tanstack/react-query';
import { type OeeSeriesReport, oeeSeriesReportSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { type OeeSeriesScope, oeeKeys, oeeScopeQuery } from '@/features/oee/api/oee-query-keys';

/** `GET /api/oee/series?…&bucket=hour|shift|day&timezone=` */
export function getOeeSeries(
  scope: OeeSeriesScope,
  signal?: AbortSignal,
): Promise<OeeSeriesReport> {
  return api.get('/api/oee/series', oeeSeriesReportSchema, {
    query: { ...oeeScopeQuery(scope), bucket: scope.bucket, timezone: scope.timezone },
    signal,
  });
}

export function getOeeSeriesQueryOptions(scope: OeeSeriesScope) {
  return queryOptions({
    queryKey: oeeKeys.seriesOf(scope),
    queryFn: ({ signal }) => getOeeSeries(scope, signal),
  });
}

export function useOeeSeries(scope: OeeSeriesScope) {
  return useQuery(getOeeSeriesQueryOptions(scope));
}
