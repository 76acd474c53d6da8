import type { NavItem } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';

/** The main menu. Each entry declares the permission it needs; the layout hides the rest. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: paths.home, label: 'Home', end: true },
  { to: paths.users, label: 'Users', permission: 'users:read' },
  { to: paths.auditLog, label: 'Audit log', permission: 'audit:read' },
];
