import { queryOptions, useQuery } from '@tanstack/react-query';
import { type HandoverDraft, handoverDraftSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { type HandoverOccurrence, handoverKeys } from '@/features/handover/api/handover-query-keys';

/**
 * `GET /api/lines/:id/handover-draft?shiftId&date`: what the outgoing shift would hand over, as
 * the server computes it now (without an occurrence: of those that began, the one ending nearest
 * to now).
 */
export function getHandoverDraft(
  lineId: string,
  occurrence: HandoverOccurrence | null,
  signal?: AbortSignal,
): Promise<HandoverDraft> {
  return api.get(`/api/lines/${encodeURIComponent(lineId)}/handover-draft`, handoverDraftSchema, {
    query: occurrence === null ? {} : { shiftId: occurrence.shiftId, date: occurrence.date },
    signal,
  });
}

export function getHandoverDraftQueryOptions(
  lineId: string,
  occurrence: HandoverOccurrence | null,
) {
  return queryOptions({
    queryKey: handoverKeys.draft(lineId, occurrence),
    queryFn: ({ signal }) => getHandoverDraft(lineId, occurrence, signal),
  });
}

export function useHandoverDraft(lineId: string, occurrence: HandoverOccurrence | null) {
  return useQuery(getHandoverDraftQueryOptions(lineId, occurrence));
}
