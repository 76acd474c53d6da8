import type { OeeBucket } from '@/features/oee/utils/oee-range';

/** An equipment's or a line's OEE over `[from, to)`. */
export interface OeeScope {
  lineId?: string | undefined;
  equipmentId?: string | undefined;
  from: string;
  to: string;
}

export interface OeeSeriesScope extends OeeScope {
  bucket: OeeBucket;
  timezone: string;
}

/**
 * Query keys for OEE, widest first. A socket message such as `equipment.state.changed` should
 * invalidate `overviews()` (and `all` when counts arrive), never patch the cache by hand.
 */
export const oeeKeys = {
  all: ['oee'] as const,
  overviews: () => [...oeeKeys.all, 'overview'] as const,
  overview: (lineId?: string) => [...oeeKeys.overviews(), lineId ?? 'all'] as const,
  reports: () => [...oeeKeys.all, 'report'] as const,
  report: (scope: OeeScope) => [...oeeKeys.reports(), scope] as const,
  series: () => [...oeeKeys.all, 'series'] as const,
  seriesOf: (scope: OeeSeriesScope) => [...oeeKeys.series(), scope] as const,
};

export function oeeScopeQuery(scope: OeeScope) {
  return {
    lineId: scope.lineId,
    equipmentId: scope.equipmentId,
    from: scope.from,
    to: scope.to,
  };
}
