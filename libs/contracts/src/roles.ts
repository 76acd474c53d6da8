import { z } from 'zod';

/** The eight roles, exactly as the outside contract names them. */
export const ROLES = [
  'admin',
  'production_manager',
  'shift_manager',
  'engineer',
  'operator',
  'maintenance',
  'quality',
  'viewer',
] as const;

export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  production_manager: 'Production manager',
  shift_manager: 'Shift manager',
  engineer: 'Engineer',
  operator: 'Operator',
  maintenance: 'Maintenance',
  quality: 'Quality',
  viewer: 'Viewer',
};
