import type { AuthTokens, Role, UserLines } from '@ms5/contracts';
import { ok } from './api.js';
import type { TestApp } from './test-app.js';

/** A role, or a role with the username to give its user. */
export type RoleSpec = Role | readonly [Role, string];

/**
 * Signs in a new user of each role (created as the bootstrap admin), all at once, in order:
 * `const [engineer, manager] = await usersWithRoles(t, 'engineer', 'shift_manager')`.
 */
export function usersWithRoles<const R extends readonly RoleSpec[]>(
  t: TestApp,
  ...roles: R
): Promise<{ -readonly [K in keyof R]: AuthTokens }> {
  return Promise.all(
    roles.map((spec) =>
      typeof spec === 'string' ? t.userWithRole(spec) : t.userWithRole(spec[0], spec[1]),
    ),
  ) as Promise<{ -readonly [K in keyof R]: AuthTokens }>;
}

/** `PUT /api/users/:id/lines` as `admin`: limits the user to the lines (none: every line). */
export function assignLines(
  t: TestApp,
  admin: AuthTokens,
  user: AuthTokens,
  lineIds: string[],
): Promise<UserLines> {
  return ok<UserLines>(t, admin, 'put', `/api/users/${user.user.id}/lines`, { lineIds });
}
