import { describe, expect, it, vi } from 'vitest';
import { type AuthTokens, sessionUserSchema, userSchema } from '@ms5/contracts';
import { ApiClient, ApiError, REFRESH_TOKEN_KEY } from '@/lib/api-client';
import { type FakeRequest, createFakeFetch, deferred, jsonResponse } from '@/testing/fake-fetch';

const USER = { id: 'u-1', username: 'anna', role: 'admin', displayName: 'Anna' } as const;

function tokens(n: number): AuthTokens {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    accessTokenExpiresIn: 900,
    user: USER,
  };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

/**
 * A tiny fake of the API's token rules: only `validAccess` is accepted on `/api/auth/me`;
 * `/api/auth/refresh` accepts `refresh-1` once and answers `tokens(2)`, held back until released.
 */
function fakeAuthServer(options: { refreshStatus?: number } = {}) {
  let validAccess = 'access-2';
  const usedRefreshTokens = new Set<string>();
  const refreshGate = deferred<void>();
  const server = createFakeFetch(async (request: FakeRequest) => {
    if (request.url.pathname === '/api/auth/refresh') {
      await refreshGate.promise;
      const { refreshToken } = request.body as { refreshToken: string };
      if (
        options.refreshStatus !== undefined ||
        refreshToken !== 'refresh-1' ||
        usedRefreshTokens.has(refreshToken)
      ) {
        return jsonResponse(options.refreshStatus ?? 401, {
          statusCode: 401,
          message: 'Refresh token is not valid',
        });
      }
      usedRefreshTokens.add(refreshToken);
      validAccess = 'access-2';
      return jsonResponse(200, tokens(2));
    }
    if (request.headers.get('Authorization') !== `Bearer ${validAccess}`) {
      return jsonResponse(401, { statusCode: 401, message: 'Unauthorized' });
    }
    return jsonResponse(200, USER);
  });
  const calls = (path: string) =>
    server.requests.filter((request) => request.url.pathname === path);
  return { ...server, calls, releaseRefresh: () => refreshGate.resolve() };
}

function signedInClient(server: { fetch: typeof fetch }) {
  const storage = memoryStorage();
  const client = new ApiClient({ fetch: server.fetch, storage });
  client.setSession(tokens(1));
  return { client, storage };
}

describe('ApiClient', () => {
  it('sends JSON with the bearer token and checks the answer with the contract schema', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(201, {
        id: 'u-2',
        username: 'bob',
        role: 'operator',
        displayName: 'Bob',
        disabled: false,
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
        internal: 'stripped by the schema',
      }),
    );
    const { client } = signedInClient(server);

    const user = await client.post('/api/users', { username: 'bob' }, userSchema);

    expect(user).not.toHaveProperty('internal');
    expect(user.username).toBe('bob');
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(request?.body).toEqual({ username: 'bob' });
  });

  it('leaves out empty query values', async () => {
    const server = createFakeFetch(() => jsonResponse(200, USER));
    const { client } = signedInClient(server);
    await client.get('/api/users', sessionUserSchema, {
      query: { page: 2, role: undefined, search: '' },
    });
    expect(server.requests[0]?.url.search).toBe('?page=2');
  });

  it('throws an ApiError carrying status, code and fieldErrors from the error body', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(409, {
        statusCode: 409,
        message: 'Username bob is taken',
        code: 'USERNAME_TAKEN',
        fieldErrors: [{ path: 'username', message: 'Already taken' }],
      }),
    );
    const { client } = signedInClient(server);

    const error = await client
      .post('/api/users', {}, userSchema)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.statusCode).toBe(409);
    expect(apiError.message).toBe('Username bob is taken');
    expect(apiError.code).toBe('USERNAME_TAKEN');
    expect(apiError.fieldErrors).toEqual([{ path: 'username', message: 'Already taken' }]);
    expect(apiError.fieldError('username')).toBe('Already taken');
    expect(apiError.fieldError('password')).toBeUndefined();
  });

  it('reads Retry-After on 429 and does not treat public routes as expired sessions', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(
        429,
        { statusCode: 429, message: 'Too many attempts, try again later' },
        { 'Retry-After': '42' },
      ),
    );
    const client = new ApiClient({ fetch: server.fetch, storage: memoryStorage() });

    const error = (await client
      .post('/api/auth/login', { username: 'a', password: 'b' }, sessionUserSchema, { auth: false })
      .catch((caught: unknown) => caught)) as ApiError;

    expect(error.statusCode).toBe(429);
    expect(error.retryAfterSeconds).toBe(42);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.has('Authorization')).toBe(false);
  });

  it('turns a body that is not an error body, or no answer at all, into an ApiError', async () => {
    const broken = createFakeFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = (await new ApiClient({ fetch: broken.fetch, storage: null })
      .get('/health/info', sessionUserSchema, { auth: false })
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.statusCode).toBe(502);
    expect(error.message).toBe('Bad Gateway');

    const offline = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const offlineError = (await new ApiClient({ fetch: offline, storage: null })
      .get('/health/info', sessionUserSchema, { auth: false })
      .catch((caught: unknown) => caught)) as ApiError;
    expect(offlineError).toBeInstanceOf(ApiError);
    expect(offlineError.statusCode).toBe(0);
  });

  it('on a 401 refreshes once, stores the new pair and retries the request with the new token', async () => {
    const server = fakeAuthServer();
    const { client, storage } = signedInClient(server);
    server.releaseRefresh();

    const me = await client.get('/api/auth/me', sessionUserSchema);

    expect(me).toEqual(USER);
    const meCalls = server.calls('/api/auth/me');
    expect(meCalls.map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
    expect(server.calls('/api/auth/refresh')).toHaveLength(1);
    expect(server.calls('/api/auth/refresh')[0]?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(client.getAccessToken()).toBe('access-2');
    expect(storage.map.get(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('shares one refresh between concurrent 401s (single-flight) and retries each request once', async () => {
    const server = fakeAuthServer();
    const { client } = signedInClient(server);

    const results = Promise.all([
      client.get('/api/auth/me', sessionUserSchema),
      client.get('/api/auth/me', sessionUserSchema),
      client.get('/api/auth/me', sessionUserSchema),
    ]);
    // Let all three 401s arrive while the refresh is still held back.
    await vi.waitFor(() => expect(server.calls('/api/auth/refresh')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.calls('/api/auth/me')).toHaveLength(3);
    server.releaseRefresh();

    await expect(results).resolves.toEqual([USER, USER, USER]);
    // A second refresh would have reused refresh-1 and revoked the family on the real server.
    expect(server.calls('/api/auth/refresh')).toHaveLength(1);
    expect(server.calls('/api/auth/me')).toHaveLength(6);
    expect(client.getSession()).toEqual({ status: 'authenticated', user: USER });
  });

  it('retries without a second refresh when a 401 comes back after another request already refreshed', async () => {
    const slowGate = deferred<void>();
    const used = new Set<string>();
    const server = createFakeFetch(async (request) => {
      if (request.url.pathname === '/api/auth/refresh') {
        const { refreshToken } = request.body as { refreshToken: string };
        if (refreshToken !== 'refresh-1' || used.has(refreshToken)) {
          return jsonResponse(401, { statusCode: 401, message: 'Refresh token is not valid' });
        }
        used.add(refreshToken);
        return jsonResponse(200, tokens(2));
      }
      if (request.url.searchParams.has('slow')) await slowGate.promise;
      return request.headers.get('Authorization') === 'Bearer access-2'
        ? jsonResponse(200, USER)
        : jsonResponse(401, { statusCode: 401, message: 'Unauthorized' });
    });
    const { client } = signedInClient(server);

    const slow = client.get('/api/auth/me', sessionUserSchema, { query: { slow: 1 } });
    await expect(client.get('/api/auth/me', sessionUserSchema)).resolves.toEqual(USER);
    slowGate.resolve();

    await expect(slow).resolves.toEqual(USER);
    expect(
      server.requests.filter((request) => request.url.pathname === '/api/auth/refresh'),
    ).toHaveLength(1);
    expect(client.getSession().status).toBe('authenticated');
  });

  it('ends the session when the refresh is refused, and rethrows the original 401', async () => {
    const server = fakeAuthServer({ refreshStatus: 401 });
    const { client, storage } = signedInClient(server);
    const listener = vi.fn();
    client.subscribe(listener);
    server.releaseRefresh();

    const error = (await client
      .get('/api/auth/me', sessionUserSchema)
      .catch((caught: unknown) => caught)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.statusCode).toBe(401);
    expect(server.calls('/api/auth/me')).toHaveLength(1);
    expect(client.getSession()).toEqual({ status: 'anonymous', user: null });
    expect(client.getAccessToken()).toBeNull();
    expect(storage.map.has(REFRESH_TOKEN_KEY)).toBe(false);
    expect(listener).toHaveBeenCalled();
  });

  it('retries only once: a second 401 after a good refresh ends the session', async () => {
    const server = createFakeFetch((request) =>
      request.url.pathname === '/api/auth/refresh'
        ? jsonResponse(200, tokens(2))
        : jsonResponse(401, { statusCode: 401, message: 'Unauthorized' }),
    );
    const { client } = signedInClient(server);

    await expect(client.get('/api/auth/me', sessionUserSchema)).rejects.toMatchObject({
      statusCode: 401,
    });

    expect(server.requests.map((request) => request.url.pathname)).toEqual([
      '/api/auth/me',
      '/api/auth/refresh',
      '/api/auth/me',
    ]);
    expect(client.getSession().status).toBe('anonymous');
  });

  it('restores the session on load from the stored refresh token, once even if asked twice', async () => {
    const server = fakeAuthServer();
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-1' });
    const client = new ApiClient({ fetch: server.fetch, storage });
    expect(client.getSession().status).toBe('restoring');

    const first = client.restoreSession();
    const second = client.restoreSession();
    server.releaseRefresh();

    await expect(first).resolves.toEqual({ status: 'authenticated', user: USER });
    await expect(second).resolves.toEqual({ status: 'authenticated', user: USER });
    expect(server.calls('/api/auth/refresh')).toHaveLength(1);
    expect(storage.map.get(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('starts signed out without a stored token, and keeps the token when the server cannot be reached', async () => {
    expect(new ApiClient({ fetch: vi.fn(), storage: memoryStorage() }).getSession().status).toBe(
      'anonymous',
    );

    const offline = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-1' });
    const client = new ApiClient({ fetch: offline, storage });
    await expect(client.restoreSession()).resolves.toEqual({ status: 'anonymous', user: null });
    expect(storage.map.get(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });
});
