export interface ChecklistTemplateFilters {
  page: number;
  pageSize: number;
  active: 'true' | 'false' | 'all';
  lineId?: string | undefined;
  productId?: string | undefined;
}

/**
 * Checklist query keys, widest first: `all → templates → lists → list(filters)`,
 * `templates → detail(id)`, `jobs → job(jobId)` (what a job needs before it starts).
 * `checklist.run.completed` invalidates the job's status; template changes invalidate `templates`.
 */
export const checklistKeys = {
  all: ['checklists'] as const,
  templates: () => [...checklistKeys.all, 'templates'] as const,
  templateLists: () => [...checklistKeys.templates(), 'list'] as const,
  templateList: (filters: ChecklistTemplateFilters) =>
    [...checklistKeys.templateLists(), filters] as const,
  templateDetail: (id: string) => [...checklistKeys.templates(), 'detail', id] as const,
  jobs: () => [...checklistKeys.all, 'job'] as const,
  job: (jobId: string) => [...checklistKeys.jobs(), jobId] as const,
};
