import type { AndonPriority, AndonStatus, AndonType } from '@ms5/contracts';

export interface AndonCallFilters {
  page: number;
  pageSize: number;
  status?: readonly AndonStatus[] | undefined;
  lineId?: string | undefined;
  equipmentId?: string | undefined;
  type?: AndonType | undefined;
  priority?: AndonPriority | undefined;
  sort?: 'raised' | 'urgency' | undefined;
}

/**
 * Andon query keys, widest first. Socket events invalidate `all` (calls and what they feed);
 * mutations invalidate `lists()` and set the call's `detail`.
 */
export const andonKeys = {
  all: ['andon'] as const,
  lists: () => [...andonKeys.all, 'list'] as const,
  list: (filters: AndonCallFilters) => [...andonKeys.lists(), filters] as const,
  details: () => [...andonKeys.all, 'detail'] as const,
  detail: (id: string) => [...andonKeys.details(), id] as const,
  equipment: (lineId: string | undefined) =>
    [...andonKeys.all, 'equipment', lineId ?? 'all'] as const,
  lines: () => [...andonKeys.all, 'lines'] as const,
};
