import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { User } from '@ms5/contracts';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { UsersList } from '@/features/users/components/users-list';
import type { UserListFilters } from '@/features/users/api/user-query-keys';

function user(username: string, overrides: Partial<User> = {}): User {
  return {
    id: `id-${username}`,
    username,
    role: 'operator',
    displayName: username.toUpperCase(),
    disabled: false,
    createdAt: '2024-05-01T06:00:00.000Z',
    updatedAt: '2024-05-01T06:00:00.000Z',
    ...overrides,
  };
}

const ADMIN = user('admin', { role: 'admin' });
const OLGA = user('olga');

function page(items: User[], pageNumber = 1, total = items.length) {
  return { items, page: pageNumber, pageSize: 20, total, totalPages: Math.ceil(total / 20) };
}

describe('UsersList', () => {
  it('shows the 409 LAST_ADMIN message when the last admin would be disabled', async () => {
    const server = createFakeFetch((request) => {
      if (request.method === 'PATCH') {
        return jsonResponse(409, {
          statusCode: 409,
          message: 'The last active admin cannot be disabled or demoted',
          code: 'LAST_ADMIN',
          fieldErrors: [{ path: 'disabled', message: 'Last active admin' }],
        });
      }
      return jsonResponse(200, page([ADMIN, OLGA]));
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user: events } = renderApp(
      <UsersList filters={{ page: 1, pageSize: 20 }} onFiltersChange={vi.fn()} />,
      {
        user: sessionUser('admin'),
      },
    );

    await events.click(await screen.findByRole('button', { name: 'Disable admin' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The last active admin cannot be disabled or demoted',
    );
    const patch = server.requests.find((request) => request.method === 'PATCH');
    expect(patch?.url.pathname).toBe(`/api/users/${ADMIN.id}`);
    expect(patch?.body).toEqual({ disabled: true });
  });

  it('changes a role from the table and refetches the list', async () => {
    let olga = OLGA;
    const server = createFakeFetch((request) => {
      if (request.method === 'PATCH') {
        olga = { ...olga, ...(request.body as Partial<User>) };
        return jsonResponse(200, olga);
      }
      return jsonResponse(200, page([ADMIN, olga]));
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user: events } = renderApp(
      <UsersList filters={{ page: 1, pageSize: 20 }} onFiltersChange={vi.fn()} />,
      {
        user: sessionUser('admin'),
      },
    );

    await events.selectOptions(await screen.findByLabelText('Role for olga'), 'quality');

    await vi.waitFor(() => expect(screen.getByLabelText('Role for olga')).toHaveValue('quality'));
    expect(server.requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      role: 'quality',
    });
    expect(server.requests.filter((request) => request.method === 'GET')).toHaveLength(2);
  });

  it('asks for the chosen role and page, and offers no actions without users:manage', async () => {
    const server = createFakeFetch(() => jsonResponse(200, page([OLGA], 2, 41)));
    vi.stubGlobal('fetch', server.fetch);
    const onFiltersChange = vi.fn<(filters: UserListFilters) => void>();
    const { user: events } = renderApp(
      <UsersList
        filters={{ page: 2, pageSize: 20, role: 'operator' }}
        onFiltersChange={onFiltersChange}
      />,
      { user: sessionUser('production_manager'), path: '/' },
    );

    const table = await screen.findByRole('table');
    expect(within(table).getByText('olga')).toBeInTheDocument();
    expect(server.requests[0]?.url.search).toBe('?page=2&pageSize=20&role=operator');
    expect(screen.getByText('Page 2 of 3 · 41 users')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Disable/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Role for olga')).not.toBeInTheDocument();

    await events.click(screen.getByRole('button', { name: 'Next' }));
    expect(onFiltersChange).toHaveBeenLastCalledWith({ page: 3, pageSize: 20, role: 'operator' });
    await events.selectOptions(screen.getByLabelText('Filter by role'), 'quality');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, role: 'quality' });
    await events.selectOptions(screen.getByLabelText('Filter by role'), '');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, role: undefined });
  });

  it('shows an error with a retry when the list cannot be loaded', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(503, { statusCode: 503, message: 'Database unavailable' }),
    );
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<UsersList filters={{ page: 1, pageSize: 20 }} onFiltersChange={vi.fn()} />, {
      user: sessionUser('admin'),
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('Database unavailable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
