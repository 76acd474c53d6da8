import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type JobAssignment,
  type Paginated,
  jobAssignmentSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

const jobPageSchema = paginatedSchema(jobAssignmentSchema);

/** `GET /api/jobs?orderId` (first 200): who is assigned to the order. */
export function getOrderJobs(
  orderId: string,
  signal?: AbortSignal,
): Promise<Paginated<JobAssignment>> {
  return api.get('/api/jobs', jobPageSchema, {
    query: { orderId, pageSize: 200 },
    signal,
  });
}

export function useOrderJobs(orderId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery(
    queryOptions({
      queryKey: scheduleKeys.orderJobs(orderId),
      queryFn: ({ signal }) => getOrderJobs(orderId, signal),
      enabled,
    }),
  );
}
