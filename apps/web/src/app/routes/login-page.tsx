import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { LoadingState } from '@/components/ui/loading-state';
import { safeRedirect } from '@/config/paths';
import { useSession } from '@/lib/auth';
import { LoginForm } from '@/features/auth/components/login-form';

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirect(searchParams.get('redirectTo'));

  if (session.status === 'authenticated') return <Navigate to={redirectTo} replace />;
  return (
    <AuthLayout title="Sign in">
      {session.status === 'restoring' ? (
        <LoadingState label="Signing you back in…" />
      ) : (
        <LoginForm onSuccess={() => void navigate(redirectTo, { replace: true })} />
      )}
    </AuthLayout>
  );
}
