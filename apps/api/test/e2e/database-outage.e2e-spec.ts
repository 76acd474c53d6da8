import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type OutageApi,
  Reader,
  type RequestLog,
  RetryingGateway,
  ingestionReport,
  postmasterPid,
  serverProcesses,
  startOutageApi,
} from '../support/database-outage.js';
import { io } from 'socket.io-client';
import { waitForStatus } from '../support/api-process.js';
import { sleep } from '../support/wait.js';

/**
 * The built API with its embedded PostgreSQL, one throw-away server per fault. While the fault
 * lasts a gateway keeps ingesting (retrying on 503) and a screen keeps reading and logging in;
 * every answer must be 200 or 503 (never 500, never a hang), and once the database is back
 * every acknowledged event is stored exactly once. The counts are printed for the closing note.
 */

async function status(url: string): Promise<number> {
  return (await fetch(url, { signal: AbortSignal.timeout(10_000) })).status;
}

async function firstRequestAfterRecovery(api: OutageApi): Promise<number> {
  const response = await fetch(`${api.baseUrl}/api/lines`, {
    headers: { Authorization: `Bearer ${api.token}` },
  });
  return response.status;
}

function print(
  api: OutageApi,
  fault: string,
  report: Awaited<ReturnType<typeof ingestionReport>>,
  reader: Reader,
  timeline: Record<string, number>,
) {
  const errors = loggedErrors(api);
  if (errors) console.log(`${fault}: requests answered 500\n${errors}`);
  console.log(
    `${fault}\n${JSON.stringify(
      {
        timeline,
        ingestion: report,
        reader: {
          requests: reader.log.summary(),
          slowestMs: reader.log.slowestMs,
          flaps: reader.log.flaps(),
        },
      },
      null,
      2,
    )}`,
  );
}

/** A screen's socket opened during the outage: refused or disconnected, never the process ended. */
async function socketDuringOutage(api: OutageApi): Promise<string> {
  const client = io(api.baseUrl, {
    auth: { token: api.token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  try {
    return await new Promise<string>((resolve) => {
      client.once('realtime.ready', () => resolve('ready'));
      client.once('disconnect', (reason) => resolve(`disconnected: ${reason}`));
      client.once('connect_error', (error) => resolve(`refused: ${error.message}`));
      setTimeout(() => resolve('no answer'), 8000).unref();
    });
  } finally {
    client.disconnect();
  }
}

/** What the supervisor said, with its times (pino lines of the process). */
function supervisorLines(api: OutageApi): string {
  return api.proc
    .output()
    .split('\n')
    .filter((line) => /embedded PostgreSQL/.test(line))
    .map((line) => {
      try {
        const entry = JSON.parse(line) as { time: number; msg: string };
        return `${new Date(entry.time).toISOString()} ${entry.msg}`;
      } catch {
        return line;
      }
    })
    .join('\n');
}

/** The requests the process answered 500 (their stacks): shown when an answer was not honest. */
function loggedErrors(api: OutageApi): string {
  return api.proc
    .output()
    .split('\n')
    .filter((line) => line.includes('"level":50') && line.includes('"ApiExceptionFilter"'))
    .join('\n');
}

function expectHonestAnswers(log: RequestLog, slowestMs: number) {
  for (const outcome of log.statuses.keys()) expect(['200', '503']).toContain(outcome);
  expect(log.slowestMs).toBeLessThan(slowestMs);
}

describe('PostgreSQL paused (SIGSTOP), then resumed', () => {
  let api: OutageApi;
  beforeAll(async () => {
    api = await startOutageApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('documents the 503 on every route of the OpenAPI document', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    const doc = (await response.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
    };
    const operations = Object.values(doc.paths).flatMap((path) => Object.values(path));
    expect(operations.length).toBeGreaterThan(20);
    for (const operation of operations) {
      expect(operation.responses['503']).toBeDefined();
    }
    expect(doc.paths['/api/ingest/events']?.post?.responses['503']?.headers).toHaveProperty(
      'Retry-After',
    );
  });

  it('answers 503 within seconds while paused, fails liveness after the grace, then recovers', async () => {
    const gateway = new RetryingGateway(api);
    const reader = new Reader(api);
    const timeline: Record<string, number> = {};
    gateway.start();
    reader.start();
    await sleep(1500);
    const pids = serverProcesses(api.dataDir);
    const faultAt = Date.now();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    let resumed = false;
    try {
      await waitForStatus(`${api.baseUrl}/health/ready`, 503, 5000);
      const during = await fetch(`${api.baseUrl}/api/lines`, {
        headers: { Authorization: `Bearer ${api.token}` },
      });
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toBe('5');
      expect(await during.json()).toMatchObject({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: expect.any(String),
        requestId: expect.any(String),
      });
      // DB_LIVENESS_GRACE_MS is 4 s here: then the process asks to be restarted.
      await waitForStatus(`${api.baseUrl}/health/live`, 503, 8000);
      for (const pid of pids) process.kill(pid, 'SIGCONT');
      timeline.pausedMs = Date.now() - faultAt;
      resumed = true;
      expect(await firstRequestAfterRecovery(api)).toBe(200);
      await waitForStatus(`${api.baseUrl}/health/ready`, 200, 5000);
      timeline.readyAgainAfterMs = Date.now() - faultAt;
      await waitForStatus(`${api.baseUrl}/health/live`, 200, 5000);
      await sleep(1000);
    } finally {
      if (!resumed) for (const pid of pids) process.kill(pid, 'SIGCONT');
      await gateway.stop();
      await reader.stop();
    }
    const report = await ingestionReport(api, gateway);
    print(api, 'PostgreSQL paused', report, reader, timeline);
    expectHonestAnswers(gateway.log, 6000);
    expectHonestAnswers(reader.log, 6000);
    expect(gateway.log.count('503')).toBeGreaterThan(0);
    expect(report.missingRetryAfter).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.stored).toBe(report.acknowledged);
  });
});

describe('PostgreSQL killed (SIGKILL of the postmaster)', () => {
  let api: OutageApi;
  beforeAll(async () => {
    api = await startOutageApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers 503 meanwhile, and the supervisor starts the embedded server again', async () => {
    const gateway = new RetryingGateway(api);
    const reader = new Reader(api);
    const timeline: Record<string, number> = {};
    gateway.start();
    reader.start();
    await sleep(1500);
    const killed = postmasterPid(api.dataDir);
    const faultAt = Date.now();
    process.kill(killed, 'SIGKILL');
    try {
      await waitForStatus(`${api.baseUrl}/health/ready`, 503, 5000);
      expect(await socketDuringOutage(api)).toMatch(/^(disconnected|refused)/);
      await waitForStatus(`${api.baseUrl}/health/ready`, 200, 30_000);
      timeline.readyAgainAfterMs = Date.now() - faultAt;
      expect(api.proc.child.exitCode).toBeNull();
      expect(postmasterPid(api.dataDir)).not.toBe(killed);
      expect(await firstRequestAfterRecovery(api)).toBe(200);
      expect(await status(`${api.baseUrl}/health/live`)).toBe(200);
      await sleep(1000);
    } finally {
      await gateway.stop();
      await reader.stop();
    }
    expect(api.proc.output()).toContain('starting it again');
    const report = await ingestionReport(api, gateway);
    print(api, 'PostgreSQL killed', report, reader, timeline);
    console.log(supervisorLines(api));
    expectHonestAnswers(gateway.log, 6000);
    expectHonestAnswers(reader.log, 6000);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.stored).toBe(report.acknowledged);
  });
});

describe('PostgreSQL in smart shutdown (SIGTERM to the postmaster)', () => {
  let api: OutageApi;
  beforeAll(async () => {
    api = await startOutageApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers 503 without flapping back to 200 until the server is back', async () => {
    const gateway = new RetryingGateway(api);
    const reader = new Reader(api);
    const timeline: Record<string, number> = {};
    gateway.start();
    reader.start();
    await sleep(1500);
    const stopped = postmasterPid(api.dataDir);
    const faultAt = Date.now();
    process.kill(stopped, 'SIGTERM');
    try {
      // Our sessions are retired, so the smart shutdown completes and the supervisor restarts it.
      await waitForStatus(`${api.baseUrl}/health/ready`, 503, 5000);
      await waitForStatus(`${api.baseUrl}/health/ready`, 200, 30_000);
      timeline.readyAgainAfterMs = Date.now() - faultAt;
      expect(postmasterPid(api.dataDir)).not.toBe(stopped);
      expect(await firstRequestAfterRecovery(api)).toBe(200);
      await sleep(1000);
    } finally {
      await gateway.stop();
      await reader.stop();
    }
    const report = await ingestionReport(api, gateway);
    print(api, 'PostgreSQL smart shutdown', report, reader, timeline);
    expectHonestAnswers(gateway.log, 6000);
    expectHonestAnswers(reader.log, 6000);
    expect(gateway.log.flaps() + reader.log.flaps()).toBeLessThanOrEqual(1);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.stored).toBe(report.acknowledged);
  });
});
