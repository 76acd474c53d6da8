import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Line, type Paginated, lineSchema, paginatedSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { andonKeys } from '@/features/andon/api/andon-query-keys';

const linePageSchema = paginatedSchema(lineSchema);

/** `GET /api/lines` (first 200): the lines a tablet can be fixed to. */
export function getAndonLines(signal?: AbortSignal): Promise<Paginated<Line>> {
  return api.get('/api/lines', linePageSchema, {
    query: { pageSize: 200 },
    signal,
  });
}

export function useAndonLines() {
  return useQuery(
    queryOptions({
      queryKey: andonKeys.lines(),
      queryFn: ({ signal }) => getAndonLines(signal),
      staleTime: 5 * 60_000,
    }),
  );
}
