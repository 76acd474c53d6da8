import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { healthInfoSchema, publicHealthInfoSchema } from '@ms5/contracts';
import { ShutdownState } from '../../src/platform/health/shutdown-state.js';
import { send } from '../support/api.js';
import { type TestApp, bearer, createTestApp } from '../support/test-app.js';

describe('health, metrics, OpenAPI and request limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: '64kb' });
  });
  afterAll(() => t.close());

  it('answers live, ready and info without a token', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.details.database.status).toBe('up');
    const info = await t.http().get('/health/info').expect(200);
    // Anonymous: version and uptime only (ops-endpoints.e2e-spec.ts has the rest).
    expect(publicHealthInfoSchema.strict().parse(info.body)).toEqual({
      version: '0.0.0-test',
      uptimeSeconds: expect.any(Number),
    });
  });

  it('tells a signed-in user everything about the server on /health/info', async () => {
    const info = await t
      .http()
      .get('/health/info')
      .set(...bearer(await t.adminTokens()))
      .expect(200);
    expect(healthInfoSchema.strict().parse(info.body)).toMatchObject({
      version: '0.0.0-test',
      nodeVersion: process.version,
      database: 'external',
    });
  });

  it('serves Prometheus metrics with HTTP durations by route and status', async () => {
    await t.http().get('/api/users').expect(401);
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(metrics.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/users",status_code="401"\} \d+/,
    );
    expect(metrics.text).toContain('process_resident_memory_bytes');
  });

  it('describes every API route in the OpenAPI document, with the validating schemas', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/users',
        '/api/users/{id}',
        '/api/audit-log',
        '/health/live',
        '/health/ready',
        '/health/info',
        '/metrics',
      ]),
    );
    const createUser =
      doc.body.paths['/api/users'].post.requestBody.content['application/json'].schema;
    expect(createUser.required).toEqual(
      expect.arrayContaining(['username', 'password', 'role', 'displayName']),
    );
    expect(createUser.properties.role.enum).toHaveLength(8);
    expect(createUser.additionalProperties).toBe(false);
    await t.http().get('/api/docs').expect(200);
  });

  it('answers a body over the limit with 413 JSON and malformed JSON with 400 JSON', async () => {
    const admin = await t.adminTokens();
    const big = await send(t, admin, 'post', '/api/users')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(70_000) }))
      .expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, message: expect.any(String) });
    const bad = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":')
      .expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.http().get('/health/live').set('X-Request-Id', 'abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http().get('/health/live').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns readiness to 503 once shutdown begins, while liveness stays 200', async () => {
    t.app.get(ShutdownState).begin();
    const ready = await t.http().get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({ statusCode: 503, message: expect.any(String) });
    await t.http().get('/health/live').expect(200);
  });
});

describe('readiness when the database is gone', () => {
  it('answers 503 naming the database, and live stays 200', async () => {
    const t = await createTestApp();
    try {
      // Terminate every connection of this app's pool and forbid new ones.
      const { withAdminClient } = await import('../support/test-database.js');
      await withAdminClient(async (client) => {
        await client.query(`ALTER DATABASE ${t.db.name} WITH ALLOW_CONNECTIONS false`);
        await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
          [t.db.name],
        );
      });
      const ready = await t.http().get('/health/ready').expect(503);
      expect(ready.body.message).toContain('database');
      await t.http().get('/health/live').expect(200);
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
