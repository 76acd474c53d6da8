import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ChecklistTemplate,
  type UpdateChecklistTemplateInput,
  checklistTemplateSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { checklistKeys } from '@/features/checklists/api/checklist-query-keys';

export interface UpdateChecklistTemplateVariables {
  id: string;
  changes: UpdateChecklistTemplateInput;
}

/**
 * `PATCH /api/checklist-templates/:id` → 200. New items make a new version; `active: false`
 * retires the template (jobs no longer need it), `active: true` brings it back.
 */
export function updateChecklistTemplate({
  id,
  changes,
}: UpdateChecklistTemplateVariables): Promise<ChecklistTemplate> {
  return api.patch(
    `/api/checklist-templates/${encodeURIComponent(id)}`,
    changes,
    checklistTemplateSchema,
  );
}

export function useUpdateChecklistTemplate({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof updateChecklistTemplate> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [template] = args;
      queryClient.setQueryData(checklistKeys.templateDetail(template.id), template);
      // Which templates a job needs may have changed too.
      await queryClient.invalidateQueries({ queryKey: checklistKeys.all });
      await onSuccess?.(...args);
    },
    mutationFn: updateChecklistTemplate,
  });
}
