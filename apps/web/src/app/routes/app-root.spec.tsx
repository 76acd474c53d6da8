import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RouteObject } from 'react-router';
import { api } from '@/lib/api-client';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { AppRoot } from '@/app/routes/app-root';
import { RequireAuth } from '@/app/routes/require-auth';

const routes: RouteObject[] = [
  { path: '/login', element: <p>Login screen</p> },
  {
    element: <RequireAuth />,
    children: [{ element: <AppRoot />, children: [{ path: '*', element: <p>Screen content</p> }] }],
  },
];

function mainMenuLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('AppRoot navigation', () => {
  it('shows an operator only what the operator role allows: no Users, no Audit log', () => {
    renderApp(routes, { user: sessionUser('operator', { displayName: 'Olga Operator' }) });

    expect(mainMenuLinks()).toEqual([
      'Home',
      'Overview',
      'Andon board',
      'Andon tablet',
      'Stops',
      'My jobs',
      'Hour by hour',
      'Maintenance',
      'Preventive plans',
    ]);
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Configuration' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Signed in user')).toHaveTextContent('Olga Operator');
    expect(screen.getByLabelText('Signed in user')).toHaveTextContent('Operator');
  });

  it('shows an admin Users and Audit log, linked to their screens', () => {
    renderApp(routes, { user: sessionUser('admin', { displayName: 'Ada Admin' }) });

    expect(mainMenuLinks()).toEqual([
      'Home',
      'Overview',
      'Users',
      'Audit log',
      'Andon board',
      'Andon tablet',
      'Stops',
      'My jobs',
      'Schedule',
      'Hour by hour',
      'Handover',
      'My work orders',
      'Maintenance',
      'Preventive plans',
      'Checklists',
      'Configuration',
      'Simulator',
    ]);
    expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('href', '/users');
    expect(screen.getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/audit-log');
    expect(screen.getByLabelText('Signed in user')).toHaveTextContent('Administrator');
  });

  it('shows a shift manager neither Users nor Audit log (no users:read, no audit:read)', () => {
    renderApp(routes, { user: sessionUser('shift_manager') });
    expect(mainMenuLinks()).toEqual([
      'Home',
      'Overview',
      'Andon board',
      'Andon tablet',
      'Stops',
      'Schedule',
      'Hour by hour',
      'Handover',
      'Maintenance',
      'Preventive plans',
      'Simulator',
    ]);
  });

  it('shows a technician their work orders and the maintenance board (maintenance:execute, :read)', () => {
    renderApp(routes, { user: sessionUser('maintenance') });
    expect(mainMenuLinks()).toEqual([
      'Home',
      'Overview',
      'Andon board',
      'Andon tablet',
      'Stops',
      'Hour by hour',
      'My work orders',
      'Maintenance',
      'Preventive plans',
    ]);
    expect(screen.getByRole('link', { name: 'My work orders' })).toHaveAttribute(
      'href',
      '/maintenance/my-work-orders',
    );
    expect(screen.getByRole('link', { name: 'Maintenance' })).toHaveAttribute(
      'href',
      '/maintenance/board',
    );
  });

  it('logs out: revokes the refresh token on the server, forgets it, and goes to the login screen', async () => {
    const server = createFakeFetch(() => jsonResponse(204, null));
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(routes, { user: sessionUser('admin') });
    expect(localStorage.getItem('ms5.refreshToken')).toBe('test-refresh');

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByText('Login screen')).toBeInTheDocument();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url.pathname).toBe('/api/auth/logout');
    expect(server.requests[0]?.headers.get('Authorization')).toBe('Bearer test-access');
    expect(server.requests[0]?.body).toEqual({ refreshToken: 'test-refresh' });
    expect(api.getSession().status).toBe('anonymous');
    expect(localStorage.getItem('ms5.refreshToken')).toBeNull();
  });
});
