import type { PlantResourceName } from '@/features/plant/api/plant-resources';

export interface PlantListFilters {
  page: number;
  pageSize: number;
  search?: string | undefined;
  siteId?: string | undefined;
  lineId?: string | undefined;
}

/**
 * Query keys for plant configuration, widest first: `all → resource → lists → list(filters)`,
 * `resource → details → detail(id)`. A change to a collection invalidates its `lists`.
 */
export const plantKeys = {
  all: ['plant'] as const,
  resource: (resource: PlantResourceName) => [...plantKeys.all, resource] as const,
  lists: (resource: PlantResourceName) => [...plantKeys.resource(resource), 'list'] as const,
  list: (resource: PlantResourceName, filters: PlantListFilters) =>
    [...plantKeys.lists(resource), filters] as const,
  details: (resource: PlantResourceName) => [...plantKeys.resource(resource), 'detail'] as const,
  detail: (resource: PlantResourceName, id: string) =>
    [...plantKeys.details(resource), id] as const,
};
