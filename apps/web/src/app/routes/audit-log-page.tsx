import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { AuditLogTable } from '@/features/audit/components/audit-log-table';
import { RequirePermission } from '@/app/routes/require-permission';

const PAGE_SIZE = 25;

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFrom(searchParams.get('page'));
  return (
    <RequirePermission permission="audit:read">
      <PageHeader
        title="Audit log"
        description="Every change to users and settings, newest first."
      />
      <AuditLogTable
        filters={{ page, pageSize: PAGE_SIZE }}
        onPageChange={(next) => setSearchParams(next > 1 ? { page: String(next) } : {})}
      />
    </RequirePermission>
  );
}
