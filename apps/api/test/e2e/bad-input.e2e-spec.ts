import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, Line, Paginated, User } from '@ms5/contracts';
import { fieldPaths, get, post, send } from '../support/api.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

/** Input no text column can hold, odd windows and stray addresses: each a 4xx naming the field. */
describe('bad input over HTTP', () => {
  let t: TestApp;
  let admin: AuthTokens;
  let engineer: AuthTokens;

  beforeAll(async () => {
    // A built web app of one page and one asset, to ask for assets that are not there.
    const web = mkdtempSync(path.join(tmpdir(), 'ms5-web-'));
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>MS5</title>');
    writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log("app");');
    t = await createTestApp({ WEB_DIST_DIR: web, BODY_LIMIT: '2kb' });
    admin = await t.adminTokens();
    engineer = await t.userWithRole('engineer');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a NUL character in a body with 400 naming the field, and stores nothing', async () => {
    const before = await get<Paginated<Line>>(t, engineer, '/api/lines');
    const refused = await send(t, engineer, 'post', '/api/lines', {
      code: 'NUL1',
      name: 'Filler\u0000line',
    }).expect(400);
    expect(fieldPaths(refused.body)).toEqual(['name']);
    expect(refused.body.fieldErrors[0].message).toBe('Must not contain a NUL character');
    const after = await get<Paginated<Line>>(t, engineer, '/api/lines');
    expect(after.total).toBe(before.total);
  });

  it('refuses an unpaired surrogate in a nested field, and accepts an emoji', async () => {
    const user = await post<User>(t, admin, '/api/users', {
      username: 'surrogate-check',
      displayName: 'Ana',
      password: 'a-long-enough-password',
      role: 'viewer',
    });
    const refused = await send(t, admin, 'patch', `/api/users/${user.id}`, {
      displayName: 'Ana \uD83D',
    }).expect(400);
    expect(fieldPaths(refused.body)).toEqual(['displayName']);
    const renamed = await send(t, admin, 'patch', `/api/users/${user.id}`, {
      displayName: 'Ana 🙂',
    }).expect(200);
    expect(renamed.body.displayName).toBe('Ana 🙂');
  });

  it('refuses a NUL in a query string, and a non-UUID actor on the audit log', async () => {
    const search = await send(t, engineer, 'get', '/api/lines?search=fil%00ler').expect(400);
    expect(fieldPaths(search.body)).toEqual(['search']);
    const audit = await send(t, admin, 'get', '/api/audit-log?actorId=not-a-uuid').expect(400);
    expect(fieldPaths(audit.body)).toEqual(['actorId']);
  });

  it('refuses an andon window whose end is before its start', async () => {
    const refused = await send(
      t,
      engineer,
      'get',
      '/api/andon?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z',
    ).expect(400);
    expect(fieldPaths(refused.body)).toEqual(['to']);
    await send(
      t,
      engineer,
      'get',
      '/api/andon?from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z',
    ).expect(200);
  });

  it('refuses an id in a path that is not a UUID with 400 naming it, on every kind of route', async () => {
    for (const [method, url] of [
      ['get', '/api/lines/not-a-uuid'],
      ['patch', '/api/equipment/12345'],
      ['delete', '/api/shifts/%27%20or%201=1'],
      ['get', '/api/users/not-a-uuid/lines'],
      ['post', '/api/orders/not-a-uuid/release'],
      ['get', '/api/lines/not-a-uuid/hour-by-hour'],
    ] as const) {
      const refused = await send(t, admin, method, url, method === 'patch' ? {} : undefined);
      expect({ url, status: refused.status }).toEqual({ url, status: 400 });
      expect(refused.body.fieldErrors).toEqual([{ path: 'id', message: 'Must be an id (UUID)' }]);
    }
    // A well-formed id that names nothing is still 404.
    await send(t, admin, 'get', '/api/lines/7f1d3c2e-4b5a-4c6d-8e9f-0a1b2c3d4e5f').expect(404);
  });

  it('refuses a window ending before it starts on the andon insights and the order list', async () => {
    for (const route of ['/api/andon/insights', '/api/orders', '/api/oee/lines']) {
      const refused = await send(
        t,
        admin,
        'get',
        `${route}?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z`,
      );
      expect({ route, status: refused.status }).toEqual({ route, status: 400 });
      expect(fieldPaths(refused.body)).toEqual(['to']);
    }
  });

  it('refuses moving one end of a planned stop past the other with 400, not a 500', async () => {
    const line = await post<Line>(t, engineer, '/api/lines', { code: 'STOPS', name: 'Stops' });
    const stop = await post<{ id: string }>(t, engineer, '/api/planned-stops', {
      lineId: line.id,
      startsAt: '2026-03-01T10:00:00Z',
      endsAt: '2026-03-01T11:00:00Z',
      reason: 'Cleaning',
    });
    const early = await send(t, engineer, 'patch', `/api/planned-stops/${stop.id}`, {
      endsAt: '2026-03-01T09:00:00Z',
    }).expect(400);
    expect(fieldPaths(early.body)).toEqual(['endsAt']);
    const late = await send(t, engineer, 'patch', `/api/planned-stops/${stop.id}`, {
      startsAt: '2026-03-01T12:00:00Z',
    }).expect(400);
    expect(fieldPaths(late.body)).toEqual(['startsAt']);
    await send(t, engineer, 'patch', `/api/planned-stops/${stop.id}`, {
      endsAt: '2026-03-01T10:30:00Z',
    }).expect(200);
  });

  it('refuses times and dates PostgreSQL cannot read back (year 0, past 9999) with 400, not 500', async () => {
    const line = await post<Line>(t, engineer, '/api/lines', { code: 'Y9999', name: 'Late' });
    const shift = await post<{ id: string }>(t, engineer, '/api/shifts', {
      lineId: line.id,
      name: 'Night',
      startTime: '22:00',
      endTime: '06:00',
      timezone: 'UTC',
    });
    for (const [url, field] of [
      // A week's default window on from the last week of 9999 wrote `+010000-…`.
      [`/api/lines/${line.id}/schedule?from=9999-12-31T23:59:59Z`, 'from'],
      ['/api/andon?from=0000-01-01T00:00:00Z', 'from'],
      ['/api/orders?to=9999-12-31T23:00:00-23:00', 'to'],
      [`/api/lines/${line.id}/handover-draft?shiftId=${shift.id}&date=0000-01-01`, 'date'],
    ] as const) {
      const refused = await send(t, engineer, 'get', url);
      expect({ url, status: refused.status }).toEqual({ url, status: 400 });
      expect(refused.body.fieldErrors).toEqual([
        { path: field, message: 'Must be between 1970-01-01 and 9999-01-01' },
      ]);
    }
    await send(t, engineer, 'get', '/api/andon?from=1970-01-01T00:00:00Z').expect(200);
  });

  it('gives JSON that does not parse and a body too large their request id', async () => {
    const malformed = await t
      .http()
      .post('/api/lines')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'gateway-7-batch-12')
      .send('{"code": ')
      .expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, requestId: 'gateway-7-batch-12' });
    expect(malformed.headers['x-request-id']).toBe('gateway-7-batch-12');
    const large = await t
      .http()
      .post('/api/lines')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ code: 'BIG', name: 'x'.repeat(4096) }))
      .expect(413);
    expect(large.body.requestId).toEqual(expect.any(String));
    expect(large.headers['x-request-id']).toBe(large.body.requestId);
  });

  it('answers a missing asset with 404, not the page', async () => {
    const asset = await t.http().get('/assets/app.js').expect(200);
    expect(asset.text).toContain('console.log');
    const missing = await t.http().get('/assets/missing-1234.js').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, requestId: expect.any(String) });
    await t.http().get('/some/screen').set('Accept', 'text/html').expect(200);
  });
});
