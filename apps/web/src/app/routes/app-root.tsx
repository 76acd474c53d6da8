import { Outlet, useNavigate } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';
import { useSession } from '@/lib/auth';
import { useLogout } from '@/features/auth/api/logout';
import { NAV_ITEMS } from '@/app/navigation';

/** The signed-in frame around every screen (rendered behind `RequireAuth`). */
export function AppRoot() {
  const session = useSession();
  const navigate = useNavigate();
  const logoutMutation = useLogout({
    mutationConfig: { onSettled: () => void navigate(paths.login, { replace: true }) },
  });
  // The session can end (logout, refused refresh) a render before the guard above redirects.
  if (session.status !== 'authenticated') return null;
  return (
    <AppLayout
      user={session.user}
      navItems={NAV_ITEMS}
      onLogout={() => logoutMutation.mutate()}
      isLoggingOut={logoutMutation.isPending}
    >
      <Outlet />
    </AppLayout>
  );
}
