import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type HealthInfo,
  type PublicHealthInfo,
  healthInfoSchema,
  publicHealthInfoSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { systemKeys } from '@/features/system/api/system-query-keys';

// The full answer first: a signed-in user's token gets it; without one, only version and uptime.
const answerSchema = z.union([healthInfoSchema, publicHealthInfoSchema]);

/**
 * `GET /health/info` with the user's token: version, uptime, and (signed in) database kind, build,
 * Node.js version. Anonymous callers are told version and uptime only.
 */
export function getHealthInfo(signal?: AbortSignal): Promise<HealthInfo | PublicHealthInfo> {
  return api.get('/health/info', answerSchema, { signal });
}

/** Whether the server told everything (it does to a signed-in user). */
export function isFullHealthInfo(info: HealthInfo | PublicHealthInfo): info is HealthInfo {
  return 'database' in info;
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
