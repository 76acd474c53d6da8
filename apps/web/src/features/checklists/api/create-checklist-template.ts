import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ChecklistTemplate,
  type CreateChecklistTemplateInput,
  checklistTemplateSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { checklistKeys } from '@/features/checklists/api/checklist-query-keys';

/** `POST /api/checklist-templates` → 201 version 1; 400 names the fields (`items.2.max`). */
export function createChecklistTemplate(
  input: CreateChecklistTemplateInput,
): Promise<ChecklistTemplate> {
  return api.post('/api/checklist-templates', input, checklistTemplateSchema);
}

export function useCreateChecklistTemplate({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof createChecklistTemplate> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [template] = args;
      queryClient.setQueryData(checklistKeys.templateDetail(template.id), template);
      await queryClient.invalidateQueries({ queryKey: checklistKeys.templateLists() });
      await onSuccess?.(...args);
    },
    mutationFn: createChecklistTemplate,
  });
}
