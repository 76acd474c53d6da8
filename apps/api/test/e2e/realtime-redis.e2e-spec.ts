import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AndonCall,
  AndonCallEventPayload,
  AuthTokens,
  ClientToServerEvents,
  Equipment,
  Line,
  ServerToClientEvents,
} from '@ms5/contracts';
import { type Socket, io } from 'socket.io-client';
import {
  type ApiProcess,
  freePort,
  startApiProcess,
  tempDataDir,
  waitForStatus,
} from '../support/api-process.js';
import { type RedisServer, startRedisServer } from '../support/redis-server.js';
import { type TestDatabase, createTestDatabase } from '../support/test-database.js';

const ADMIN_PASSWORD = 'redis-admin-password';

async function post<T>(baseUrl: string, path: string, body: object, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Two built API processes on one database share socket.io events through a real Redis. */
describe('two API processes with the Redis adapter', () => {
  let redis: RedisServer;
  let db: TestDatabase;
  const processes: ApiProcess[] = [];
  const dataDirs: string[] = [];
  const clients: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    db = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const dataDir = tempDataDir();
      dataDirs.push(dataDir);
      const proc = startApiProcess({
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        ADMIN_PASSWORD,
        // Replicas must share the signing secret: a token from one is checked by the other.
        JWT_SECRET: 'redis-test-secret-redis-test-secret-0123456789',
        SHUTDOWN_DELAY_MS: '0',
        DEMO: '0',
      });
      processes.push(proc);
      await waitForStatus(`${proc.baseUrl}/health/ready`, 200);
    }
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    for (const proc of processes) {
      if (proc.child.exitCode === null) {
        proc.child.kill('SIGTERM');
        await proc.exited;
      }
    }
    await redis?.stop();
    await db?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a call raised on one process reaches a client of the other', async () => {
    const [a, b] = processes as [ApiProcess, ApiProcess];
    const admin = await post<AuthTokens>(a.baseUrl, '/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const line = await post<Line>(
      a.baseUrl,
      '/api/lines',
      { code: 'REDIS', name: 'Redis line' },
      admin.accessToken,
    );
    const equipment = await post<Equipment>(
      a.baseUrl,
      '/api/equipment',
      { code: 'REDIS-1', name: 'Robot', lineId: line.id, idealCycleTimeSeconds: 1 },
      admin.accessToken,
    );

    const received: AndonCallEventPayload[] = [];
    const client: Socket<ServerToClientEvents, ClientToServerEvents> = io(b.baseUrl, {
      auth: { token: admin.accessToken },
      transports: ['websocket'],
      reconnection: false,
    });
    clients.push(client);
    client.on('andon.call.raised', (payload) => received.push(payload));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no realtime.ready from B:\n${b.output()}`)),
        15_000,
      );
      client.once('realtime.ready', () => {
        clearTimeout(timer);
        resolve();
      });
      client.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      client.once('disconnect', (reason) => {
        clearTimeout(timer);
        reject(new Error(`disconnected by B: ${reason}`));
      });
    });

    const call = await post<AndonCall>(
      a.baseUrl,
      '/api/andon',
      { equipmentId: equipment.id, type: 'safety', priority: 'critical' },
      admin.accessToken,
    );
    const deadline = Date.now() + 10_000;
    while (!received.some((event) => event.id === call.id) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(received.filter((event) => event.id === call.id)).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: call.id, lineId: line.id, priority: 'critical' });

    const ready = await fetch(`${b.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(JSON.stringify(await ready.json())).toContain('redis');
  });
});
