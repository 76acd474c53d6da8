import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactElement } from 'react';
import { type RouteObject, RouterProvider, createMemoryRouter } from 'react-router';
import type { Role, SessionUser } from '@ms5/contracts';
import { AppProvider } from '@/app/provider';
import { api } from '@/lib/api-client';

export function sessionUser(role: Role, overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: `00000000-0000-4000-8000-00000000000${role.length % 10}`,
    username: role,
    role,
    displayName: `Test ${role}`,
    ...overrides,
  };
}

/** Signs the shared API client in, as the login screen would. */
export function signIn(user: SessionUser): void {
  api.setSession({
    accessToken: 'test-access',
    refreshToken: 'test-refresh',
    accessTokenExpiresIn: 900,
    user,
  });
}

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

interface RenderOptions {
  user?: SessionUser;
  /** Where the memory router starts. */
  path?: string;
  queryClient?: QueryClient;
}

/** Renders routes (or one element at `/`) inside the app's real providers and a memory router. */
export function renderApp(
  routesOrElement: RouteObject[] | ReactElement,
  options: RenderOptions = {},
) {
  if (options.user !== undefined) signIn(options.user);
  const queryClient = options.queryClient ?? createTestQueryClient();
  const routes = Array.isArray(routesOrElement)
    ? routesOrElement
    : [{ path: '*', element: routesOrElement }];
  const router = createMemoryRouter(routes, { initialEntries: [options.path ?? '/'] });
  const events = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient, user: events };
}
