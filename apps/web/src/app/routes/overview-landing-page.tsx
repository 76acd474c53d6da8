import { Navigate } from 'react-router';
import { paths } from '@/config/paths';
import { usePermission } from '@/lib/authorization';

/** Where sign-in lands by default: the plant overview for roles that may read OEE, else home. */
export function OverviewLandingPage() {
  const canReadOee = usePermission('oee:read');
  return <Navigate to={canReadOee ? paths.overview : paths.home} replace />;
}
