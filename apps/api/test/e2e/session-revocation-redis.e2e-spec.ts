import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens } from '@ms5/contracts';
import {
  type ApiProcess,
  freePort,
  startApiProcess,
  tempDataDir,
  waitForStatus,
} from '../support/api-process.js';
import { socketClients } from '../support/realtime-client.js';
import { type RedisServer, startRedisServer } from '../support/redis-server.js';
import { createTestDatabase } from '../support/test-database.js';
import { sleep } from '../support/wait.js';

const ADMIN_PASSWORD = 'revocation-admin-password';
const POLL_MS = 50;
const WITHIN_MS = 1000;

async function call(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  token?: string,
  body?: object,
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function ok<T>(response: Promise<Response>, status = 200): Promise<T> {
  const answered = await response;
  if (answered.status !== status)
    throw new Error(`expected ${status}, got ${answered.status}: ${await answered.text()}`);
  return (status === 204 ? undefined : await answered.json()) as T;
}

const login = (baseUrl: string, username: string, password: string) =>
  ok<AuthTokens>(call(baseUrl, 'POST', '/api/auth/login', undefined, { username, password }));

const meStatus = async (baseUrl: string, tokens: AuthTokens): Promise<number> =>
  (await call(baseUrl, 'GET', '/api/auth/me', tokens.accessToken)).status;

/**
 * Polls `GET /api/auth/me` every 50 ms until it is refused; resolves to how long after `since` the
 * first 401 came (or `null` if none within `limitMs`). Any answer but 200 or 401 fails.
 */
async function msUntilRefused(
  baseUrl: string,
  tokens: AuthTokens,
  since: number,
  limitMs: number,
): Promise<number | null> {
  for (;;) {
    const status = await meStatus(baseUrl, tokens);
    const elapsed = Date.now() - since;
    if (status === 401) return elapsed;
    expect(status).toBe(200);
    if (elapsed > limitMs) return null;
    await sleep(POLL_MS);
  }
}

/** Two built API processes on one database, with or without Redis between them. */
async function startPair(env: Record<string, string>) {
  const db = await createTestDatabase();
  const dataDirs = [tempDataDir(), tempDataDir()];
  const processes: ApiProcess[] = [];
  for (const dataDir of dataDirs) {
    processes.push(
      startApiProcess({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        ADMIN_PASSWORD,
        // Replicas must share the signing secret: a token from one is checked by the other.
        JWT_SECRET: 'revocation-test-secret-revocation-test-secret-0123',
        SHUTDOWN_DELAY_MS: '0',
        DEMO: '0',
        ...env,
      }),
    );
  }
  for (const proc of processes) await waitForStatus(`${proc.baseUrl}/health/ready`, 200);
  const [a, b] = processes as [ApiProcess, ApiProcess];
  return {
    a,
    b,
    async stop() {
      for (const proc of processes) {
        if (proc.child.exitCode === null) {
          proc.child.kill('SIGTERM');
          await proc.exited;
        }
      }
      await db.drop();
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A user created on `a` by the admin, signed in on `a`; its token is known to `a`'s cache. */
async function signedInUser(a: ApiProcess, admin: AuthTokens, username: string) {
  const password = `${username}-password`;
  const created = await ok<{ id: string }>(
    call(a.baseUrl, 'POST', '/api/users', admin.accessToken, {
      username,
      password,
      role: 'shift_manager',
      displayName: username,
    }),
    201,
  );
  const tokens = await login(a.baseUrl, username, password);
  // Checked on A: A now caches the session as open.
  expect(await meStatus(a.baseUrl, tokens)).toBe(200);
  return { id: created.id, tokens };
}

describe('session revocation across two API processes with Redis', () => {
  let redis: RedisServer;
  let pair: Awaited<ReturnType<typeof startPair>>;
  let admin: AuthTokens;
  const sockets = socketClients();

  beforeAll(async () => {
    redis = await startRedisServer();
    // Open sessions cached for 15 minutes: only the Redis announcement can tell A in time.
    pair = await startPair({ REDIS_URL: redis.url, SESSION_CACHE_SECONDS: '900' });
    admin = await login(pair.a.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    sockets.disconnectAll();
    await pair?.stop();
    await redis?.stop();
  });

  it('refuses on A, within a second, an access token whose session was logged out on B', async () => {
    const { a, b } = pair;
    const { tokens } = await signedInUser(a, admin, 'logout-on-b');
    const bystander = await signedInUser(a, admin, 'stays-on-a');
    await ok(
      call(b.baseUrl, 'POST', '/api/auth/logout', tokens.accessToken, {
        refreshToken: tokens.refreshToken,
      }),
      204,
    );
    const elapsed = await msUntilRefused(a.baseUrl, tokens, Date.now(), WITHIN_MS);
    expect(elapsed).not.toBeNull();
    expect(elapsed).toBeLessThanOrEqual(WITHIN_MS);
    expect(await meStatus(a.baseUrl, bystander.tokens)).toBe(200);
  });

  it('refuses on A within a second after an admin changes the password on B', async () => {
    const { a, b } = pair;
    const user = await signedInUser(a, admin, 'password-on-b');
    await ok(
      call(b.baseUrl, 'PATCH', `/api/users/${user.id}`, admin.accessToken, {
        password: 'another-password-entirely',
      }),
    );
    const elapsed = await msUntilRefused(a.baseUrl, user.tokens, Date.now(), WITHIN_MS);
    expect(elapsed).not.toBeNull();
    expect(elapsed).toBeLessThanOrEqual(WITHIN_MS);
    expect(await meStatus(a.baseUrl, admin)).toBe(200);
  });

  it('disconnects on A the socket of a session logged out on B', async () => {
    const { a, b } = pair;
    const { tokens } = await signedInUser(a, admin, 'socket-on-a');
    const { client } = await sockets.ready(a.baseUrl, tokens);
    const disconnected = new Promise<string>((resolve) => client.once('disconnect', resolve));
    const since = Date.now();
    await ok(
      call(b.baseUrl, 'POST', '/api/auth/logout', tokens.accessToken, {
        refreshToken: tokens.refreshToken,
      }),
      204,
    );
    const reason = await Promise.race([disconnected, sleep(WITHIN_MS * 2).then(() => 'still on')]);
    expect(reason).toBe('io server disconnect');
    expect(Date.now() - since).toBeLessThanOrEqual(WITHIN_MS * 2);
  });
});

describe('session revocation across two API processes without Redis', () => {
  const cacheSeconds = 2;
  let pair: Awaited<ReturnType<typeof startPair>>;
  let admin: AuthTokens;

  beforeAll(async () => {
    pair = await startPair({ SESSION_CACHE_SECONDS: String(cacheSeconds) });
    admin = await login(pair.a.baseUrl, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => pair?.stop());

  it('is exact on the instance that ended the session, and late by at most SESSION_CACHE_SECONDS on another', async () => {
    const { a, b } = pair;
    const { tokens } = await signedInUser(a, admin, 'no-redis');
    expect(await meStatus(b.baseUrl, tokens)).toBe(200);
    const since = Date.now();
    await ok(
      call(b.baseUrl, 'POST', '/api/auth/logout', tokens.accessToken, {
        refreshToken: tokens.refreshToken,
      }),
      204,
    );
    // B ended it: refused there at once.
    expect(await meStatus(b.baseUrl, tokens)).toBe(401);
    // A learns when its cached answer runs out.
    const elapsed = await msUntilRefused(a.baseUrl, tokens, since, cacheSeconds * 1000 + 500);
    expect(elapsed).not.toBeNull();
    expect(elapsed).toBeLessThanOrEqual(cacheSeconds * 1000 + 500);
  });
});
