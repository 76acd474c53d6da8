import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens } from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { RUNTIME_INFO, type RuntimeInfo } from '../../src/platform/config/config.tokens.js';
import { send } from '../support/api.js';
import {
  type JwtClaims,
  decodeClaims,
  signHmac,
  signNone,
  signRs256,
  without,
} from '../support/jwt-forge.js';
import { socketClients } from '../support/realtime-client.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

/** Access tokens die with their session: logout, credential and role changes, refresh reuse. */
describe('session revocation', () => {
  let t: TestApp;
  let admin: AuthTokens;
  let bystander: AuthTokens;
  let secret: string;
  let origin: string;
  const sockets = socketClients();

  const me = (tokens: AuthTokens) => send(t, tokens, 'get', '/api/auth/me');
  const meWith = (accessToken: string) =>
    t.http().get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);

  /** A user of the role signed in twice: two sessions. */
  async function userWithTwoSessions(role: 'operator' | 'shift_manager' = 'operator') {
    const first = await t.userWithRole(role);
    const second = await t.login(first.user.username, `${first.user.username}-password`);
    return { first, second };
  }

  /** The session bystanders (admin and another user) are untouched. */
  async function expectBystandersUnaffected(): Promise<void> {
    await me(admin).expect(200);
    await me(bystander).expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await t.adminTokens();
    bystander = await t.userWithRole('viewer');
    secret = t.app.get<RuntimeInfo>(RUNTIME_INFO).jwtSecret;
  });
  afterAll(async () => {
    sockets.disconnectAll();
    await t.close();
  });

  it('carries the session id in the access token', async () => {
    const tokens = await t.userWithRole('operator');
    const claims = decodeClaims(tokens.accessToken);
    const [row] = await t.app
      .get(DataSource)
      .query<Array<{ user_id: string; revoked_at: Date | null }>>(
        'SELECT user_id, revoked_at FROM auth_sessions WHERE id = $1',
        [claims.sid],
      );
    expect(row).toEqual({ user_id: tokens.user.id, revoked_at: null });
    expect(claims).toMatchObject({ sub: tokens.user.id, iss: 'ms5', aud: 'ms5-api' });
  });

  it('refuses the access token on the next request after logout, other sessions unaffected', async () => {
    const { first, second } = await userWithTwoSessions();
    await me(first).expect(200);
    await send(t, first, 'post', '/api/auth/logout', { refreshToken: first.refreshToken }).expect(
      204,
    );
    const refused = await me(first).expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, message: expect.any(String) });
    await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    // The same user's other session, and other users, go on.
    await me(second).expect(200);
    await expectBystandersUnaffected();
  });

  it('ends the session of the access token even when logout names another refresh token', async () => {
    const { first, second } = await userWithTwoSessions();
    // A refresh token that is not the caller's own is ignored; the caller's session still ends.
    await send(t, first, 'post', '/api/auth/logout', {
      refreshToken: bystander.refreshToken,
    }).expect(204);
    await me(first).expect(401);
    await me(second).expect(200);
    await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: bystander.refreshToken })
      .expect(200);
  });

  it('ends every session of a user whose password an admin changes', async () => {
    const { first, second } = await userWithTwoSessions();
    await send(t, admin, 'patch', `/api/users/${first.user.id}`, {
      password: 'a-brand-new-password',
    }).expect(200);
    await me(first).expect(401);
    await me(second).expect(401);
    await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(401);
    await expectBystandersUnaffected();
    const again = await t.login(first.user.username, 'a-brand-new-password');
    await me(again).expect(200);
  });

  it('ends every session of a user who is disabled', async () => {
    const { first, second } = await userWithTwoSessions();
    await send(t, admin, 'patch', `/api/users/${first.user.id}`, { disabled: true }).expect(200);
    await me(first).expect(401);
    await me(second).expect(401);
    await expectBystandersUnaffected();
    // Enabled again, the old tokens stay dead: the sessions ended, not just the user's access.
    await send(t, admin, 'patch', `/api/users/${first.user.id}`, { disabled: false }).expect(200);
    await me(first).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
  });

  it('ends every session of a user whose role changes, and not on a change of name', async () => {
    const { first, second } = await userWithTwoSessions('shift_manager');
    await send(t, admin, 'patch', `/api/users/${first.user.id}`, {
      displayName: 'Renamed',
    }).expect(200);
    await me(first).expect(200);
    await send(t, admin, 'patch', `/api/users/${first.user.id}`, { role: 'operator' }).expect(200);
    await me(first).expect(401);
    await me(second).expect(401);
    await expectBystandersUnaffected();
  });

  it('ends the session, access tokens included, when a spent refresh token is reused', async () => {
    const { first, second } = await userWithTwoSessions();
    const rotated = (
      await t
        .http()
        .post('/api/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200)
    ).body as AuthTokens;
    expect(decodeClaims(rotated.accessToken).sid).toBe(decodeClaims(first.accessToken).sid);
    await me(rotated).expect(200);

    await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await me(first).expect(401);
    await me(rotated).expect(401);
    await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: rotated.refreshToken })
      .expect(401);
    await me(second).expect(200);
    await expectBystandersUnaffected();
  });

  it('disconnects the sockets of an ended session and keeps the others', async () => {
    const { first, second } = await userWithTwoSessions('shift_manager');
    const ended = await sockets.ready(origin, first);
    const kept = await sockets.ready(origin, second);
    const disconnected = new Promise<string>((resolve) => ended.client.once('disconnect', resolve));
    await send(t, first, 'post', '/api/auth/logout', { refreshToken: first.refreshToken }).expect(
      204,
    );
    await expect(disconnected).resolves.toBe('io server disconnect');
    expect(kept.client.connected).toBe(true);

    // And a new connection with the ended session's token is refused.
    const again = sockets.connect(origin, { token: first.accessToken });
    const outcome = await new Promise<string>((resolve) => {
      again.once('realtime.ready', () => resolve('ready'));
      again.once('disconnect', (reason) => resolve(`disconnect:${reason}`));
    });
    expect(outcome).toBe('disconnect:io server disconnect');
  });

  describe('token validation', () => {
    let valid: JwtClaims;
    let owner: AuthTokens;

    beforeAll(async () => {
      owner = await t.userWithRole('operator');
      valid = decodeClaims(owner.accessToken);
    });

    it('accepts the claims re-signed as issued (the forger below is sound)', async () => {
      await meWith(signHmac(valid, secret)).expect(200);
    });

    it.each(['exp', 'iat', 'iss', 'aud', 'sub', 'sid', 'typ'])(
      'refuses a token without %s',
      async (claim) => {
        await meWith(signHmac(without(valid, claim), secret)).expect(401);
      },
    );

    it.each([
      ['iss', 'someone-else'],
      ['aud', 'another-api'],
      ['typ', 'refresh'],
      ['exp', 'tomorrow'],
    ])('refuses a token whose %s is %s', async (claim, value) => {
      await meWith(signHmac({ ...valid, [claim]: value }, secret)).expect(401);
    });

    it('refuses an expired token, a token issued in the future and one not yet valid', async () => {
      const now = Math.floor(Date.now() / 1000);
      await meWith(signHmac({ ...valid, iat: now - 120, exp: now - 60 }, secret)).expect(401);
      await meWith(signHmac({ ...valid, iat: now + 3600, exp: now + 4500 }, secret)).expect(401);
      await meWith(signHmac({ ...valid, nbf: now + 3600 }, secret)).expect(401);
    });

    it('refuses alg none, HS512 with the real secret and RS256 with a foreign key', async () => {
      await meWith(signNone(valid)).expect(401);
      await meWith(signHmac(valid, secret, 'HS512')).expect(401);
      await meWith(signHmac(valid, secret, 'HS384')).expect(401);
      await meWith(signRs256(valid)).expect(401);
    });

    it('answers 401, never 500, for a sub or sid that is not a UUID', async () => {
      for (const [claim, value] of [
        ['sub', 'admin'],
        ['sub', "1' OR '1'='1"],
        ['sub', 42],
        ['sid', 'not-a-session'],
        ['sid', null],
      ] as const) {
        const response = await meWith(signHmac({ ...valid, [claim]: value }, secret));
        expect({ claim, value, status: response.status }).toEqual({ claim, value, status: 401 });
      }
    });

    it('refuses a session that does not exist, or that is another user’s', async () => {
      await meWith(signHmac({ ...valid, sid: randomUUID() }, secret)).expect(401);
      const others = decodeClaims(bystander.accessToken);
      await meWith(signHmac({ ...valid, sid: others.sid }, secret)).expect(401);
      await meWith(signHmac({ ...valid, sub: others.sub }, secret)).expect(401);
    });

    it('refuses a forged token at the socket.io handshake too', async () => {
      const client = sockets.connect(origin, {
        token: signHmac({ ...valid, sub: 'admin' }, secret),
      });
      const outcome = await new Promise<string>((resolve) => {
        client.once('realtime.ready', () => resolve('ready'));
        client.once('disconnect', (reason) => resolve(`disconnect:${reason}`));
      });
      expect(outcome).toBe('disconnect:io server disconnect');
    });
  });
});
