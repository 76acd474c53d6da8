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
  { to: paths.myJobs, label: 'My jobs', permission: 'jobs:execute' },
  { to: paths.schedule, label: 'Schedule', permission: 'orders:manage' },
  { to: paths.hourByHour, label: 'Hour by hour', permission: 'production:read' },
  { to: paths.handover, label: 'Handover', permission: 'handover:write' },
  { to: paths.myWorkOrders, label: 'My work orders', permission: 'maintenance:execute' },
  { to: paths.workOrderBoard, label: 'Maintenance', permission: 'maintenance:read' },
  { to: paths.maintenancePlans, label: 'Preventive plans', permission: 'maintenance:read' },
  { to: paths.checklistTemplates, label: 'Checklists', permission: 'checklists:manage' },
  { to: paths.config, label: 'Configuration', permission: 'plant:manage' },
  { to: paths.simulator, label: 'Simulator', permission: 'simulator:read' },
];
