import type { ReactNode } from 'react';
import { type Permission, type Role, hasPermission } from '@ms5/contracts';
import { useSession } from '@/lib/auth';

/** True when the role holds the permission; no permission required means everyone signed in. */
export function canAccess(role: Role, permission: Permission | undefined): boolean {
  return permission === undefined || hasPermission(role, permission);
}

/** Keeps the items (menu entries, actions) whose declared permission the role holds. */
export function filterByPermission<T extends { permission?: Permission | undefined }>(
  items: readonly T[],
  role: Role,
): T[] {
  return items.filter((item) => canAccess(role, item.permission));
}

/** Whether the signed-in user holds a permission (false when signed out). */
export function usePermission(permission: Permission): boolean {
  const session = useSession();
  return session.status === 'authenticated' && hasPermission(session.user.role, permission);
}

interface AuthorizationProps {
  permission: Permission;
  children: ReactNode;
  fallback?: ReactNode;
}

/** Renders its children only for users holding `permission`. */
export function Authorization({ permission, children, fallback = null }: AuthorizationProps) {
  return usePermission(permission) ? children : fallback;
}
