import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withClient } from '../support/test-database.js';
import {
  type CallResult,
  type FaultApi,
  call,
  createPlant,
  sleep,
  startFaultApi,
} from '../support/fault-harness.js';

const DELAY_MS = 1500;
const GRACE_MS = 4000;
const CLIENTS = 6;

interface Sent extends CallResult {
  kind: 'ingest' | 'read';
  requestId: string;
  events: number;
}

/**
 * SIGTERM while keep-alive clients keep reading and ingesting: nothing accepted is cut, the drain
 * tells clients to close, readiness fails first, and the process is gone within delay + grace.
 */
describe('SIGTERM under load', () => {
  let api: FaultApi;
  let equipment: string[];

  beforeAll(async () => {
    api = await startFaultApi({
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      LOG_LEVEL: 'info', // every served request is logged with its id
    });
    equipment = await createPlant(api, 3);
  });
  afterAll(async () => {
    if (api.proc.child.exitCode === null) api.proc.child.kill('SIGKILL');
    await api.db.drop();
  });

  it('drains keep-alive clients without a reset, then exits within delay + grace', async () => {
    const sent: Sent[] = [];
    const readiness: Array<{ at: number; status: number | string }> = [];
    let sigtermAt = Number.POSITIVE_INFINITY;
    let refused = false;

    async function client(index: number): Promise<void> {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let n = 0; !refused; n++) {
        const requestId = `load-${index}-${n}`;
        const ingest = n % 2 === 0;
        const events = ingest
          ? Array.from({ length: 20 }, (_, i) => ({
              eventId: `${requestId}-${i}`,
              equipmentId: equipment[index % equipment.length],
              ts: new Date(Date.now() - 60_000 + i).toISOString(),
              type: 'count',
              good: 1,
              reject: 0,
            }))
          : [];
        const result = await call(
          agent,
          ingest
            ? `${api.baseUrl}/api/ingest/events`
            : `${api.baseUrl}/api/equipment?page=1&pageSize=20`,
          {
            method: ingest ? 'POST' : 'GET',
            token: api.token,
            requestId,
            ...(ingest ? { body: { events } } : {}),
          },
        );
        sent.push({
          ...result,
          kind: ingest ? 'ingest' : 'read',
          requestId,
          events: events.length,
        });
        if (result.error === 'ECONNREFUSED') refused = true; // the listener is closed: stop
      }
      agent.destroy();
    }

    async function pollReadiness(): Promise<void> {
      const agent = new Agent({ keepAlive: false });
      while (!refused) {
        const result = await call(agent, `${api.baseUrl}/health/ready`);
        readiness.push({ at: result.startedAt, status: result.status ?? result.error ?? '?' });
        await sleep(50);
      }
    }

    const load = [...Array.from({ length: CLIENTS }, (_, i) => client(i)), pollReadiness()];
    await sleep(1000);
    sigtermAt = Date.now();
    api.proc.child.kill('SIGTERM');
    const code = await api.proc.exited;
    const exitMs = Date.now() - sigtermAt;
    refused = true;
    await Promise.all(load);

    // Which requests did the server see? It logs each one it served, with our request id.
    const served = new Set(
      [...api.proc.output().matchAll(/"id":"(load-\d+-\d+)"/g)].map((match) => match[1]),
    );
    const failed = sent.filter((r) => r.error !== undefined);
    const failedAccepted = failed.filter((r) => served.has(r.requestId));
    const byError = (list: Sent[]) =>
      list.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.error!]: (acc[r.error!] ?? 0) + 1 }),
        {},
      );
    const answered = sent.filter((r) => r.status !== undefined);
    const duringDrain = answered.filter((r) => r.startedAt > sigtermAt + 50);
    const acknowledged = answered
      .filter((r) => r.kind === 'ingest' && r.status === 200)
      .reduce((sum, r) => sum + r.events, 0);
    const eventsSent = sent.filter((r) => r.kind === 'ingest').reduce((s, r) => s + r.events, 0);
    const stored = await withClient(api.db.url, async (pg) => {
      const { rows } = await pg.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM machine_events WHERE event_id LIKE 'load-%'",
      );
      return rows[0]!.n;
    });
    const summary = {
      exitCode: code,
      exitMs,
      requests: sent.length,
      answered: answered.length,
      answeredDuringDrain: duringDrain.length,
      withoutConnectionClose: duringDrain.filter((r) => r.connection !== 'close').length,
      failed: byError(failed),
      failedAfterTheServerSawThem: byError(failedAccepted),
      failures: failed.map((r) => ({
        error: r.error,
        msAfterSigterm: r.startedAt - sigtermAt,
        onReusedConnection: r.reused,
      })),
      eventsSent,
      eventsAcknowledged: acknowledged,
      eventsStored: stored,
      readiness503: readiness.filter((r) => r.status === 503).length,
    };
    process.stdout.write(`SIGTERM under load: ${JSON.stringify(summary)}\n`);

    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(DELAY_MS + GRACE_MS);
    // Every request either was answered or never reached the server (the listener was closed).
    expect(failedAccepted).toEqual([]);
    expect(failed.every((r) => r.startedAt >= sigtermAt + DELAY_MS - 50)).toBe(true);
    expect(answered.every((r) => r.status === 200)).toBe(true);
    expect(duringDrain.length).toBeGreaterThan(CLIENTS);
    expect(duringDrain.filter((r) => r.connection !== 'close')).toEqual([]);
    // Readiness failed within a moment of the signal and stayed failed through the delay.
    const afterSignal = readiness.filter(
      (r) => r.at > sigtermAt + 100 && r.at < sigtermAt + DELAY_MS - 100,
    );
    // Samples spread over the delay (how many depends on how busy the machine is, so few).
    expect(afterSignal.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...afterSignal.map((r) => r.at))).toBeGreaterThan(sigtermAt + DELAY_MS / 2);
    expect(afterSignal.every((r) => r.status === 503)).toBe(true);
    // What was acknowledged is stored, and nothing that was not answered is half stored.
    expect(stored).toBeGreaterThanOrEqual(acknowledged);
    expect(stored).toBe(
      acknowledged +
        sent
          .filter((r) => r.kind === 'ingest' && r.status === undefined && served.has(r.requestId))
          .reduce((s, r) => s + r.events, 0),
    );
  });
});
