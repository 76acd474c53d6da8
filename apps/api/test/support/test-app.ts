import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AuthTokens, Role } from '@ms5/contracts';
import request from 'supertest';
import { type AppConfig, loadConfig } from '../../src/platform/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { UsersService } from '../../src/platform/users/users.service.js';
import { type TestDatabase, createTestDatabase } from './test-database.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  login(username: string, password: string): Promise<AuthTokens>;
  /** Creates a user of the role (as the bootstrap admin) and returns its tokens. */
  userWithRole(role: Role, username?: string): Promise<AuthTokens>;
  adminTokens(): Promise<AuthTokens>;
  close(): Promise<void>;
}

let counter = 0;

/** The configuration of an API in tests: silent, a fresh data folder, no web build to serve. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ms5-test-')),
    WEB_DIST_DIR: path.join(tmpdir(), 'ms5-no-web-dist'),
    ...env,
  });
}

const testRuntime = () => ({
  startedAt: new Date(),
  database: 'external' as const,
  version: '0.0.0-test',
  commit: null,
  builtAt: null,
  jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
});

/** Another API instance on a database (a replica, or the same API after a restart). */
export function createInstance(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<NestExpressApplication> {
  return createApp({ config: testConfig(env), databaseUrl, runtime: testRuntime() });
}

/** The whole HTTP application on its own cloned database, with the bootstrap admin created. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig({ ADMIN_PASSWORD, ...env });
  const app = await createApp({ config, databaseUrl: db.url, runtime: testRuntime() });
  const users = app.get(UsersService);
  await users.ensureBootstrapAdmin('admin', ADMIN_PASSWORD);
  const server = app.getHttpServer();
  const http = () => request(server);

  async function login(username: string, password: string): Promise<AuthTokens> {
    const response = await http().post('/api/auth/login').send({ username, password }).expect(200);
    return response.body as AuthTokens;
  }
  let admin: AuthTokens | undefined;
  async function adminTokens(): Promise<AuthTokens> {
    admin ??= await login('admin', ADMIN_PASSWORD);
    return admin;
  }
  return {
    app,
    db,
    config,
    http,
    login,
    adminTokens,
    async userWithRole(role, username = `${role.replaceAll('_', '-')}-${++counter}`) {
      const password = `${username}-password`;
      await users.create({ username, password, role, displayName: `Test ${role}` }, null);
      return login(username, password);
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export const bearer = (tokens: AuthTokens): [string, string] => [
  'Authorization',
  `Bearer ${tokens.accessToken}`,
];
