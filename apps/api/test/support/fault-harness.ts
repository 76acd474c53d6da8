import { type Agent, request } from 'node:http';
import { type ApiProcess, freePort, startApiProcess, waitForStatus } from './api-process.js';
import { type TestDatabase, createTestDatabase } from './test-database.js';

const ADMIN_PASSWORD = 'fault-admin-password';

/** The built API as its own process, on a throw-away database cloned from the test template. */
export interface FaultApi {
  db: TestDatabase;
  env: Record<string, string>;
  proc: ApiProcess;
  baseUrl: string;
  token: string;
  /** Starts the process again on the same database and port (after a kill). */
  restart(): Promise<void>;
}

export async function startFaultApi(env: Record<string, string>): Promise<FaultApi> {
  const db = await createTestDatabase();
  const fullEnv = {
    DATABASE_URL: db.url,
    PORT: String(await freePort()),
    ADMIN_PASSWORD,
    DEMO: '0',
    ...env,
  };
  const api: FaultApi = {
    db,
    env: fullEnv,
    proc: startApiProcess(fullEnv),
    baseUrl: '',
    token: '',
    async restart() {
      api.proc = startApiProcess(fullEnv);
      await waitForStatus(`${api.baseUrl}/health/ready`, 200, 30_000);
    },
  };
  api.baseUrl = api.proc.baseUrl;
  await waitForStatus(`${api.baseUrl}/health/ready`, 200, 30_000);
  const login = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  api.token = ((await login.json()) as { accessToken: string }).accessToken;
  return api;
}

/** `POST path` as the admin, expecting 201; resolves to the body. */
export async function create<T>(api: FaultApi, path: string, body: object): Promise<T> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${api.token}` },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A line with `n` machines and a day shift; returns the equipment ids. */
export async function createPlant(api: FaultApi, n: number): Promise<string[]> {
  const line = await create<{ id: string }>(api, '/api/lines', { code: 'FLT', name: 'Fault line' });
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const equipment = await create<{ id: string }>(api, '/api/equipment', {
      code: `FLT-${i}`,
      name: `Fault machine ${i}`,
      lineId: line.id,
      idealCycleTimeSeconds: 2,
    });
    ids.push(equipment.id);
  }
  return ids;
}

/** One request's fate, as a client sees it. */
export interface CallResult {
  startedAt: number;
  endedAt: number;
  /** Sent on a connection that had carried a request before. */
  reused: boolean;
  status?: number;
  connection?: string;
  body?: string;
  /** `ECONNRESET`, `ECONNREFUSED`, `socket hang up`, … */
  error?: string;
}

/** One HTTP request through `agent` (keep-alive or not), never rejecting. */
export function call(
  agent: Agent,
  url: string,
  options: { method?: string; token?: string; body?: unknown; requestId?: string } = {},
): Promise<CallResult> {
  const startedAt = Date.now();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve) => {
    const req = request(url, {
      agent,
      method: options.method ?? 'GET',
      headers: {
        ...(payload ? { 'Content-Type': 'application/json' } : {}),
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        ...(options.requestId ? { 'X-Request-Id': options.requestId } : {}),
      },
    });
    const fail = (error: Error & { code?: string }) =>
      resolve({
        startedAt,
        endedAt: Date.now(),
        reused: req.reusedSocket,
        error: error.code ?? error.message,
      });
    req.on('error', fail);
    req.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('error', fail);
      response.on('end', () =>
        resolve({
          startedAt,
          endedAt: Date.now(),
          reused: req.reusedSocket,
          status: response.statusCode,
          connection: response.headers.connection,
          body,
        }),
      );
    });
    req.end(payload);
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
