import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens } from '@ms5/contracts';
import { send } from '../support/api.js';
import { ADMIN_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';

describe('auth over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_BACKOFF_FREE_FAILURES: '3',
      LOGIN_ADDRESS_MAX_FAILURES: '1000',
    });
  });
  afterAll(() => t.close());

  it('logs in with the contract shape and rejects wrong credentials with 401', async () => {
    const ok = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
    const body = ok.body as AuthTokens;
    expect(typeof body.accessToken).toBe('string');
    expect(typeof body.refreshToken).toBe('string');
    expect(body.user).toEqual({
      id: expect.any(String),
      username: 'admin',
      role: 'admin',
      displayName: 'Administrator',
    });

    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'nope-nope-nope' })
      .expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, message: expect.any(String) });
    await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'ghost', password: 'whatever-123' })
      .expect(401);
  });

  it('answers /api/auth/me with the signed-in user', async () => {
    const tokens = await t.userWithRole('operator', 'olga');
    const me = await send(t, tokens, 'get', '/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ username: 'olga', role: 'operator' });
  });

  it('rotates refresh tokens, and a reused one revokes its whole family', async () => {
    const first = await t.login('admin', ADMIN_PASSWORD);
    const second = (
      await t
        .http()
        .post('/api/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200)
    ).body as AuthTokens;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await send(t, second, 'get', '/api/auth/me').expect(200);

    // The first token again: refused, and the family (including `second`) is revoked.
    await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(401);

    // Another session of the same user is untouched.
    const other = await t.login('admin', ADMIN_PASSWORD);
    await t.http().post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('lets only one of two concurrent refreshes with one token win', async () => {
    const tokens = await t.login('admin', ADMIN_PASSWORD);
    const results = await Promise.all([
      t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }),
      t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('rejects garbage refresh tokens and ends the family on logout', async () => {
    await t.http().post('/api/auth/refresh').send({ refreshToken: 'not-a-token' }).expect(401);
    await t.http().post('/api/auth/refresh').send({}).expect(400);
    const tokens = await t.login('admin', ADMIN_PASSWORD);
    await send(t, tokens, 'post', '/api/auth/logout', { refreshToken: tokens.refreshToken }).expect(
      204,
    );
    await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: tokens.refreshToken })
      .expect(401);
  });

  it('rejects a tampered or foreign access token', async () => {
    const tokens = await t.login('admin', ADMIN_PASSWORD);
    const tampered = `${tokens.accessToken.slice(0, -3)}abc`;
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${tampered}`).expect(401);
    // A refresh token is not an access token.
    await t
      .http()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${tokens.refreshToken}`)
      .expect(401);
  });

  it('backs off a username failing from one address with 429 and Retry-After, whatever its case', async () => {
    await t.userWithRole('viewer', 'victor');
    // Three failures are free, the fourth sets a wait.
    for (const name of ['victor', 'Victor', 'VICTOR', ' victor ']) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ username: name, password: 'wrong-password' })
        .expect(401);
    }
    const limited = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'VICTOR', password: 'victor-password' })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ statusCode: 429 });
    // Other users are not affected.
    await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
  });

  it('shuts a disabled user out at once, tokens included', async () => {
    const admin = await t.adminTokens();
    const created = await send(t, admin, 'post', '/api/users', {
      username: 'dora',
      password: 'dora-password',
      role: 'operator',
      displayName: 'Dora',
    }).expect(201);
    const dora = await t.login('dora', 'dora-password');
    await send(t, admin, 'patch', `/api/users/${created.body.id as string}`, {
      disabled: true,
    }).expect(200);
    await send(t, dora, 'get', '/api/auth/me').expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: dora.refreshToken }).expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'dora', password: 'dora-password' })
      .expect(401);
  });
});

describe('login rate limit per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_ADDRESS_MAX_FAILURES: '4' });
  });
  afterAll(() => t.close());

  it('blocks an address that fails across many usernames', async () => {
    for (let i = 0; i < 4; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ username: `guess-${i}`, password: 'password-guess' })
        .expect(401);
    }
    const limited = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
