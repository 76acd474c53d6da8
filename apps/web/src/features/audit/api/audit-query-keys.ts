export interface AuditLogFilters {
  page: number;
  pageSize: number;
}

export const auditKeys = {
  all: ['audit-log'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditLogFilters) => [...auditKeys.lists(), filters] as const,
};
