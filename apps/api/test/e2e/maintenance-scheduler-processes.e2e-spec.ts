import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuthTokens,
  Equipment,
  Line,
  MaintenancePlan,
  Paginated,
  WorkOrderSummary,
} from '@ms5/contracts';
import {
  type ApiProcess,
  freePort,
  startApiProcess,
  tempDataDir,
  waitForStatus,
} from '../support/api-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { sleep } from '../support/wait.js';

const ADMIN_PASSWORD = 'scheduler-admin-password';
const DAY = 86_400_000;

async function call<T>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  token?: string,
  body?: object,
  status = method === 'POST' ? 201 : 200,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status !== status) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/**
 * Two built API processes on one database, both running the scheduler every 100 ms on the real
 * clock: a daily plan that started twelve days ago has twelve occurrences due, and the two
 * processes race for each of them. Exactly one work order per occurrence, and no more once they
 * are made.
 */
describe('the maintenance scheduler in two API processes', () => {
  let db: TestDatabase;
  const dataDirs = [tempDataDir(), tempDataDir()];
  const processes: ApiProcess[] = [];
  let admin: AuthTokens;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const dataDir of dataDirs) {
      processes.push(
        startApiProcess({
          DATABASE_URL: db.url,
          DATA_DIR: dataDir,
          PORT: String(await freePort()),
          ADMIN_PASSWORD,
          JWT_SECRET: 'scheduler-test-secret-scheduler-test-secret-0123',
          SHUTDOWN_DELAY_MS: '0',
          DEMO: '0',
          MAINTENANCE_SCHEDULER: '1',
          MAINTENANCE_SCHEDULER_INTERVAL_MS: '100',
        }),
      );
    }
    for (const proc of processes) await waitForStatus(`${proc.baseUrl}/health/ready`, 200);
    const a = processes[0] as ApiProcess;
    admin = await call<AuthTokens>(
      a.baseUrl,
      'POST',
      '/api/auth/login',
      undefined,
      {
        username: 'admin',
        password: ADMIN_PASSWORD,
      },
      200,
    );
  }, 180_000);

  afterAll(async () => {
    for (const proc of processes) {
      if (proc.child.exitCode === null) {
        proc.child.kill('SIGTERM');
        await proc.exited;
      }
    }
    await db?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('creates exactly one work order per due occurrence', async () => {
    const [a, b] = processes as [ApiProcess, ApiProcess];
    const token = admin.accessToken;
    const line = await call<Line>(a.baseUrl, 'POST', '/api/lines', token, {
      code: 'TWO',
      name: 'Two processes',
    });
    const equipment = await call<Equipment>(a.baseUrl, 'POST', '/api/equipment', token, {
      code: 'TWO-1',
      name: 'Press',
      lineId: line.id,
      idealCycleTimeSeconds: 1,
    });
    // Twelve days and a bit ago: occurrences 1–12 are due now, the 13th tomorrow.
    const startAt = Date.now() - 12 * DAY - 3_600_000;
    const plan = await call<MaintenancePlan>(a.baseUrl, 'POST', '/api/maintenance-plans', token, {
      equipmentId: equipment.id,
      title: 'Daily check',
      startAt: new Date(startAt).toISOString(),
      triggers: [{ kind: 'calendar', every: 1, unit: 'day' }],
    });
    const orders = () =>
      call<Paginated<WorkOrderSummary>>(
        b.baseUrl,
        'GET',
        `/api/work-orders?planId=${plan.id}&pageSize=200`,
        token,
      );
    const deadline = Date.now() + 60_000;
    while ((await orders()).total < 12 && Date.now() < deadline) await sleep(200);
    // Both keep passing: nothing more is due, nothing more is made.
    await sleep(1500);
    const made = (await orders()).items;
    expect(made.map((o) => o.planOccurrence).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(new Set(made.map((o) => o.dueAt)).size).toBe(12);
    const read = await call<MaintenancePlan>(
      b.baseUrl,
      'GET',
      `/api/maintenance-plans/${plan.id}`,
      token,
    );
    expect(read.occurrences).toBe(12);
    expect(read.nextDue.at).toBe(new Date(startAt + 13 * DAY).toISOString());
    // Both processes did passes (their own metrics).
    for (const proc of processes) {
      const metrics = await (await fetch(`${proc.baseUrl}/metrics`)).text();
      const count = /maintenance_scheduler_pass_seconds_count (\d+)/.exec(metrics)?.[1];
      expect(Number(count)).toBeGreaterThan(1);
    }
  }, 120_000);
});
