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

const BATCHES = 60;
const BATCH_SIZE = 100;
const KILL_AFTER_BATCH = 15;
const CLAIM_EXPIRY_MS = 5000;
/** A batch the gateway sends twice, as when its acknowledgement got lost on the way. */
const RESENT_BATCH = 5;

/**
 * kill -9 of the API while a gateway posts numbered batches and the roll-up worker holds a claim:
 * the gateway retries what was not acknowledged once the API is back; every event is stored once,
 * none is lost, and the restarted API takes the dead process's claim over.
 */
describe('the API killed mid-ingestion', () => {
  let api: FaultApi;
  let equipment: string[];
  let db: pg.Client;

  beforeAll(async () => {
    api = await startFaultApi({
      ROLLUP_CLAIM_EXPIRY_MS: String(CLAIM_EXPIRY_MS),
      SHUTDOWN_DELAY_MS: '0',
      LOG_LEVEL: 'warn',
    });
    equipment = await createPlant(api, 2);
    db = new pg.Client({ connectionString: api.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    if (api.proc.child.exitCode === null) {
      api.proc.child.kill('SIGTERM');
      await api.proc.exited;
    }
    await api.db.drop();
  });

  /** Twenty days of dense history on the second machine: the worker claims it for a while. */
  async function queueBacklog(equipmentId: string): Promise<void> {
    const start = new Date(Date.now() - 30 * 86_400_000);
    await db.query(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, state)
       SELECT 'hist-s-' || g, $1, $2::timestamptz + make_interval(secs => g * 120), 'state',
              CASE WHEN g % 4 = 0 THEN 'stopped' ELSE 'running' END
         FROM generate_series(0, 20 * 720) g`,
      [equipmentId, start],
    );
    await db.query(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, good, reject)
       SELECT 'hist-c-' || g, $1, $2::timestamptz + make_interval(secs => g * 10), 'count', 5, 0
         FROM generate_series(1, 20 * 8640) g`,
      [equipmentId, start],
    );
    await db.query('INSERT INTO oee_rollup_queue (equipment_id, since) VALUES ($1, $2)', [
      equipmentId,
      start,
    ]);
  }

  const claimOf = async (equipmentId: string): Promise<string | null> => {
    const { rows } = await db.query<{ claimed: string | null }>(
      'SELECT claimed_at::text AS claimed FROM oee_rollup_queue WHERE equipment_id = $1',
      [equipmentId],
    );
    return rows.length === 0 ? 'finished' : (rows[0]!.claimed ?? null);
  };

  it('loses nothing, stores nothing twice, and takes the dead claim over', async () => {
    const [press, backlogMachine] = equipment as [string, string];
    await queueBacklog(backlogMachine);
    // The worker (every 2 s) claims the backlog before the gateway starts.
    const deadline = Date.now() + 15_000;
    while ((await claimOf(backlogMachine)) === null && Date.now() < deadline) await sleep(100);
    expect(await claimOf(backlogMachine)).not.toBeNull();

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const failures: Record<string, number> = {};
    let sent = 0;
    let acknowledged = 0;
    let duplicates = 0;
    let retries = 0;
    let resent = 0;
    let killedClaim: string | null = null;
    let restartedAt = 0;
    let restarting: Promise<void> | undefined;
    const base = Date.now() - 3_600_000;

    for (let b = 0; b < BATCHES; b++) {
      const events = Array.from({ length: BATCH_SIZE }, (_, i) => ({
        eventId: `gw-${b}-${i}`,
        equipmentId: press,
        ts: new Date(base + (b * BATCH_SIZE + i) * 100).toISOString(),
        type: 'count',
        good: 1,
        reject: 0,
      }));
      sent += events.length;
      if (b === KILL_AFTER_BATCH) {
        // kill -9 with this batch in flight (or about to be): no drain, no goodbye.
        const posting = call(agent, `${api.baseUrl}/api/ingest/events`, {
          method: 'POST',
          token: api.token,
          body: { events },
        });
        await sleep(5);
        api.proc.child.kill('SIGKILL');
        await api.proc.exited;
        killedClaim = await claimOf(backlogMachine); // final: its holder is dead
        const result = await posting;
        if (result.status === 200) {
          // It made it before the kill: acknowledged, nothing to retry.
          const body = JSON.parse(result.body!) as { accepted: number; duplicates: number };
          acknowledged += body.accepted + body.duplicates;
          restarting = api.restart().then(() => void (restartedAt = Date.now()));
          continue;
        }
        failures[result.error ?? String(result.status)] =
          (failures[result.error ?? String(result.status)] ?? 0) + 1;
        restarting = api.restart().then(() => void (restartedAt = Date.now()));
        retries++;
      }
      // The gateway: post, and on anything but an answer, wait a little and post the same again.
      for (;;) {
        const result = await call(agent, `${api.baseUrl}/api/ingest/events`, {
          method: 'POST',
          token: api.token,
          body: { events },
        });
        if (result.status === 200) {
          const body = JSON.parse(result.body!) as { accepted: number; duplicates: number };
          acknowledged += body.accepted + body.duplicates;
          duplicates += body.duplicates;
          if (b === RESENT_BATCH && resent === 0) {
            resent = events.length;
            continue;
          }
          break;
        }
        const how = result.error ?? String(result.status);
        failures[how] = (failures[how] ?? 0) + 1;
        retries++;
        await sleep(200);
      }
    }
    await restarting;

    // The restarted API takes the killed one's claim over once it expired.
    const takeoverDeadline = Date.now() + 60_000;
    let takenOver: string | null = killedClaim;
    while (Date.now() < takeoverDeadline) {
      takenOver = await claimOf(backlogMachine);
      if (takenOver !== null && takenOver !== killedClaim) break;
      await sleep(200);
    }
    const takeoverMs = Date.now() - restartedAt;

    const { rows } = await db.query<{ n: number; distinct_ids: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct_ids
         FROM machine_events WHERE event_id LIKE 'gw-%'`,
    );
    const stored = rows[0]!;
    const summary = {
      eventsSent: sent,
      eventsAcknowledged: acknowledged,
      eventsStored: stored.n,
      eventsLost: sent - stored.distinct_ids,
      eventsStoredTwice: stored.n - stored.distinct_ids,
      eventsResent: resent,
      eventsAnsweredAsDuplicates: duplicates,
      failedRequests: failures,
      retries,
      claimHeldByKilledProcess: killedClaim,
      claimAfterRestart: takenOver,
      takeoverMsAfterRestartReady: takeoverMs,
    };
    process.stdout.write(`API killed mid-ingestion: ${JSON.stringify(summary)}\n`);

    expect(killedClaim).not.toBeNull();
    expect(killedClaim).not.toBe('finished');
    expect(takenOver).not.toBe(killedClaim);
    expect(takeoverMs).toBeLessThan(60_000);
    expect(stored.n).toBe(sent);
    expect(stored.distinct_ids).toBe(sent);
    expect(acknowledged).toBe(sent + resent);
    expect(duplicates).toBeGreaterThanOrEqual(resent);
    agent.destroy();
  });
});
