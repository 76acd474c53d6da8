import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';

/** Last resort when a screen throws while rendering. */
export function RouteErrorPage() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error;
  return (
    <div className="full-page-center">
      <ErrorState
        title="This screen failed"
        error={shown}
        onRetry={() => window.location.reload()}
      />
    </div>
  );
}
