import { useQuery } from '@tanstack/react-query';
import { getOverviewQueryOptions } from '@/features/oee/api/get-overview';

/** How often the board asks again while there is no push channel. */
export const OVERVIEW_POLL_MS = 10_000;

/**
 * The plant overview, kept live. For now it polls every 10 s. When the socket.io gateway lands,
 * replace the polling here (and only here) with a subscription that invalidates
 * `oeeKeys.overviews()` on `equipment.state.changed` / count events; callers do not change.
 */
export function useOverviewLive(lineId?: string) {
  return useQuery({
    ...getOverviewQueryOptions(lineId),
    refetchInterval: OVERVIEW_POLL_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}
