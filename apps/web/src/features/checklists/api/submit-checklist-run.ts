import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ChecklistRun,
  type SubmitChecklistRunInput,
  checklistRunSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { checklistKeys } from '@/features/checklists/api/checklist-query-keys';

export interface SubmitChecklistRunVariables {
  jobId: string;
  input: SubmitChecklistRunInput;
}

/**
 * `POST /api/jobs/:id/checklists` → 201 the run with its result (passed, blocking, failed items,
 * the andon call it raised). Only the job's own operator.
 */
export function submitChecklistRun({
  jobId,
  input,
}: SubmitChecklistRunVariables): Promise<ChecklistRun> {
  return api.post(`/api/jobs/${encodeURIComponent(jobId)}/checklists`, input, checklistRunSchema);
}

export function useSubmitChecklistRun({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof submitChecklistRun> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, onError, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [, { jobId }] = args;
      await queryClient.invalidateQueries({ queryKey: checklistKeys.job(jobId) });
      await onSuccess?.(...args);
    },
    // Refused (e.g. the template was edited meanwhile, or the job moved on): show what holds now.
    onError: async (...args) => {
      const [, { jobId }] = args;
      await queryClient.invalidateQueries({ queryKey: checklistKeys.job(jobId) });
      await onError?.(...args);
    },
    mutationFn: submitChecklistRun,
  });
}
