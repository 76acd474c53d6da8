import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRealtime } from '@/lib/realtime';
import { getOverviewQueryOptions } from '@/features/oee/api/get-overview';
import { oeeKeys } from '@/features/oee/api/oee-query-keys';

/**
 * How often the board asks again on its own: OEE drifts with time even without events (a stop
 * grows longer), and the push channel may be down.
 */
export const OVERVIEW_POLL_MS = 10_000;

/**
 * The plant overview, kept live: `equipment.state.changed` and `oee.line.updated` from the
 * realtime connection invalidate the overview at once; polling covers the drift in between.
 */
export function useOverviewLive(lineId?: string) {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    const invalidate = () => void queryClient.invalidateQueries({ queryKey: oeeKeys.overviews() });
    return {
      'equipment.state.changed': invalidate,
      'oee.line.updated': invalidate,
      'realtime.resync': invalidate,
    };
  }, [queryClient]);
  useRealtime(handlers);
  return useQuery({
    ...getOverviewQueryOptions(lineId),
    refetchInterval: OVERVIEW_POLL_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}
