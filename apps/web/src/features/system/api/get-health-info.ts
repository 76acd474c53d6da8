import { queryOptions, useQuery } from '@tanstack/react-query';
import { type HealthInfo, healthInfoSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { systemKeys } from '@/features/system/api/system-query-keys';

/** `GET /health/info` (public): version, uptime, database kind. */
export function getHealthInfo(signal?: AbortSignal): Promise<HealthInfo> {
  return api.get('/health/info', healthInfoSchema, {
    auth: false,
    signal,
  });
}

export function getHealthInfoQueryOptions() {
  return queryOptions({
    queryKey: systemKeys.healthInfo(),
    queryFn: ({ signal }) => getHealthInfo(signal),
    refetchInterval: 60_000,
  });
}

export function useHealthInfo() {
  return useQuery(getHealthInfoQueryOptions());
}
