import { queryOptions, useQuery } from '@tanstack/react-query';
import { operatorSchema, paginatedSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';

export interface OperatorChoice {
  id: string;
  displayName: string;
}

const operatorsPageSchema = paginatedSchema(operatorSchema);

/** The active operators (`GET /api/operators`, `jobs:assign`), by name. */
export async function getOperators(signal?: AbortSignal): Promise<OperatorChoice[]> {
  const page = await api.get('/api/operators', operatorsPageSchema, {
    query: { pageSize: 200 },
    signal,
  });
  return page.items
    .map((operator) => ({ id: operator.id, displayName: operator.displayName }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function useOperators() {
  return useQuery(
    queryOptions({
      queryKey: scheduleKeys.operators(),
      queryFn: ({ signal }) => getOperators(signal),
      staleTime: 5 * 60_000,
    }),
  );
}
