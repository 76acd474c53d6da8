import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { send } from '../support/api.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

/** A built SPA in miniature: the index page and one asset, as `vite build` leaves them. */
function webDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms5-web-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-test.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(dir, 'assets', 'index-test.js'), 'export {};\n');
  return dir;
}

/** The CSP as directive → sources. */
function policyOf(response: Response): Map<string, string[]> {
  const header = response.headers['content-security-policy'];
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function expectCommonHeaders(response: Response, what: string) {
  expect({ what, headers: response.headers }).toMatchObject({
    what,
    headers: {
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    },
  });
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

describe('security headers on every kind of response', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ WEB_DIST_DIR: webDist() });
  });
  afterAll(() => t.close());

  it('the SPA gets the strict policy: self only, no inline script or style, the socket to its own host', async () => {
    const response = await t.http().get('/').set('Accept', 'text/html').expect(200);
    expect(response.text).toContain('<div id="root">');
    expectCommonHeaders(response, 'SPA /');
    const host = new URL(response.request.url).host;
    const policy = policyOf(response);
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      'style-src-attr': ["'none'"],
      'img-src': ["'self'"],
      'font-src': ["'self'"],
      'connect-src': ["'self'", `ws://${host}`, `wss://${host}`],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('names only the host that served the page for the socket, and never echoes a forged Host', async () => {
    const named = policyOf(
      await t.http().get('/andon').set('Host', 'floor.plant.example:8080').expect(200),
    );
    expect(named.get('connect-src')).toEqual([
      "'self'",
      'ws://floor.plant.example:8080',
      'wss://floor.plant.example:8080',
    ]);
    const forged = policyOf(
      await t
        .http()
        .get('/andon')
        .set('Host', "evil.example; script-src 'unsafe-inline'")
        .expect((response) => expect(response.status).toBeLessThan(500)),
    );
    expect(forged.get('connect-src')).toEqual(["'self'", "'self'"]);
    expect(forged.get('script-src')).toEqual(["'self'"]);
  });

  it('deep links, assets and a missing asset carry them', async () => {
    expectCommonHeaders(
      await t.http().get('/andon/tablet').set('Accept', 'text/html').expect(200),
      'SPA deep link',
    );
    const asset = await t.http().get('/assets/index-test.js').expect(200);
    expectCommonHeaders(asset, 'asset');
    expect(asset.headers['content-type']).toContain('javascript');
    expectCommonHeaders(await t.http().get('/assets/missing.js').expect(404), 'missing asset');
  });

  it('/api answers and its errors carry them: 200, 400, 401, 403, 404', async () => {
    const admin = await t.adminTokens();
    expectCommonHeaders(await send(t, admin, 'get', '/api/users').expect(200), 'api 200');
    const viewer = await t.userWithRole('viewer');
    expectCommonHeaders(await send(t, viewer, 'get', '/api/users').expect(403), 'api 403');
    expectCommonHeaders(
      await t.http().post('/api/auth/login').send({ username: 'admin' }).expect(400),
      'api 400',
    );
    expectCommonHeaders(await t.http().get('/api/users').expect(401), 'api 401');
    expectCommonHeaders(await send(t, admin, 'get', '/api/no-such-route').expect(404), 'api 404');
  });

  it('/health/*, /metrics and the OpenAPI JSON carry them', async () => {
    for (const route of ['/health/live', '/health/ready', '/health/info', '/metrics']) {
      expectCommonHeaders(await t.http().get(route).expect(200), route);
    }
    expectCommonHeaders(await t.http().get('/api/docs-json').expect(200), '/api/docs-json');
  });

  it('Swagger UI gets its own policy: inline styles and data: icons, but still no inline script', async () => {
    const page = await t.http().get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
    expectCommonHeaders(page, '/api/docs');
    const policy = policyOf(page);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    // The SPA's policy is untouched by the docs' exception.
    expect(policyOf(await t.http().get('/health/live')).get('style-src')).toEqual(["'self'"]);
  });
});

describe('Strict-Transport-Security with HSTS=1', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ HSTS: '1' });
  });
  afterAll(() => t.close());

  it('is sent on every response for a year with subdomains, and the CSP upgrades requests', async () => {
    for (const response of [
      await t.http().get('/health/live').expect(200),
      await t.http().get('/api/users').expect(401),
      await t.http().get('/metrics').expect(200),
    ]) {
      expect(response.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(policyOf(response).get('upgrade-insecure-requests')).toEqual([]);
    }
  });
});
