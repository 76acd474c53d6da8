import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiMain, repoRoot, webDistDir } from './paths';

export interface ApiServer {
  baseUrl: string;
  adminUsername: string;
  adminPassword: string;
  /** The last lines the server wrote, for failure messages. */
  output(): string;
  /** SIGTERM, wait for the process (and its embedded PostgreSQL) to exit, remove the data folder. */
  stop(): Promise<void>;
}

export interface StartApiServerOptions {
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not find a free port'));
      });
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitForReady(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The API exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The API was not ready within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts the BUILT API (`apps/api/dist/main.js`) with an embedded PostgreSQL in a fresh temp folder,
 * serving the built web app, and waits until `/health/ready` answers 200.
 */
export async function startApiServer(options: StartApiServerOptions = {}): Promise<ApiServer> {
  if (!existsSync(apiMain))
    throw new Error(`${apiMain} is missing: run \`pnpm nx run @ms5/api:build\` first`);
  if (!existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error(`${webDistDir}index.html is missing: run \`pnpm nx run @ms5/web:build\` first`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ms5-web-e2e-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const adminUsername = 'admin';
  const adminPassword = `e2e-${randomBytes(12).toString('hex')}`;
  const baseUrl = `http://127.0.0.1:${port}`;

  const child = spawn(process.execPath, [apiMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      ADMIN_USERNAME: adminUsername,
      ADMIN_PASSWORD: adminPassword,
      DEMO: '0',
      LOG_LEVEL: 'warn',
      SHUTDOWN_DELAY_MS: '0',
      WEB_DIST_DIR: webDistDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => lines.join('\n');

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 30_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForReady(baseUrl, child, options.readyTimeoutMs ?? 90_000, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, adminUsername, adminPassword, output, stop };
}
