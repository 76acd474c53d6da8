import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  type FaultApi,
  call,
  createPlant,
  sleep,
  startFaultApi,
} from '../support/fault-harness.js';

const DELAY_MS = 500;
const GRACE_MS = 2500;

/** Waits until a backend of the API waits on a lock of the given kind (`advisory`, `relation`). */
async function waitForLockWait(admin: pg.Client, kind: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await admin.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE application_name = 'ms5-api' AND wait_event_type = 'Lock' AND wait_event = $1`,
      [kind],
    );
    if (rows.length > 0) return;
    await sleep(100);
  }
  throw new Error(`no API backend waits on a ${kind} lock`);
}

/**
 * A roll-up chunk stuck on a lock and a request stuck on another: SIGTERM still ends the process
 * within delay + grace (a watchdog forces the exit), and the log says what was still open.
 */
describe('shutdown with stuck work', () => {
  let api: FaultApi;
  let equipment: string[];
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    api = await startFaultApi({
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      DB_STATEMENT_TIMEOUT_MS: '0', // stuck means stuck: no statement timeout rescues it
      LOG_LEVEL: 'warn',
    });
    equipment = await createPlant(api, 1);
  });
  afterAll(async () => {
    if (api.proc.child.exitCode === null) api.proc.child.kill('SIGKILL');
    for (const client of clients) await client.end().catch(() => undefined);
    await api.db.drop();
  });

  const connect = async () => {
    const client = new pg.Client({ connectionString: api.db.url });
    await client.connect();
    clients.push(client);
    return client;
  };

  it('exits within delay + grace, naming what it cut', async () => {
    const [press] = equipment as [string];
    const agent = new Agent({ keepAlive: true });
    const ingest = (eventId: string) =>
      call(agent, `${api.baseUrl}/api/ingest/events`, {
        method: 'POST',
        token: api.token,
        body: {
          events: [
            {
              eventId,
              equipmentId: press,
              ts: new Date().toISOString(),
              type: 'state',
              state: 'running',
            },
          ],
        },
      });

    // The worker's next chunk of the press waits on the per-equipment lock, held here.
    const worker = await connect();
    await worker.query(`SELECT pg_advisory_lock(hashtext('oee-rollup:' || $1))`, [press]);
    expect((await ingest('w-1')).status).toBe(200);
    const observer = await connect();
    await waitForLockWait(observer, 'advisory');

    // And a request waits on the events table, locked here.
    const table = await connect();
    await table.query('BEGIN');
    await table.query('LOCK TABLE machine_events IN EXCLUSIVE MODE');
    const stuck = ingest('w-2');
    await waitForLockWait(observer, 'relation');

    const sigtermAt = Date.now();
    api.proc.child.kill('SIGTERM');
    const code = await api.proc.exited;
    const exitMs = Date.now() - sigtermAt;
    const cut = await stuck;
    process.stdout.write(
      `Stuck shutdown: ${JSON.stringify({ exitCode: code, exitMs, stuckRequest: cut.error ?? cut.status })}\n`,
    );

    expect(exitMs).toBeGreaterThanOrEqual(DELAY_MS + GRACE_MS - 100);
    expect(exitMs).toBeLessThan(DELAY_MS + GRACE_MS + 1000);
    expect(code).toBe(1);
    const output = api.proc.output();
    expect(output).toContain('requests still in flight: cut');
    expect(output).toContain('POST /api/ingest/events');
    expect(output).toContain('forced exit');
    expect(output).toContain(`OEE roll-up of equipment ${press}`);
    agent.destroy();
  });
});
