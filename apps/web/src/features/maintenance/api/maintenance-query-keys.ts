export interface MaintenancePlanListFilters {
  page: number;
  pageSize: number;
  equipmentId?: string | undefined;
  lineId?: string | undefined;
}

/** Which KPIs: one equipment (or line) over a window. */
export interface MaintenanceKpiScope {
  equipmentId?: string | undefined;
  lineId?: string | undefined;
  from: string;
  to: string;
}

/**
 * Preventive-plan and maintenance-figure query keys, widest first: `plans → planLists →
 * planList(filters)`, `planDetails → planDetail(id)`; `kpis(scope)`, `overview()`. A plan mutation
 * sets its `planDetail` and invalidates `planLists()`; `maintenance.workorder.changed` (a preventive
 * order created or completed moves a plan's meters and next due) invalidates `plans` and `figures`
 * (the KPIs, the overview and an equipment's history lists).
 */
export const maintenanceKeys = {
  plans: ['maintenance-plans'] as const,
  planLists: () => [...maintenanceKeys.plans, 'list'] as const,
  planList: (filters: MaintenancePlanListFilters) =>
    [...maintenanceKeys.planLists(), filters] as const,
  planDetails: () => [...maintenanceKeys.plans, 'detail'] as const,
  planDetail: (id: string) => [...maintenanceKeys.planDetails(), id] as const,
  figures: ['maintenance-figures'] as const,
  kpis: (scope: MaintenanceKpiScope) => [...maintenanceKeys.figures, 'kpis', scope] as const,
  overview: () => [...maintenanceKeys.figures, 'overview'] as const,
  /** An equipment's stops and andon calls for its history page (the work orders are `workOrderKeys`). */
  stops: (scope: MaintenanceKpiScope) => [...maintenanceKeys.figures, 'stops', scope] as const,
  andonCalls: (scope: MaintenanceKpiScope) =>
    [...maintenanceKeys.figures, 'andon-calls', scope] as const,
};
