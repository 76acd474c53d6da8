import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';

/** Swagger UI at `/api/docs` (and its assets): the one page that needs a looser style policy. */
const DOCS_PAGE = /^\/api\/docs(\/|$)/;

/**
 * A `Host` header fit to be written into a policy: a DNS name, an IPv4 address or a bracketed IPv6
 * address, and an optional port; anything else (`;`, spaces, `*`) is not echoed.
 */
const POLICY_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The socket.io connection back to the host that served the page. CSP 3 lets `'self'` match
 * `ws:`/`wss:` of the same host, as current Chromium, Firefox and Safari do; older WebKit needs the
 * host spelt out. Only this host: never a bare `ws:` / `wss:`, which would allow any.
 */
export function sameHostWebSockets(request: IncomingMessage): string {
  const host = request.headers.host;
  if (host === undefined || !POLICY_HOST.test(host)) return "'self'";
  return `ws://${host} wss://${host}`;
}

type Directives = Record<string, Iterable<string | ((request: IncomingMessage) => string)> | null>;

/** The Content-Security-Policy of the SPA and of every other response. */
export function spaPolicyDirectives(config: Pick<AppConfig, 'HSTS'>): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // React writes `style={{…}}` through the CSSOM (element.style), which CSP does not govern;
    // no style attribute nor <style> element is ever parsed from markup, so no 'unsafe-inline'.
    'style-src': ["'self'"],
    'style-src-attr': ["'none'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'connect-src': ["'self'", sameHostWebSockets],
    'object-src': ["'none'"],
    // No page sets a <base>; ASVS 5.0 3.4.3 asks for 'none' rather than 'self'.
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Behind TLS only: on plain HTTP it would send every subresource to https:// and break the page.
    ...(config.HSTS ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Swagger UI's page carries two inline <style> blocks (written by @nestjs/swagger) and its CSS
 * draws icons from data: URLs; its scripts are files, so script-src stays 'self'.
 */
export function docsPolicyDirectives(config: Pick<AppConfig, 'HSTS'>): Directives {
  return {
    ...spaPolicyDirectives(config),
    'style-src': ["'self'", "'unsafe-inline'"],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
  };
}

/**
 * Security headers on every response Express answers (SPA, assets, /api with its errors, /health,
 * /metrics, the OpenAPI page): CSP, frame, sniffing, referrer, cross-origin isolation and, when
 * `HSTS=1`, Strict-Transport-Security. Mounted first by `createApp`.
 */
export function securityHeaders(
  config: Pick<AppConfig, 'HSTS' | 'HSTS_MAX_AGE_SECONDS'>,
): RequestHandler {
  const common = helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.HSTS
      ? { maxAge: config.HSTS_MAX_AGE_SECONDS, includeSubDomains: true }
      : false,
    xContentTypeOptions: true,
    xFrameOptions: { action: 'deny' },
    xPoweredBy: true,
  });
  const spaPolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: spaPolicyDirectives(config),
  });
  const docsPolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: docsPolicyDirectives(config),
  });
  return (request: Request, response: Response, next: NextFunction) => {
    common(request, response, (error?: unknown) => {
      if (error !== undefined) return next(error);
      const policy = DOCS_PAGE.test(request.path) ? docsPolicy : spaPolicy;
      policy(request, response, next);
    });
  };
}
