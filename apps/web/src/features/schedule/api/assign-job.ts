import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateJobAssignmentInput,
  type JobAssignment,
  jobAssignmentSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

/** `POST /api/jobs` → 201 the job; 400 names `operatorId` when the user is not an operator. */
export function assignJob(input: CreateJobAssignmentInput): Promise<JobAssignment> {
  return api.post('/api/jobs', input, jobAssignmentSchema);
}

export function useAssignJob({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof assignJob> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.jobs() });
      await onSuccess?.(...args);
    },
    mutationFn: assignJob,
  });
}
