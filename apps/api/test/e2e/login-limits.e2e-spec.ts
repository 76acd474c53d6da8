import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type ApiProcess,
  freePort,
  startApiProcess,
  tempDataDir,
  waitForStatus,
} from '../support/api-process.js';
import { type RedisServer, startRedisServer } from '../support/redis-server.js';
import { ADMIN_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { sleep } from '../support/wait.js';

/**
 * Login anti-automation without lockout (docs/security-auth.md). Addresses are simulated through
 * X-Forwarded-For, which the app believes from 127.0.0.1 only (`TRUSTED_PROXIES`): the test plays
 * the reverse proxy.
 */
const LIMITS = {
  TRUSTED_PROXIES: '127.0.0.1',
  LOGIN_BACKOFF_FREE_FAILURES: '3',
  LOGIN_BACKOFF_BASE_SECONDS: '1',
  LOGIN_BACKOFF_MAX_SECONDS: '4',
  LOGIN_ADDRESS_MAX_FAILURES: '10',
  LOGIN_ADDRESS_WINDOW_SECONDS: '60',
  LOGIN_USERNAME_SLOW_AFTER: '5',
  LOGIN_USERNAME_SLOW_DELAY_MS: '400',
};

function attempt(t: TestApp, username: string, password: string, forwardedFor?: string) {
  const call = t.http().post('/api/auth/login');
  if (forwardedFor !== undefined) call.set('X-Forwarded-For', forwardedFor);
  return call.send({ username, password });
}

describe('login limits: back-off per pair, a limit per address, no lockout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(LIMITS);
  });
  afterAll(() => t.close());

  it('lets the right password in from a clean address after a third party failed 25 times on admin from other addresses (delayed, never refused)', async () => {
    // 24 addresses fail once each, in every spelling of the name; one more hammers until refused.
    for (let i = 0; i < 24; i++) {
      const name = ['admin', 'ADMIN', ' Admin '][i % 3] ?? 'admin';
      await attempt(t, name, `guess-${i}`, `198.51.100.${i + 1}`).expect(401);
    }
    const hammer = '198.51.100.200';
    for (let i = 0; i < 4; i++) await attempt(t, 'admin', `again-${i}`, hammer).expect(401);
    const refused = await attempt(t, 'admin', 'and-again', hammer).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // The admin, from an address that has not failed: let in, only slowed down.
    const started = Date.now();
    const ok = await attempt(t, 'admin', ADMIN_PASSWORD, '203.0.113.10').expect(200);
    expect(ok.body.user).toMatchObject({ username: 'admin' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    // And from the proxy's own address, with no forwarding header at all.
    await attempt(t, 'admin', ADMIN_PASSWORD).expect(200);
    // Even the hammering address is let in once its wait is over: a wait, never a lock.
    await sleep(Number(refused.headers['retry-after']) * 1000 + 100);
    await attempt(t, 'admin', ADMIN_PASSWORD, hammer).expect(200);
  });

  it('backs a (username, address) pair off with 429 and a doubling Retry-After, and starts it afresh on success', async () => {
    await t.userWithRole('viewer', 'victor');
    const address = '203.0.113.20';
    for (let i = 0; i < 3; i++) await attempt(t, 'victor', 'wrong-password', address).expect(401);
    await attempt(t, 'victor', 'wrong-password', address).expect(401); // the 4th: 1 s
    const first = await attempt(t, 'victor', 'victor-password', address).expect(429);
    expect(first.headers['retry-after']).toBe('1');
    expect(first.body).toMatchObject({ statusCode: 429, message: expect.any(String) });
    // Another address is not held back by this pair.
    await attempt(t, 'victor', 'victor-password', '203.0.113.21').expect(200);

    await sleep(1100);
    await attempt(t, 'Victor', 'wrong-password', address).expect(401); // the 5th: 2 s
    const second = await attempt(t, 'victor', 'victor-password', address).expect(429);
    expect(second.headers['retry-after']).toBe('2');

    await sleep(2100);
    await attempt(t, 'victor', 'victor-password', address).expect(200);
    // Afresh: three free failures again, and the fourth waits only 1 s.
    for (let i = 0; i < 4; i++) await attempt(t, 'victor', 'wrong-password', address).expect(401);
    const again = await attempt(t, 'victor', 'victor-password', address).expect(429);
    expect(again.headers['retry-after']).toBe('1');
  });

  it('answers 429 to an address that failed 10 times across usernames, while other addresses log in', async () => {
    const address = '203.0.113.30';
    for (let i = 0; i < 10; i++) await attempt(t, `spray-${i}`, 'Winter2024!', address).expect(401);
    const limited = await attempt(t, 'admin', ADMIN_PASSWORD, address).expect(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // A client cannot escape by putting another address in front: the proxy's entry counts.
    await attempt(t, 'admin', ADMIN_PASSWORD, `192.0.2.1, ${address}`).expect(429);
    await attempt(t, 'admin', ADMIN_PASSWORD, '203.0.113.31').expect(200);
  });

  it('honours X-Forwarded-For from a configured TRUSTED_PROXIES address', async () => {
    // The address limit of 203.0.113.30 (previous case) is not the proxy's: 127.0.0.1 and every
    // other forwarded address are unaffected.
    await attempt(t, 'admin', ADMIN_PASSWORD, '203.0.113.32').expect(200);
    await attempt(t, 'admin', ADMIN_PASSWORD).expect(200);
  });
});

describe('login limits: X-Forwarded-For from a client that is not a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    // 127.0.0.1 (the test) is not in TRUSTED_PROXIES.
    t = await createTestApp({
      ...LIMITS,
      TRUSTED_PROXIES: '10.99.0.0/16',
      LOGIN_ADDRESS_MAX_FAILURES: '5',
    });
  });
  afterAll(() => t.close());

  it('is ignored: the address limit still hits the real address', async () => {
    for (let i = 0; i < 5; i++)
      await attempt(t, `spray-${i}`, 'Winter2024!', `198.51.100.${i + 1}`).expect(401);
    const limited = await attempt(t, 'admin', ADMIN_PASSWORD, '203.0.113.99').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await attempt(t, 'admin', ADMIN_PASSWORD).expect(429);
  });
});

describe('login limit settings at start', () => {
  async function boot(env: Record<string, string>) {
    const dataDir = tempDataDir();
    try {
      const proc = startApiProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), ...env });
      const code = await proc.exited;
      return { code, output: proc.output() };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('refuses to start (exit 78) with a removed lockout setting, naming its replacement', async () => {
    const perUsername = await boot({ LOGIN_MAX_FAILURES_PER_USERNAME: '5' });
    expect(perUsername.code).toBe(78);
    expect(perUsername.output).toMatch(
      /LOGIN_MAX_FAILURES_PER_USERNAME: removed.*LOGIN_BACKOFF_FREE_FAILURES/,
    );
    const perAddress = await boot({
      LOGIN_MAX_FAILURES_PER_ADDRESS: '30',
      LOGIN_WINDOW_SECONDS: '900',
    });
    expect(perAddress.code).toBe(78);
    expect(perAddress.output).toContain(
      'LOGIN_MAX_FAILURES_PER_ADDRESS: removed; use LOGIN_ADDRESS_MAX_FAILURES',
    );
    expect(perAddress.output).toContain(
      'LOGIN_WINDOW_SECONDS: removed; use LOGIN_ADDRESS_WINDOW_SECONDS',
    );
  });

  it('refuses to start (exit 78) with a TRUSTED_PROXIES entry that is not an address or CIDR', async () => {
    const result = await boot({ TRUSTED_PROXIES: '10.0.0.0/8, uniquelocal' });
    expect(result.code).toBe(78);
    expect(result.output).toContain(
      'TRUSTED_PROXIES: not an IPv4/IPv6 address or CIDR: uniquelocal',
    );
  });
});

describe('login limits shared by two API processes through Redis', () => {
  let redis: RedisServer;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const processes: ApiProcess[] = [];
  const dataDirs: string[] = [];
  const password = 'shared-limits-admin-password';

  const login = (proc: ApiProcess, username: string, secret: string) =>
    fetch(`${proc.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: secret }),
    });

  beforeAll(async () => {
    redis = await startRedisServer();
    db = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const dataDir = tempDataDir();
      dataDirs.push(dataDir);
      processes.push(
        startApiProcess({
          DATABASE_URL: db.url,
          DATA_DIR: dataDir,
          PORT: String(await freePort()),
          REDIS_URL: redis.url,
          ADMIN_PASSWORD: password,
          JWT_SECRET: 'login-limits-test-secret-login-limits-test-0123',
          SHUTDOWN_DELAY_MS: '0',
          DEMO: '0',
          // A long wait, so that the case cannot outlast it.
          LOGIN_BACKOFF_FREE_FAILURES: '3',
          LOGIN_BACKOFF_BASE_SECONDS: '60',
          LOGIN_BACKOFF_MAX_SECONDS: '600',
        }),
      );
    }
    for (const proc of processes) await waitForStatus(`${proc.baseUrl}/health/ready`, 200);
  });

  afterAll(async () => {
    for (const proc of processes) {
      if (proc.child.exitCode === null) {
        proc.child.kill('SIGTERM');
        await proc.exited;
      }
    }
    await db?.drop();
    await redis?.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('counts failures on either instance against the same pair, and both refuse it', async () => {
    const [a, b] = processes as [ApiProcess, ApiProcess];
    // Free failures spent on A and B; the 4th, on B, sets the wait.
    for (const proc of [a, b, a, b])
      expect((await login(proc, 'admin', 'wrong-guess')).status).toBe(401);
    for (const proc of [a, b]) {
      const refused = await login(proc, 'admin', password);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(55);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
  });
});
