/** Every screen's address, in one place. */
export const paths = {
  home: '/',
  login: '/login',
  users: '/users',
  auditLog: '/audit-log',
} as const;

/** The login address that brings the user back to `from` afterwards. */
export function loginHref(from: string | null | undefined): string {
  if (
    from === null ||
    from === undefined ||
    from === '' ||
    from === paths.home ||
    from.startsWith(paths.login)
  ) {
    return paths.login;
  }
  return `${paths.login}?redirectTo=${encodeURIComponent(from)}`;
}

/** Only same-app paths are followed after login (no open redirect). */
export function safeRedirect(target: string | null): string {
  if (target === null || !target.startsWith('/') || target.startsWith('//')) return paths.home;
  return target;
}
