import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type AssignDowntimeReasonInput,
  type DowntimeStop,
  type Paginated,
  downtimeStopSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { downtimeKeys } from '@/features/downtime/api/downtime-query-keys';

/** `PUT /api/downtime/reason` → 200 the stop with its new reason; 400 `fieldErrors` for an unknown reason or stop. */
export function assignDowntimeReason(input: AssignDowntimeReasonInput): Promise<DowntimeStop> {
  return api.put('/api/downtime/reason', input, downtimeStopSchema);
}

export function isSameStop(
  stop: Pick<DowntimeStop, 'equipmentId' | 'startedAt'>,
  other: Pick<DowntimeStop, 'equipmentId' | 'startedAt'>,
): boolean {
  return (
    stop.equipmentId === other.equipmentId &&
    Date.parse(stop.startedAt) === Date.parse(other.startedAt)
  );
}

/**
 * Says why a machine stopped. On success every cached stop list gets the updated stop: lists of
 * unassigned stops drop it at once (the card disappears), the others show its new reason; then all
 * downtime queries (lists, Pareto, reliability) are refetched.
 */
export function useAssignDowntimeReason({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof assignDowntimeReason> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [updated] = args;
      for (const [key, page] of queryClient.getQueriesData<Paginated<DowntimeStop>>({
        queryKey: downtimeKeys.lists(),
      })) {
        if (page === undefined) continue;
        queryClient.setQueryData(key, replaceStop(key, page, updated));
      }
      await onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: downtimeKeys.all });
    },
    mutationFn: assignDowntimeReason,
  });
}

function replaceStop(
  key: QueryKey,
  page: Paginated<DowntimeStop>,
  updated: DowntimeStop,
): Paginated<DowntimeStop> {
  const filters = key[2] as { unassigned?: boolean } | undefined;
  if (filters?.unassigned === true) {
    const items = page.items.filter((stop) => !isSameStop(stop, updated));
    return { ...page, items, total: page.total - (page.items.length - items.length) };
  }
  return {
    ...page,
    items: page.items.map((stop) => (isSameStop(stop, updated) ? updated : stop)),
  };
}
