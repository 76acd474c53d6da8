import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, hasPermission, hasAllPermissions } from './permissions.js';
import { ROLES } from './roles.js';

describe('permission map', () => {
  it('has at least 30 distinct permissions', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    expect(PERMISSIONS.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every role a map entry that only names known permissions', () => {
    for (const role of ROLES) {
      for (const permission of ROLE_PERMISSIONS[role]) {
        expect(PERMISSIONS).toContain(permission);
      }
    }
  });

  it('lets the admin do everything and the viewer only read', () => {
    for (const permission of PERMISSIONS) expect(hasPermission('admin', permission)).toBe(true);
    for (const permission of ROLE_PERMISSIONS.viewer) expect(permission).toMatch(/:read$/);
  });

  it('lets operators raise andon calls but not manage users', () => {
    expect(hasPermission('operator', 'andon:raise')).toBe(true);
    expect(hasPermission('operator', 'users:manage')).toBe(false);
    expect(hasPermission('viewer', 'andon:raise')).toBe(false);
    expect(hasAllPermissions('engineer', ['plant:manage', 'simulator:control'])).toBe(true);
    expect(hasAllPermissions('operator', ['andon:raise', 'plant:manage'])).toBe(false);
  });
});

describe('maintenance permissions', () => {
  const maintenance = ['read', 'request', 'execute', 'plan'] as const;
  const held = (role: (typeof ROLES)[number]) =>
    maintenance.filter((action) => hasPermission(role, `maintenance:${action}`));

  it('lets operators request work, technicians work it, managers and engineers plan it', () => {
    expect(held('operator')).toEqual(['read', 'request']);
    expect(held('quality')).toEqual(['read', 'request']);
    expect(held('maintenance')).toEqual(['read', 'request', 'execute']);
    expect(held('shift_manager')).toEqual(['read', 'request', 'plan']);
    expect(held('production_manager')).toEqual(['read', 'request', 'plan']);
    expect(held('engineer')).toEqual(['read', 'request', 'plan']);
    expect(held('admin')).toEqual(['read', 'request', 'execute', 'plan']);
    expect(held('viewer')).toEqual(['read']);
  });
});
