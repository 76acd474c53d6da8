/**
 * Whether a socket.io handshake's Origin may connect: no Origin (not a browser: gateways, tablets'
 * native shells, tests), the API's own origin (same host as the request), or one of CORS_ORIGINS.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowlist: readonly string[],
): boolean {
  if (origin === undefined || origin === '') return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && parsed.host === host.toLowerCase()) return true;
  return allowlist.some((allowed) => allowed.replace(/\/+$/, '') === parsed.origin);
}
