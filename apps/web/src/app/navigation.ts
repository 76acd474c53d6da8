import type { NavItem } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';

/** The main menu. Each entry declares the permission it needs; the layout hides the rest. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: paths.home, label: 'Home', end: true },
  { to: paths.overview, label: 'Overview', permission: 'oee:read' },
  { to: paths.users, label: 'Users', permission: 'users:read' },
  { to: paths.auditLog, label: 'Audit log', permission: 'audit:read' },
  { to: paths.andonBoard, label: 'Andon board', permission: 'andon:read', end: true },
  { to: paths.andonTablet, label: 'Andon tablet', permission: 'andon:raise' },
  { to: paths.operatorStops, label: 'Stops', permission: 'downtime:assign-reason' },
  { to: paths.config, label: 'Configuration', permission: 'plant:manage' },
  { to: paths.simulator, label: 'Simulator', permission: 'simulator:read' },
];
