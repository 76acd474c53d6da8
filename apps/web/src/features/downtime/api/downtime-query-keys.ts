/** Which stops, of which equipment or line, over which window. */
export interface DowntimeScope {
  lineId?: string | undefined;
  equipmentId?: string | undefined;
  from: string;
  to: string;
}

export interface DowntimeListFilters extends DowntimeScope {
  page: number;
  pageSize: number;
  unassigned?: boolean | undefined;
}

/**
 * Query keys for downtime, widest first. A reason assignment changes stops, the Pareto and
 * reliability alike, so it invalidates `all`.
 */
export const downtimeKeys = {
  all: ['downtime'] as const,
  lists: () => [...downtimeKeys.all, 'list'] as const,
  list: (filters: DowntimeListFilters) => [...downtimeKeys.lists(), filters] as const,
  paretos: () => [...downtimeKeys.all, 'pareto'] as const,
  pareto: (scope: DowntimeScope) => [...downtimeKeys.paretos(), scope] as const,
  reliabilities: () => [...downtimeKeys.all, 'reliability'] as const,
  reliability: (scope: DowntimeScope) => [...downtimeKeys.reliabilities(), scope] as const,
};

export function scopeQuery(scope: DowntimeScope) {
  return {
    lineId: scope.lineId,
    equipmentId: scope.equipmentId,
    from: scope.from,
    to: scope.to,
  };
}
