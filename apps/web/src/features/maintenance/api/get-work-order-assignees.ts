import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type Paginated,
  type WorkOrderAssigneeCandidate,
  paginatedSchema,
  workOrderAssigneeCandidateSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { workOrderKeys } from '@/features/maintenance/api/work-order-query-keys';

const assigneePageSchema = paginatedSchema(workOrderAssigneeCandidateSchema);

/**
 * `GET /api/work-orders/assignees?lineId` (first 200): who may be assigned a work order of the
 * line — active users holding `maintenance:execute` who see it. Needs `maintenance:plan`.
 */
export function getWorkOrderAssignees(
  lineId: string | undefined,
  signal?: AbortSignal,
): Promise<Paginated<WorkOrderAssigneeCandidate>> {
  return api.get('/api/work-orders/assignees', assigneePageSchema, {
    query: { pageSize: 200, lineId },
    signal,
  });
}

export function getWorkOrderAssigneesQueryOptions(lineId: string | undefined) {
  return queryOptions({
    queryKey: workOrderKeys.assignees(lineId),
    queryFn: ({ signal }) => getWorkOrderAssignees(lineId, signal),
    staleTime: 5 * 60_000,
  });
}

export function useWorkOrderAssignees(lineId: string | undefined, { enabled = true } = {}) {
  return useQuery({ ...getWorkOrderAssigneesQueryOptions(lineId), enabled });
}
