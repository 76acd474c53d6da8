import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingState } from '@/components/ui/loading-state';
import { loginHref } from '@/config/paths';
import { useSession } from '@/lib/auth';

/** Lets signed-in users through; sends everyone else to the login, coming back here afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  switch (session.status) {
    case 'restoring':
      return (
        <div className="full-page-center">
          <LoadingState label="Signing you back in…" />
        </div>
      );
    case 'anonymous':
      return <Navigate to={loginHref(`${location.pathname}${location.search}`)} replace />;
    case 'authenticated':
      return <Outlet />;
  }
}
