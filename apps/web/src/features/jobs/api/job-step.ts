import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type JobAssignment, type JobStep, jobAssignmentSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { jobKeys } from '@/features/jobs/api/job-query-keys';

export interface JobStepVariables {
  id: string;
  step: JobStep;
}

/**
 * `POST /api/jobs/:id/accept | start | complete` → 200 the job. 403 when it is another
 * operator's; 409 `INVALID_TRANSITION`, and for start `CHECKLIST_REQUIRED` / `CHECKLIST_FAILED`.
 */
export function jobStep({ id, step }: JobStepVariables): Promise<JobAssignment> {
  return api.post(`/api/jobs/${encodeURIComponent(id)}/${step}`, {}, jobAssignmentSchema);
}

export function useJobStep({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof jobStep> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      const [job] = args;
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      await queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      await onSuccess?.(...args);
    },
    mutationFn: jobStep,
  });
}
