import type { Role } from './roles.js';

/**
 * Every permission the API checks and the web app uses to show or hide menus and actions.
 * Names are `<area>:<action>`.
 */
export const PERMISSIONS = [
  // users and administration
  'users:read',
  'users:manage',
  'audit:read',
  // plant configuration
  'plant:read',
  'plant:manage',
  'shifts:manage',
  'products:manage',
  'reasons:manage',
  // production
  'production:read',
  'production:ingest',
  'orders:read',
  'orders:manage',
  'jobs:read',
  'jobs:assign',
  'jobs:execute',
  'checklists:manage',
  'checklists:execute',
  'handover:read',
  'handover:write',
  // OEE and downtime
  'oee:read',
  'downtime:read',
  'downtime:assign-reason',
  // andon
  'andon:read',
  'andon:raise',
  'andon:acknowledge',
  'andon:resolve',
  'andon-policies:manage',
  // maintenance
  'maintenance:read',
  /** Open a corrective work order (a request); not work it. */
  'maintenance:request',
  /** Work a work order assigned to you or unassigned: start, hold, resume, complete, labour, parts. */
  'maintenance:execute',
  /** Assign and cancel work orders, open preventive and inspection ones, maintenance plans. */
  'maintenance:plan',
  // quality
  'quality:read',
  'quality:record',
  'quality:manage',
  // reports
  'reports:read',
  'reports:export',
  // simulator
  'simulator:read',
  'simulator:control',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ_FLOOR: readonly Permission[] = [
  'plant:read',
  'production:read',
  'orders:read',
  'oee:read',
  'downtime:read',
  'andon:read',
  'handover:read',
];

const MANAGE_PRODUCTION: readonly Permission[] = [
  ...READ_FLOOR,
  'orders:manage',
  'jobs:read',
  'jobs:assign',
  'handover:write',
  'downtime:assign-reason',
  'andon:raise',
  'andon:acknowledge',
  'andon:resolve',
  'maintenance:read',
  'maintenance:request',
  'maintenance:plan',
  'quality:read',
  'reports:read',
  'reports:export',
  'simulator:read',
];

/** Which permissions each role holds. The API guard and the web menus both read this map. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  production_manager: [...MANAGE_PRODUCTION, 'checklists:manage', 'andon-policies:manage'],
  shift_manager: MANAGE_PRODUCTION,
  engineer: [
    ...READ_FLOOR,
    'plant:manage',
    'shifts:manage',
    'products:manage',
    'reasons:manage',
    'checklists:manage',
    'andon-policies:manage',
    'downtime:assign-reason',
    'andon:raise',
    'andon:acknowledge',
    'andon:resolve',
    'maintenance:read',
    'maintenance:request',
    'maintenance:plan',
    'quality:read',
    'reports:read',
    'reports:export',
    'production:ingest',
    'simulator:read',
    'simulator:control',
  ],
  operator: [
    ...READ_FLOOR,
    'jobs:read',
    'jobs:execute',
    'checklists:execute',
    'downtime:assign-reason',
    'andon:raise',
    'quality:record',
    'maintenance:read',
    'maintenance:request',
  ],
  maintenance: [
    ...READ_FLOOR,
    'andon:raise',
    'andon:acknowledge',
    'andon:resolve',
    'maintenance:read',
    'maintenance:request',
    'maintenance:execute',
    'downtime:assign-reason',
    'reports:read',
  ],
  quality: [
    ...READ_FLOOR,
    'andon:raise',
    'andon:acknowledge',
    'andon:resolve',
    'quality:read',
    'quality:record',
    'quality:manage',
    'maintenance:read',
    'maintenance:request',
    'reports:read',
  ],
  viewer: [...READ_FLOOR, 'maintenance:read'],
};

const ROLE_PERMISSION_SETS = new Map<Role, ReadonlySet<Permission>>(
  (Object.keys(ROLE_PERMISSIONS) as Role[]).map((role) => [role, new Set(ROLE_PERMISSIONS[role])]),
);

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSION_SETS.get(role)?.has(permission) ?? false;
}

export function hasAllPermissions(role: Role, permissions: readonly Permission[]): boolean {
  return permissions.every((permission) => hasPermission(role, permission));
}
