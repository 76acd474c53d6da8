import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { api } from '@/lib/api-client';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp } from '@/testing/test-utils';
import { LoginForm } from '@/features/auth/components/login-form';

async function signIn(
  events: ReturnType<typeof renderApp>['user'],
  password = 'admin-password-123',
) {
  await events.type(screen.getByLabelText('Username'), 'admin');
  await events.type(screen.getByLabelText('Password'), password);
  await events.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginForm', () => {
  it('signs in: stores the session and the refresh token', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(200, {
        accessToken: 'a1',
        refreshToken: 'r1',
        accessTokenExpiresIn: 900,
        user: { id: 'u1', username: 'admin', role: 'admin', displayName: 'Admin' },
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const onSuccess = vi.fn();
    const { user: events } = renderApp(<LoginForm onSuccess={onSuccess} />);

    await signIn(events);

    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(server.requests[0]?.body).toEqual({ username: 'admin', password: 'admin-password-123' });
    expect(api.getSession()).toMatchObject({
      status: 'authenticated',
      user: { username: 'admin' },
    });
    expect(localStorage.getItem('ms5.refreshToken')).toBe('r1');
  });

  it('says so when the credentials are wrong', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch(() => jsonResponse(401, { statusCode: 401, message: 'Invalid credentials' }))
        .fetch,
    );
    const { user: events } = renderApp(<LoginForm onSuccess={vi.fn()} />);

    await signIn(events, 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(api.getSession().status).toBe('anonymous');
  });

  it('on 429 tells how long to wait (Retry-After) and blocks the button meanwhile', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch(() =>
        jsonResponse(
          429,
          { statusCode: 429, message: 'Too many attempts, try again later' },
          { 'Retry-After': '37' },
        ),
      ).fetch,
    );
    const { user: events } = renderApp(<LoginForm onSuccess={vi.fn()} />);

    await signIn(events);

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts');
    expect(screen.getByRole('alert')).toHaveTextContent(/Try again in 37 seconds/);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it('checks for empty fields before sending', async () => {
    const server = createFakeFetch(() => jsonResponse(500, {}));
    vi.stubGlobal('fetch', server.fetch);
    const { user: events } = renderApp(<LoginForm onSuccess={vi.fn()} />);

    await events.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Username is required');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Password is required');
    expect(server.requests).toHaveLength(0);
  });
});
