import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type AuditEntry, type Paginated, auditEntrySchema, paginatedSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import { type AuditLogFilters, auditKeys } from '@/features/audit/api/audit-query-keys';

const auditPageSchema = paginatedSchema(auditEntrySchema);

/** `GET /api/audit-log?page&pageSize`, newest first. */
export function getAuditLog(
  filters: AuditLogFilters,
  signal?: AbortSignal,
): Promise<Paginated<AuditEntry>> {
  return api.get('/api/audit-log', auditPageSchema, {
    query: { page: filters.page, pageSize: filters.pageSize },
    signal,
  });
}

export function getAuditLogQueryOptions(filters: AuditLogFilters) {
  return queryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ signal }) => getAuditLog(filters, signal),
    placeholderData: keepPreviousData,
    // Other screens write to the log without telling this feature: always refetch on open.
    staleTime: 0,
  });
}

export function useAuditLog(filters: AuditLogFilters) {
  return useQuery(getAuditLogQueryOptions(filters));
}
