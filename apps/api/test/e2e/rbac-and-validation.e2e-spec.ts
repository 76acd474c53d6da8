import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ROLES, type Role, type User } from '@ms5/contracts';
import { IS_PUBLIC } from '../../src/platform/common/auth.decorators.js';
import { send } from '../support/api.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

const METHOD_NAMES = ['get', 'post', 'put', 'delete', 'patch', 'all', 'options', 'head', 'search'];

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route Nest declares (`METHOD /path`), and which of them are marked `@Public()`. */
function nestRouteTable(t: TestApp): { nestRoutes: Set<string>; publicRoutes: Set<string> } {
  const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  const publicRoutes = new Set<string>();
  const nestRoutes = new Set<string>();
  for (const wrapper of controllers) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const classPath = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (methodPath === undefined) continue;
      const method =
        METHOD_NAMES[Reflect.getMetadata(METHOD_METADATA, handler) as number]?.toUpperCase();
      const full = `/${[classPath, methodPath].filter((part) => part && part !== '/').join('/')}`;
      const isExcludedFromPrefix = /^\/(health|metrics)/.test(full);
      const key = `${method} ${isExcludedFromPrefix ? full : `/api${full}`}`;
      nestRoutes.add(key);
      const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, wrapper.metatype]);
      if (isPublic) publicRoutes.add(key);
    }
  }
  return { nestRoutes, publicRoutes };
}

describe('RBAC, validation and lists over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 401 without a token on every non-public route the router has', async () => {
    // Routes as Express has them registered...
    const expressApp = t.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
    const registered = new Set<string>();
    for (const layer of expressApp.router.stack) {
      // Middleware mounted on every method (request logging) is not a route of its own.
      if (!layer.route || layer.route.methods._all || Object.keys(layer.route.methods).length > 10)
        continue;
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on)
          registered.add(`${method.toUpperCase()} ${layer.route.path.replace(/(.)\/$/, '$1')}`);
      }
    }
    // ...and which of them Nest marks @Public().
    const { nestRoutes, publicRoutes } = nestRouteTable(t);
    // Every Nest route is in the router; the only others are the OpenAPI document routes.
    for (const route of nestRoutes) expect(registered).toContain(route);
    const extra = [...registered].filter((route) => !nestRoutes.has(route));
    for (const route of extra) expect(route).toMatch(/^GET \/api\/docs/);

    expect([...publicRoutes].sort()).toEqual([
      'GET /health/info',
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
      'POST /api/auth/login',
      'POST /api/auth/refresh',
    ]);

    const guarded = [...nestRoutes].filter((route) => !publicRoutes.has(route));
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      const [method = 'GET', routePath = '/'] = route.split(' ');
      const url = routePath.replace(/:[a-zA-Z]+/g, randomUUID());
      const response = await t.http()[method.toLowerCase() as 'get'](url).send({});
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
      expect(response.body).toMatchObject({ statusCode: 401, message: expect.any(String) });
    }
  });

  it('documents every /api route in the OpenAPI description, with a response', async () => {
    const { nestRoutes } = nestRouteTable(t);
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const apiRoutes = [...nestRoutes].filter((route) => route.split(' ')[1]?.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const route of apiRoutes) {
      const [method = 'GET', routePath = '/'] = route.split(' ');
      const openApiPath = routePath.replace(/:([a-zA-Z]+)/g, '{$1}');
      const operation = doc.paths[openApiPath]?.[method.toLowerCase()];
      if (!operation || Object.keys(operation.responses ?? {}).length === 0) missing.push(route);
    }
    expect(missing).toEqual([]);
  });

  it.each<Role>(['viewer', 'operator', 'shift_manager', 'engineer'])(
    'gives a %s 403 on POST /api/users',
    async (role) => {
      const tokens = await t.userWithRole(role);
      const response = await send(t, tokens, 'post', '/api/users', {
        username: `new-${role}`,
        password: 'long-password-1',
        role: 'viewer',
        displayName: 'X',
      }).expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, message: expect.any(String) });
    },
  );

  it('answers a bad role and a missing password with 400 naming both fields', async () => {
    const admin = await t.adminTokens();
    const response = await send(t, admin, 'post', '/api/users', {
      username: 'bad-one',
      role: 'overlord',
      displayName: 'Bad',
    }).expect(400);
    const paths = (response.body.fieldErrors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['password', 'role']);
    expect(response.body.statusCode).toBe(400);
  });

  it('rejects unknown properties by name', async () => {
    const admin = await t.adminTokens();
    const response = await send(t, admin, 'post', '/api/users', {
      username: 'eve',
      password: 'long-password-1',
      role: 'viewer',
      displayName: 'Eve',
      isRoot: true,
    }).expect(400);
    expect(response.body.fieldErrors).toEqual([{ path: 'isRoot', message: 'Unknown property' }]);
    await send(t, admin, 'get', '/api/users?page=1&sort=evil').expect(400);
  });

  it('creates users, refuses a duplicate username, and lists them with the pagination shape', async () => {
    const admin = await t.adminTokens();
    for (let i = 0; i < 5; i++) {
      await send(t, admin, 'post', '/api/users', {
        username: `paged-${i}`,
        password: 'long-password-1',
        role: 'viewer',
        displayName: `Paged ${i}`,
      }).expect(201);
    }
    const duplicate = await send(t, admin, 'post', '/api/users', {
      username: 'PAGED-0',
      password: 'long-password-1',
      role: 'viewer',
      displayName: 'Dup',
    }).expect(409);
    expect(duplicate.body.fieldErrors).toEqual([{ path: 'username', message: 'Already taken' }]);

    const page = await send(t, admin, 'get', '/api/users?page=2&pageSize=2&search=paged').expect(
      200,
    );
    expect(page.body).toEqual({
      items: [
        expect.objectContaining({ username: 'paged-2' }),
        expect.objectContaining({ username: 'paged-3' }),
      ],
      page: 2,
      pageSize: 2,
      total: 5,
      totalPages: 3,
    });
    expect(page.body.items[0]).not.toHaveProperty('passwordHash');
    const tooBig = await send(t, admin, 'get', '/api/users?pageSize=201').expect(400);
    expect(tooBig.body.fieldErrors).toEqual([{ path: 'pageSize', message: expect.any(String) }]);
  });

  it('keeps the last active admin: no demotion, no disabling; a second admin makes it possible', async () => {
    const admin = await t.adminTokens();
    const demote = await send(t, admin, 'patch', `/api/users/${admin.user.id}`, {
      role: 'viewer',
    }).expect(409);
    expect(demote.body).toMatchObject({ statusCode: 409, code: 'LAST_ADMIN' });
    await send(t, admin, 'patch', `/api/users/${admin.user.id}`, { disabled: true }).expect(409);

    const second = await send(t, admin, 'post', '/api/users', {
      username: 'second-admin',
      password: 'long-password-2',
      role: 'admin',
      displayName: 'Second',
    }).expect(201);
    const demoted = await send(t, admin, 'patch', `/api/users/${second.body.id as string}`, {
      role: 'engineer',
      displayName: 'Second (engineer)',
    }).expect(200);
    expect(demoted.body).toMatchObject({ role: 'engineer', displayName: 'Second (engineer)' });
    await send(t, admin, 'patch', `/api/users/${admin.user.id}`, { role: 'viewer' }).expect(409);
  });

  it('records user changes in the audit log, readable by admins only', async () => {
    const admin = await t.adminTokens();
    const created = await send(t, admin, 'post', '/api/users', {
      username: 'audited',
      password: 'long-password-1',
      role: 'operator',
      displayName: 'Audited',
    }).expect(201);
    const id = (created.body as User).id;
    await send(t, admin, 'patch', `/api/users/${id}`, {
      role: 'quality',
      password: 'new-password-99',
    }).expect(200);

    const log = await send(t, admin, 'get', `/api/audit-log?entityType=user&entityId=${id}`).expect(
      200,
    );
    expect(log.body.total).toBe(2);
    const [update, create] = log.body.items as Array<Record<string, unknown>>;
    expect(create).toMatchObject({
      action: 'user.created',
      actorUsername: 'admin',
      after: expect.objectContaining({ role: 'operator' }),
    });
    expect(update).toMatchObject({
      action: 'user.updated',
      before: expect.objectContaining({ role: 'operator' }),
      after: expect.objectContaining({ role: 'quality', passwordChanged: true }),
    });
    expect(JSON.stringify(log.body)).not.toContain('new-password-99');

    const manager = await t.userWithRole('production_manager');
    await send(t, manager, 'get', '/api/audit-log').expect(403);
  });

  it('answers 404 as JSON for an unknown user and an unknown route', async () => {
    const admin = await t.adminTokens();
    const missing = await send(t, admin, 'get', `/api/users/${randomUUID()}`).expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: expect.any(String) });
    await send(t, admin, 'get', '/api/users/not-a-uuid').expect(400);
    const unknown = await send(t, admin, 'get', '/api/no-such-thing').expect(404);
    expect(unknown.body.statusCode).toBe(404);
  });

  it('covers every role in the permission map', () => {
    expect(ROLES).toHaveLength(8);
  });
});
