/** One shift occurrence of a line: a shift and the local date it starts on; null = the latest. */
export interface HandoverOccurrence {
  shiftId: string;
  date: string;
}

export type HandoverStatusFilter = 'open' | 'acknowledged' | 'all';

export interface HandoverListFilters {
  page: number;
  pageSize: number;
  lineId?: string | undefined;
  status: HandoverStatusFilter;
}

/**
 * Handover query keys, widest first: `all → drafts → draft(line, occurrence)`,
 * `all → lists → list(filters)`, `all → details → detail(id)`. `handover.changed` invalidates
 * `all`; counts, orders and andon calls change the drafts (the live summary) only.
 */
export const handoverKeys = {
  all: ['handover'] as const,
  drafts: () => [...handoverKeys.all, 'draft'] as const,
  draft: (lineId: string, occurrence: HandoverOccurrence | null) =>
    [...handoverKeys.drafts(), lineId, occurrence ?? 'latest'] as const,
  lists: () => [...handoverKeys.all, 'list'] as const,
  list: (filters: HandoverListFilters) => [...handoverKeys.lists(), filters] as const,
  details: () => [...handoverKeys.all, 'detail'] as const,
  detail: (id: string) => [...handoverKeys.details(), id] as const,
};
