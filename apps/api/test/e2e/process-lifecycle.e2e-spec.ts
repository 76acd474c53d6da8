import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type ApiProcess,
  freePort,
  startApiProcess,
  tempDataDir,
  waitForStatus,
} from '../support/api-process.js';

const ADMIN_PASSWORD = 'process-admin-password';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(dataDir: string): number {
  return Number(
    readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
}

async function login(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  return response.status;
}

/** The built process with its embedded PostgreSQL: start, SIGTERM, kill -9, stale pid files. */
describe('the API process', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let current: ApiProcess | undefined;

  beforeAll(async () => {
    dataDir = tempDataDir();
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      ADMIN_PASSWORD,
      SHUTDOWN_DELAY_MS: '1500',
      DEMO: '0',
    };
  });

  afterAll(async () => {
    if (current && current.child.exitCode === null) {
      current.child.kill('SIGTERM');
      await current.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with an embedded PostgreSQL and becomes ready', async () => {
    current = startApiProcess(env);
    await waitForStatus(`${current.baseUrl}/health/ready`, 200);
    expect(await login(current.baseUrl)).toBe(200);
  });

  it('on SIGTERM turns readiness to 503 first, keeps serving in-flight work, then exits 0', async () => {
    const proc = current!;
    const pgPid = postmasterPid(dataDir);
    proc.child.kill('SIGTERM');
    await waitForStatus(`${proc.baseUrl}/health/ready`, 503, 1000);
    expect((await fetch(`${proc.baseUrl}/health/live`)).status).toBe(200);
    expect(await login(proc.baseUrl)).toBe(200); // still served during the drain delay
    expect(await proc.exited).toBe(0);
    expect(isAlive(pgPid)).toBe(false); // its PostgreSQL was stopped with it
  });

  it('starts again after kill -9, adopting the PostgreSQL the killed run left behind', async () => {
    current = startApiProcess(env);
    await waitForStatus(`${current.baseUrl}/health/ready`, 200);
    const pgPid = postmasterPid(dataDir);
    current.child.kill('SIGKILL');
    await current.exited;
    expect(isAlive(pgPid)).toBe(true); // orphaned, as after a real kill -9

    current = startApiProcess(env);
    await waitForStatus(`${current.baseUrl}/health/ready`, 200);
    expect(current.output()).toContain('adopted the PostgreSQL server');
    expect(await login(current.baseUrl)).toBe(200); // same data: the admin still logs in
  });

  it('starts again when both the app and its PostgreSQL were killed (stale postmaster.pid)', async () => {
    const pgPid = postmasterPid(dataDir);
    current!.child.kill('SIGKILL');
    await current!.exited;
    process.kill(pgPid, 'SIGKILL');
    while (isAlive(pgPid)) await new Promise((resolve) => setTimeout(resolve, 50));

    current = startApiProcess({ ...env, SHUTDOWN_DELAY_MS: '0' });
    await waitForStatus(`${current.baseUrl}/health/ready`, 200);
    expect(current.output()).toContain('stale postmaster.pid');
    expect(await login(current.baseUrl)).toBe(200);
  });

  it('refuses to start on bad configuration, naming the variable', async () => {
    const bad = startApiProcess({ ...env, PORT: 'not-a-port', REDIS_URL: 'http://nope' });
    expect(await bad.exited).toBe(78);
    expect(bad.output()).toContain('PORT');
    expect(bad.output()).toContain('REDIS_URL');
  });
});
