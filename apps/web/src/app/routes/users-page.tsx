import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type User, userListQuerySchema } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Authorization } from '@/lib/authorization';
import { CreateUserForm } from '@/features/users/components/create-user-form';
import { UsersList } from '@/features/users/components/users-list';
import type { UserListFilters } from '@/features/users/api/user-query-keys';
import { RequirePermission } from '@/app/routes/require-permission';

const PAGE_SIZE = 20;

/** Page and role filter live in the address, so a reload or a shared link shows the same list. */
function useUserFilters(): [UserListFilters, (filters: UserListFilters) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = userListQuerySchema.safeParse({
    page: searchParams.get('page') ?? undefined,
    role: searchParams.get('role') ?? undefined,
  });
  const filters: UserListFilters = parsed.success
    ? { page: parsed.data.page, pageSize: PAGE_SIZE, role: parsed.data.role }
    : { page: 1, pageSize: PAGE_SIZE };
  function setFilters(next: UserListFilters) {
    const params = new URLSearchParams();
    if (next.page > 1) params.set('page', String(next.page));
    if (next.role !== undefined) params.set('role', next.role);
    setSearchParams(params);
  }
  return [filters, setFilters];
}

export function UsersPage() {
  const [filters, setFilters] = useUserFilters();
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<User | null>(null);

  return (
    <RequirePermission permission="users:read">
      <PageHeader
        title="Users"
        description="Who can sign in, and what their role lets them do."
        actions={
          <Authorization permission="users:manage">
            {formOpen ? null : (
              <Button
                onClick={() => {
                  setCreated(null);
                  setFormOpen(true);
                }}
              >
                New user
              </Button>
            )}
          </Authorization>
        }
      />
      {created !== null ? (
        <Alert tone="success">
          User <strong>{created.username}</strong> created.
        </Alert>
      ) : null}
      {formOpen ? (
        <section className="card" aria-labelledby="new-user-title">
          <h2 id="new-user-title">New user</h2>
          <CreateUserForm
            onCreated={(user) => {
              setCreated(user);
              setFormOpen(false);
            }}
            onCancel={() => setFormOpen(false)}
          />
        </section>
      ) : null}
      <UsersList filters={filters} onFiltersChange={setFilters} />
    </RequirePermission>
  );
}
