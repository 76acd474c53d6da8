import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { createTestQueryClient, renderApp, sessionUser } from '@/testing/test-utils';
import { CreateUserForm } from '@/features/users/components/create-user-form';
import { userKeys } from '@/features/users/api/user-query-keys';

const CREATED = {
  id: '6f1c3c0e-3d1b-4a8e-9a59-0c1f8d7e2a11',
  username: 'olga.k',
  role: 'shift_manager',
  displayName: 'Olga K',
  disabled: false,
  createdAt: '2024-05-01T06:00:00.000Z',
  updatedAt: '2024-05-01T06:00:00.000Z',
};

async function fillValidForm(user: ReturnType<typeof renderApp>['user']) {
  await user.type(screen.getByLabelText('Username'), 'olga.k');
  await user.type(screen.getByLabelText('Display name'), 'Olga K');
  await user.type(screen.getByLabelText('Password'), 'long-enough-password');
  await user.selectOptions(screen.getByLabelText('Role'), 'shift_manager');
}

describe('CreateUserForm', () => {
  it('checks input with createUserSchema before sending, and shows each message beside its field', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(500, { statusCode: 500, message: 'should not be called' }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<CreateUserForm />, { user: sessionUser('admin') });

    await user.type(screen.getByLabelText('Username'), 'ab');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('At least 3 characters');
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 10 characters');
    expect(screen.getByLabelText('Display name')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Role')).toHaveAttribute('aria-invalid', 'false');
    expect(server.requests).toHaveLength(0);

    await user.clear(screen.getByLabelText('Username'));
    await user.type(screen.getByLabelText('Username'), 'bad name!');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      'Letters, digits, dot, dash and underscore only',
    );
    expect(server.requests).toHaveLength(0);
  });

  it("shows the server's fieldErrors next to the matching field (409 USERNAME_TAKEN)", async () => {
    const server = createFakeFetch(() =>
      jsonResponse(409, {
        statusCode: 409,
        message: 'Username olga.k is taken',
        code: 'USERNAME_TAKEN',
        fieldErrors: [{ path: 'username', message: 'Already taken' }],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const onCreated = vi.fn();
    const { user } = renderApp(<CreateUserForm onCreated={onCreated} />, {
      user: sessionUser('admin'),
    });

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    await vi.waitFor(() =>
      expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Already taken'),
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 10 characters'); // the hint, no error
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'false');
    expect(onCreated).not.toHaveBeenCalled();
    expect(server.requests[0]?.body).toEqual({
      username: 'olga.k',
      displayName: 'Olga K',
      password: 'long-enough-password',
      role: 'shift_manager',
    });
  });

  it('shows a 400 with fieldErrors for several fields, and a message for paths the form does not have', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(400, {
        statusCode: 400,
        message: 'Validation failed',
        fieldErrors: [
          { path: 'password', message: 'Too common' },
          { path: 'displayName', message: 'Not allowed here' },
          { path: 'plant', message: 'Unknown property' },
        ],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<CreateUserForm />, { user: sessionUser('admin') });

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    await vi.waitFor(() =>
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Too common'),
    );
    expect(screen.getByLabelText('Display name')).toHaveAccessibleDescription('Not allowed here');
    expect(screen.getByRole('alert')).toHaveTextContent('Validation failed Unknown property');
  });

  it('creates the user, clears the form and invalidates the cached user lists', async () => {
    const server = createFakeFetch(() => jsonResponse(201, CREATED));
    vi.stubGlobal('fetch', server.fetch);
    const queryClient = createTestQueryClient();
    const listKey = userKeys.list({ page: 1, pageSize: 20 });
    queryClient.setQueryData(listKey, {
      items: [],
      page: 1,
      pageSize: 20,
      total: 0,
      totalPages: 0,
    });
    const onCreated = vi.fn();
    const { user } = renderApp(<CreateUserForm onCreated={onCreated} />, {
      user: sessionUser('admin'),
      queryClient,
    });

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(CREATED));
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.url.pathname).toBe('/api/users');
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(userKeys.detail(CREATED.id))).toEqual(CREATED);
    expect(screen.getByLabelText('Username')).toHaveValue('');
  });
});
