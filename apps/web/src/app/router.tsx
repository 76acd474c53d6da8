import { useState } from 'react';
import { type RouteObject, RouterProvider, createBrowserRouter } from 'react-router';
import { paths } from '@/config/paths';
import { AppRoot } from '@/app/routes/app-root';
import { AuditLogPage } from '@/app/routes/audit-log-page';
import { HomePage } from '@/app/routes/home-page';
import { LoginPage } from '@/app/routes/login-page';
import { NotFoundPage } from '@/app/routes/not-found-page';
import { RequireAuth } from '@/app/routes/require-auth';
import { RouteErrorPage } from '@/app/routes/route-error-page';
import { UsersPage } from '@/app/routes/users-page';

export const routes: RouteObject[] = [
  { path: paths.login, element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppRoot />,
        children: [
          { index: true, element: <HomePage /> },
          { path: paths.users, element: <UsersPage /> },
          { path: paths.auditLog, element: <AuditLogPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
