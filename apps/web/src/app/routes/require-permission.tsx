import type { ReactNode } from 'react';
import type { Permission } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Authorization } from '@/lib/authorization';

/** A screen only some roles may open; others get a plain explanation instead of a blank page. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  return (
    <Authorization
      permission={permission}
      fallback={
        <Alert tone="warning" title="Not available for your role">
          Ask an administrator if you need access to this screen.
        </Alert>
      }
    >
      {children}
    </Authorization>
  );
}
