import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { healthInfoSchema } from '@ms5/contracts';
import { freePort } from '../support/api-process.js';
import { type TestApp, bearer, createTestApp } from '../support/test-app.js';

const METRICS_TOKEN = 'scrape-token-for-tests-0123456789';

describe('/metrics behind METRICS_TOKEN', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t.close());

  it('answers 401 with a Bearer challenge without the token, with another one, or with a user token', async () => {
    const user = await t.adminTokens();
    for (const authorization of [
      undefined,
      `Bearer ${METRICS_TOKEN.slice(0, -1)}`,
      `Bearer ${METRICS_TOKEN}0`,
      `Basic ${Buffer.from(`prometheus:${METRICS_TOKEN}`).toString('base64')}`,
      `Bearer ${user.accessToken}`,
    ]) {
      const call = t.http().get('/metrics');
      if (authorization) call.set('Authorization', authorization);
      const response = await call;
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.body).toMatchObject({ statusCode: 401, message: expect.any(String) });
      expect(response.text).not.toContain('process_resident_memory_bytes');
    }
  });

  it('does not take the token from the URL', async () => {
    for (const query of [`token=${METRICS_TOKEN}`, `access_token=${METRICS_TOKEN}`]) {
      const response = await t.http().get(`/metrics?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 401 });
    }
  });

  it('serves the Prometheus text with the token', async () => {
    const metrics = await t
      .http()
      .get('/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toContain('process_resident_memory_bytes');
  });

  it('keeps the Kubernetes probes anonymous', async () => {
    await t.http().get('/health/live').expect(200);
    await t.http().get('/health/ready').expect(200);
    await t
      .http()
      .get('/health')
      .expect((response) => expect(response.status).not.toBe(401));
  });
});

describe('/metrics on METRICS_PORT', () => {
  let t: TestApp;
  let metricsUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}`;
    t = await createTestApp({ METRICS_PORT: String(port), METRICS_TOKEN });
  });
  afterAll(() => t.close());

  it('serves /metrics on its own port, with the token, and not on the main port', async () => {
    const scraped = await fetch(`${metricsUrl}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain');
    expect(await scraped.text()).toContain('http_request_duration_seconds');

    const refused = await fetch(`${metricsUrl}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');

    const main = await t
      .http()
      .get('/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(404);
    expect(main.body).toMatchObject({ statusCode: 404 });
  });

  it('serves nothing else on the metrics port', async () => {
    for (const path of ['/', '/api/users', '/health/info', '/metrics/../api/auth/me']) {
      const response = await fetch(`${metricsUrl}${path}`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const post = await fetch(`${metricsUrl}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('/health/info for anonymous and signed-in callers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('tells an anonymous caller only the version and the uptime', async () => {
    const info = await t.http().get('/health/info').expect(200);
    expect(Object.keys(info.body as object).sort()).toEqual(['uptimeSeconds', 'version']);
    expect(info.text).not.toContain(process.version);
  });

  it('tells a signed-in user of any role everything, as before', async () => {
    const viewer = await t.userWithRole('viewer');
    const info = await t
      .http()
      .get('/health/info')
      .set(...bearer(viewer))
      .expect(200);
    expect(healthInfoSchema.strict().parse(info.body)).toMatchObject({
      name: 'ms5-floor-dashboard',
      version: '0.0.0-test',
      nodeVersion: process.version,
      build: { commit: null, builtAt: null },
      database: 'external',
      redis: false,
      demo: false,
    });
  });

  it('documents /health/info as anonymous or bearer, and /metrics without a user token', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, { get: { security?: unknown[] } }>;
    };
    expect(doc.paths['/health/info']?.get.security).toEqual(
      expect.arrayContaining([{}, { bearer: [] }]),
    );
    expect(doc.paths['/metrics']?.get.security ?? []).toEqual([]);
  });

  it('refuses a token that is sent but not valid, rather than quietly telling less', async () => {
    const tokens = await t.adminTokens();
    for (const authorization of [
      `Bearer ${tokens.accessToken.slice(0, -3)}abc`,
      `Bearer ${tokens.refreshToken}`,
      'Bearer',
      `Bearer ${METRICS_TOKEN}`,
    ]) {
      const response = await t.http().get('/health/info').set('Authorization', authorization);
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
    }
  });
});
