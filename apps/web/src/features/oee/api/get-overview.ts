import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Overview, overviewSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { oeeKeys } from '@/features/oee/api/oee-query-keys';

/** `GET /api/overview[?lineId=]`: every line's live states and current-shift OEE. */
export function getOverview(lineId?: string, signal?: AbortSignal): Promise<Overview> {
  return api.get('/api/overview', overviewSchema, {
    query: { lineId },
    signal,
  });
}

export function getOverviewQueryOptions(lineId?: string) {
  return queryOptions({
    queryKey: oeeKeys.overview(lineId),
    queryFn: ({ signal }) => getOverview(lineId, signal),
  });
}

/** A one-off read (the drill-down's "current shift" window); the live board uses `useOverviewLive`. */
export function useOverview(lineId?: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getOverviewQueryOptions(lineId), enabled });
}
