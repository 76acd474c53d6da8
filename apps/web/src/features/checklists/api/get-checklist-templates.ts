import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type ChecklistTemplate,
  type Paginated,
  checklistTemplateSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type ChecklistTemplateFilters,
  checklistKeys,
} from '@/features/checklists/api/checklist-query-keys';

const templatePageSchema = paginatedSchema(checklistTemplateSchema);

/** `GET /api/checklist-templates?active&lineId&productId&page&pageSize` */
export function getChecklistTemplates(
  filters: ChecklistTemplateFilters,
  signal?: AbortSignal,
): Promise<Paginated<ChecklistTemplate>> {
  return api.get('/api/checklist-templates', templatePageSchema, {
    query: {
      page: filters.page,
      pageSize: filters.pageSize,
      active: filters.active,
      lineId: filters.lineId,
      productId: filters.productId,
    },
    signal,
  });
}

export function getChecklistTemplatesQueryOptions(filters: ChecklistTemplateFilters) {
  return queryOptions({
    queryKey: checklistKeys.templateList(filters),
    queryFn: ({ signal }) => getChecklistTemplates(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChecklistTemplates(filters: ChecklistTemplateFilters) {
  return useQuery(getChecklistTemplatesQueryOptions(filters));
}
