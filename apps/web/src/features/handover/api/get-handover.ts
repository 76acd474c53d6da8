import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Handover, handoverSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { handoverKeys } from '@/features/handover/api/handover-query-keys';

/** `GET /api/handovers/:id`: the frozen summary, the notes and the acknowledgement. */
export function getHandover(id: string, signal?: AbortSignal): Promise<Handover> {
  return api.get(`/api/handovers/${encodeURIComponent(id)}`, handoverSchema, { signal });
}

export function getHandoverQueryOptions(id: string) {
  return queryOptions({
    queryKey: handoverKeys.detail(id),
    queryFn: ({ signal }) => getHandover(id, signal),
  });
}

export function useHandover(id: string) {
  return useQuery(getHandoverQueryOptions(id));
}
