import { useState } from 'react';
import { ROLES, ROLE_LABELS, type Role, type User, roleSchema } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableColumn } from '@/components/ui/table';
import { refusalText } from '@/lib/refusals';
import { usePermission } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useUsers } from '@/features/users/api/get-users';
import { useUpdateUser } from '@/features/users/api/update-user';
import type { UserListFilters } from '@/features/users/api/user-query-keys';

const ALL_ROLES = '';
const FILTER_OPTIONS = [
  { value: ALL_ROLES, label: 'All roles' },
  ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
];
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

interface UsersListProps {
  filters: UserListFilters;
  onFiltersChange: (filters: UserListFilters) => void;
}

function updateErrorMessage(error: unknown): string {
  return refusalText(error, 'The change could not be saved.');
}

/** The users table: role filter, pages, and (with `users:manage`) role change and disable per row. */
export function UsersList({ filters, onFiltersChange }: UsersListProps) {
  const canManage = usePermission('users:manage');
  const usersQuery = useUsers(filters);
  const [actionError, setActionError] = useState<string | null>(null);
  const updateUserMutation = useUpdateUser({
    mutationConfig: {
      onMutate: () => setActionError(null),
      onError: (error) => setActionError(updateErrorMessage(error)),
    },
  });
  const pendingId = updateUserMutation.isPending ? updateUserMutation.variables.id : null;

  function changeRole(user: User, value: string) {
    const parsed = roleSchema.safeParse(value);
    if (!parsed.success || parsed.data === user.role) return;
    updateUserMutation.mutate({ id: user.id, changes: { role: parsed.data } });
  }

  function toggleDisabled(user: User) {
    updateUserMutation.mutate({ id: user.id, changes: { disabled: !user.disabled } });
  }

  function changeRoleFilter(value: string) {
    const parsed = roleSchema.safeParse(value);
    const role: Role | undefined = parsed.success ? parsed.data : undefined;
    onFiltersChange({ ...filters, role, page: 1 });
  }

  const columns: TableColumn<User>[] = [
    {
      key: 'username',
      header: 'Username',
      cell: (user) => <span className="mono">{user.username}</span>,
    },
    { key: 'displayName', header: 'Name', cell: (user) => user.displayName },
    {
      key: 'role',
      header: 'Role',
      cell: (user) =>
        canManage ? (
          <label className="inline-select">
            <span className="visually-hidden">Role for {user.username}</span>
            <select
              name={`role-${user.username}`}
              value={user.role}
              disabled={pendingId === user.id}
              onChange={(event) => changeRole(user, event.target.value)}
            >
              {ROLE_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          ROLE_LABELS[user.role]
        ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (user) => (
        <span className={user.disabled ? 'badge badge--muted' : 'badge badge--ok'}>
          {user.disabled ? 'Disabled' : 'Active'}
        </span>
      ),
    },
    { key: 'createdAt', header: 'Created', cell: (user) => formatDateTime(user.createdAt) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: 'Actions',
      className: 'table__actions',
      cell: (user) => (
        <Button
          variant={user.disabled ? 'secondary' : 'danger'}
          onClick={() => toggleDisabled(user)}
          isLoading={pendingId === user.id}
          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </Button>
      ),
    });
  }

  return (
    <section className="card" aria-labelledby="users-list-title">
      <div className="toolbar">
        <h2 id="users-list-title">All users</h2>
        <div className="toolbar__filters">
          <SelectField
            name="roleFilter"
            label="Filter by role"
            options={FILTER_OPTIONS}
            value={filters.role ?? ALL_ROLES}
            onChange={(event) => changeRoleFilter(event.target.value)}
          />
        </div>
      </div>
      {actionError !== null ? <Alert tone="error">{actionError}</Alert> : null}
      {usersQuery.isPending ? (
        <LoadingState label="Loading users…" />
      ) : usersQuery.isError ? (
        <ErrorState
          title="Could not load users"
          error={usersQuery.error}
          onRetry={() => void usersQuery.refetch()}
        />
      ) : (
        <>
          <Table
            caption="Users"
            columns={columns}
            rows={usersQuery.data.items}
            rowKey={(user) => user.id}
            emptyMessage={filters.role === undefined ? 'No users yet.' : 'No users with this role.'}
            busy={usersQuery.isFetching}
          />
          <Pagination
            page={usersQuery.data.page}
            totalPages={usersQuery.data.totalPages}
            total={usersQuery.data.total}
            itemLabel={usersQuery.data.total === 1 ? 'user' : 'users'}
            disabled={usersQuery.isPlaceholderData}
            onPageChange={(page) => onFiltersChange({ ...filters, page })}
          />
        </>
      )}
    </section>
  );
}
