import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import {
  type ApiProcess,
  freePort,
  startApiProcess,
  tempDataDir,
  waitForStatus,
} from './api-process.js';
import { sleep } from './wait.js';

const ADMIN_PASSWORD = 'outage-admin-password';

/**
 * The built API in embedded mode on a throw-away data folder, with short database timeouts, so
 * that a fault and its recovery fit in seconds: a session is waited for 1 s, a statement runs at
 * most 1.5 s (its answer is given up 2.5 s after the query was sent), liveness fails after 4 s.
 */
export interface OutageApi {
  proc: ApiProcess;
  baseUrl: string;
  dataDir: string;
  token: string;
  equipmentId: string;
  /** A client of the embedded database itself (for counting what was stored). */
  databaseUrl: string;
  stop(): Promise<void>;
}

export const OUTAGE_ENV = {
  DB_CONNECT_TIMEOUT_MS: '1000',
  DB_STATEMENT_TIMEOUT_MS: '1500',
  DB_LIVENESS_GRACE_MS: '4000',
};

export async function startOutageApi(): Promise<OutageApi> {
  const dataDir = tempDataDir();
  const port = await freePort();
  const pgPort = await freePort();
  const proc = startApiProcess({
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    ADMIN_PASSWORD,
    DEMO: '0',
    SHUTDOWN_DELAY_MS: '0',
    ...OUTAGE_ENV,
  });
  const baseUrl = proc.baseUrl;
  let token: string;
  let equipmentId: string;
  try {
    await waitForStatus(`${baseUrl}/health/ready`, 200);
    token = await loginWhenUp(proc, baseUrl);
    const line = await postJson(baseUrl, '/api/lines', token, { code: 'OUT', name: 'Outage line' });
    const equipment = await postJson(baseUrl, '/api/equipment', token, {
      code: 'OUT-1',
      name: 'Outage filler',
      lineId: (line.body as { id: string }).id,
      idealCycleTimeSeconds: 1,
    });
    equipmentId = (equipment.body as { id: string }).id;
  } catch (error) {
    // Not left running when the setup fails: jest would wait for it, and the next run with it.
    proc.child.kill('SIGTERM');
    await proc.exited;
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the API did not start: ${String(error)}\n${proc.output()}`, { cause: error });
  }
  const credentials = JSON.parse(
    readFileSync(path.join(dataDir, 'postgres.credentials.json'), 'utf8'),
  ) as { user: string; password: string };
  return {
    proc,
    baseUrl,
    dataDir,
    token,
    equipmentId,
    databaseUrl: `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${pgPort}/ms5`,
    async stop() {
      if (proc.child.exitCode === null) {
        proc.child.kill('SIGTERM');
        await proc.exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Logs in as the admin, retrying until this process answers: on a machine where other test runs
 * start servers too, the free port picked may have answered for another server for a moment.
 */
async function loginWhenUp(proc: ApiProcess, baseUrl: string): Promise<string> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`the API exited (${proc.child.exitCode})`);
    try {
      const login = await postJson(baseUrl, '/api/auth/login', undefined, {
        username: 'admin',
        password: ADMIN_PASSWORD,
      });
      if (login.status === 200) return (login.body as { accessToken: string }).accessToken;
    } catch {
      // not (yet) our server
    }
    if (Date.now() > deadline) throw new Error('no login within 90 s');
    await sleep(250);
  }
}

export async function postJson(
  baseUrl: string,
  route: string,
  token: string | undefined,
  body: unknown,
): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const response = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the report
  }
  return { status: response.status, body: parsed, retryAfter: response.headers.get('retry-after') };
}

/** The postmaster of the embedded server, from its pid file. */
export function postmasterPid(dataDir: string): number {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

/** The postmaster and every process it started (backends, checkpointer, WAL writer, …). */
export function serverProcesses(dataDir: string): number[] {
  const postmaster = postmasterPid(dataDir);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], {
    encoding: 'utf8',
  })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
  return [postmaster, ...children];
}

/** Status counts and the slowest answer of a stream of requests. */
export class RequestLog {
  readonly statuses = new Map<string, number>();
  readonly sequence: string[] = [];
  slowestMs = 0;

  record(outcome: string, ms: number): void {
    this.statuses.set(outcome, (this.statuses.get(outcome) ?? 0) + 1);
    if (this.sequence.at(-1) !== outcome) this.sequence.push(outcome);
    this.slowestMs = Math.max(this.slowestMs, ms);
  }

  count(outcome: string): number {
    return this.statuses.get(outcome) ?? 0;
  }

  /** How often the answers went from 503 back to 200 and down again (flapping). */
  flaps(): number {
    let flaps = 0;
    for (let i = 2; i < this.sequence.length; i++)
      if (
        this.sequence[i - 2] === '503' &&
        this.sequence[i - 1] === '200' &&
        this.sequence[i] === '503'
      )
        flaps++;
    return flaps;
  }

  summary(): Record<string, number> {
    return Object.fromEntries([...this.statuses.entries()].sort());
  }
}

/**
 * A gateway: posts batches of new events one after the other, retrying a batch after each `503`
 * or network error (every 250 ms here, not `Retry-After`'s 5 s, to keep the test short) until it
 * is acknowledged; any other answer abandons the batch (its events count as lost).
 */
export class RetryingGateway {
  readonly log = new RequestLog();
  sent = 0;
  acknowledged = 0;
  answeredDuplicates = 0;
  abandoned = 0;
  missingRetryAfter = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private batch = 0;

  constructor(
    private readonly api: OutageApi,
    private readonly batchSize = 20,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in hand is acknowledged (or abandoned). */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const events = this.nextBatch();
      this.sent += events.length;
      for (;;) {
        const started = Date.now();
        let outcome: string;
        try {
          const answer = await postJson(this.api.baseUrl, '/api/ingest/events', this.api.token, {
            events,
          });
          outcome = String(answer.status);
          this.log.record(outcome, Date.now() - started);
          if (answer.status === 200) {
            const result = answer.body as { accepted: number; duplicates: number };
            this.acknowledged += events.length;
            this.answeredDuplicates += result.duplicates;
            break;
          }
          if (answer.status === 503) {
            if (answer.retryAfter === null) this.missingRetryAfter++;
          } else {
            this.abandoned += events.length;
            break;
          }
        } catch (error) {
          this.log.record(`network: ${(error as Error).name}`, Date.now() - started);
        }
        await sleep(250);
      }
    }
  }

  private nextBatch(): unknown[] {
    const batch = this.batch++;
    // Recent, one second apart, each batch after the one before.
    const base = Date.now() - 3_600_000;
    return Array.from({ length: this.batchSize }, (_, index) => ({
      eventId: `outage-${batch}-${index}`,
      equipmentId: this.api.equipmentId,
      ts: new Date(base + (batch * this.batchSize + index) * 10).toISOString(),
      type: 'count',
      good: 1,
      reject: 0,
    }));
  }
}

/** A screen: reads a list and logs in again and again, recording every answer and its time. */
export class Reader {
  readonly log = new RequestLog();
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly api: OutageApi) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    let turn = 0;
    while (this.running) {
      const started = Date.now();
      try {
        const response =
          turn++ % 2 === 0
            ? await fetch(`${this.api.baseUrl}/api/lines`, {
                headers: { Authorization: `Bearer ${this.api.token}` },
                signal: AbortSignal.timeout(30_000),
              })
            : await fetch(`${this.api.baseUrl}/api/auth/login`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
                signal: AbortSignal.timeout(30_000),
              });
        await response.arrayBuffer();
        this.log.record(String(response.status), Date.now() - started);
      } catch (error) {
        this.log.record(`network: ${(error as Error).name}`, Date.now() - started);
      }
      await sleep(100);
    }
  }
}

/** What the gateway sent and what the database holds, for the closing note. */
export async function ingestionReport(api: OutageApi, gateway: RetryingGateway) {
  const client = new pg.Client({ connectionString: api.databaseUrl });
  await client.connect();
  try {
    const stored = await client.query<{ rows: string; distinct: string }>(
      `SELECT count(*) AS rows, count(DISTINCT event_id) AS distinct
         FROM machine_events WHERE event_id LIKE 'outage-%'`,
    );
    const rows = Number(stored.rows[0]?.rows ?? 0);
    const distinct = Number(stored.rows[0]?.distinct ?? 0);
    return {
      sent: gateway.sent,
      acknowledged: gateway.acknowledged,
      stored: rows,
      lost: gateway.sent - distinct,
      duplicated: rows - distinct,
      answeredAsDuplicates: gateway.answeredDuplicates,
      abandoned: gateway.abandoned,
      requests: gateway.log.summary(),
      missingRetryAfter: gateway.missingRetryAfter,
      slowestMs: gateway.log.slowestMs,
    };
  } finally {
    await client.end();
  }
}
