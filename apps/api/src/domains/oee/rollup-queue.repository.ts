import { Injectable } from '@nestjs/common';
import { MAX_COUNT_INTERVAL_MS } from '@ms5/oee';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';

/** What the queue needs of a connection: a transaction's manager or the data source. */
export type Queryable = Pick<EntityManager, 'query'>;

/**
 * One worker's hold on a queued equipment. `token` is the claim's time stamp (in microseconds):
 * every heartbeat renews it, and a write that does not present the current one finds the claim
 * gone (it expired and another instance took it over) and changes nothing.
 */
export interface RollupClaim {
  equipmentId: string;
  since: Date;
  version: string;
  token: string;
}

/**
 * How a queueing meets a row already queued: the earliest time wins; while a worker holds the
 * claim, the new time waits in `pending_since` and the version bump tells the worker to go again.
 */
const REQUEUE_ON_CONFLICT = `ON CONFLICT (equipment_id) DO UPDATE
   SET since = CASE WHEN oee_rollup_queue.claimed_at IS NULL
                    THEN LEAST(oee_rollup_queue.since, EXCLUDED.since) ELSE oee_rollup_queue.since END,
       pending_since = CASE WHEN oee_rollup_queue.claimed_at IS NULL THEN NULL
                    ELSE LEAST(coalesce(oee_rollup_queue.pending_since, EXCLUDED.since), EXCLUDED.since) END,
       version = oee_rollup_queue.version + 1`;

/**
 * The time a new event at `<since>` makes stale: its own, or that of the equipment's previous count
 * event (at most MAX_COUNT_INTERVAL_MS before), since that count's parts are spread over the
 * time up to the next one. One backward step on the index (equipment_id, type, ts).
 */
const staleFrom = (equipment: string, since: string, maxIntervalMs: string) =>
  `LEAST(${since}, (SELECT max(m.ts) FROM machine_events m
                     WHERE m.equipment_id = ${equipment} AND m.type = 'count'
                       AND m.ts >= ${since} - make_interval(secs => ${maxIntervalMs}::float8 / 1000)
                       AND m.ts < ${since}))`;

/** The claim's time stamp as a whole number of microseconds: exact, unlike a JavaScript Date. */
const CLAIM_TOKEN = `(extract(epoch FROM claimed_at) * 1000000)::bigint`;

/** `oee_rollup_queue`: which machines' hourly roll-ups are stale, and from when. */
@Injectable()
export class RollupQueueRepository extends BaseRepository {
  /**
   * Marks each equipment's roll-ups stale from the given time (its earliest new event) on, or from
   * its previous count event when that is earlier (and at most a day earlier).
   */
  async queueFrom(db: Queryable, since: ReadonlyMap<string, Date>): Promise<void> {
    if (since.size === 0) return;
    await db.query(
      `INSERT INTO oee_rollup_queue (equipment_id, since)
       SELECT q.equipment_id, ${staleFrom('q.equipment_id', 'q.since', '$3')}
         FROM unnest($1::uuid[], $2::timestamptz[]) AS q(equipment_id, since)
       ${REQUEUE_ON_CONFLICT}`,
      [[...since.keys()], [...since.values()], MAX_COUNT_INTERVAL_MS],
    );
  }

  /**
   * Queues the roll-ups of a line's (or one equipment's) machines for recomputation after its
   * planned time changed: from `since` (or the previous count event before it), or — when the
   * shift calendar itself changed, which changes every past day — from each machine's first
   * event. Machines without events are skipped.
   */
  async queueRecompute(
    db: Queryable,
    scope: { lineId?: string | null; equipmentId?: string | null },
    since: Date | null,
  ): Promise<void> {
    await db.query(
      `INSERT INTO oee_rollup_queue (equipment_id, since)
       SELECT e.id, coalesce(${staleFrom('e.id', '$3::timestamptz', '$4')}, first.ts)
         FROM equipment e
         CROSS JOIN LATERAL (
           SELECT LEAST(
             (SELECT ts FROM machine_events WHERE equipment_id = e.id AND type = 'state' ORDER BY ts LIMIT 1),
             (SELECT ts FROM machine_events WHERE equipment_id = e.id AND type = 'count' ORDER BY ts LIMIT 1)) AS ts) first
        WHERE (e.line_id = $1::uuid OR e.id = $2::uuid) AND first.ts IS NOT NULL
       ${REQUEUE_ON_CONFLICT}`,
      [scope.lineId ?? null, scope.equipmentId ?? null, since, MAX_COUNT_INTERVAL_MS],
    );
  }

  /**
   * Claims up to `limit` equipment queued at least `quietMs` ago (so a burst of batches is worked
   * once). A claim is a mark, not a delete: the status still counts it. A claim whose holder has
   * not beaten its heart for `expiryMs` (it died) is taken over, and what was queued while it
   * held the claim is worked too.
   */
  async claimQueued(limit: number, quietMs: number, expiryMs: number): Promise<RollupClaim[]> {
    const rows = await this.dataSource.query<
      Array<{ equipment_id: string; since: Date; version: string; token: string }>
    >(
      `WITH picked AS (
         SELECT equipment_id FROM oee_rollup_queue
          WHERE queued_at <= now() - make_interval(secs => $2::float8 / 1000)
            AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => $3::float8 / 1000))
          ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE oee_rollup_queue q
            SET claimed_at = clock_timestamp(),
                since = LEAST(q.since, coalesce(q.pending_since, q.since)), pending_since = NULL
           FROM picked WHERE q.equipment_id = picked.equipment_id
         RETURNING q.equipment_id, q.since, q.version::text AS version, ${CLAIM_TOKEN}::text AS token)
       SELECT equipment_id, since, version, token FROM claimed`,
      [limit, quietMs, expiryMs],
    );
    return rows.map((row) => ({
      equipmentId: row.equipment_id,
      since: row.since,
      version: row.version,
      token: row.token,
    }));
  }

  /**
   * In the transaction of a finished chunk (its last statement, so that ingestion waits on this
   * row only for the commit): the hours before `doneUntil` are up to date, and the claim is alive.
   * A restart resumes from there; a requeue that came meanwhile stays in `pending_since`. Returns
   * the renewed claim, or `null` when the claim is no longer this worker's.
   */
  async recordProgress(
    db: Queryable,
    claim: RollupClaim,
    doneUntil: Date,
  ): Promise<RollupClaim | null> {
    const rows = await db.query<Array<{ token: string }>>(
      // (A plain UPDATE … RETURNING would come back from TypeORM as [rows, count]: hence the CTE.)
      `WITH renewed AS (
         UPDATE oee_rollup_queue SET since = GREATEST(since, $3), claimed_at = clock_timestamp()
          WHERE equipment_id = $1 AND ${CLAIM_TOKEN} = $2::bigint
         RETURNING ${CLAIM_TOKEN}::text AS token)
       SELECT token FROM renewed`,
      [claim.equipmentId, claim.token, doneUntil],
    );
    const token = rows[0]?.token;
    return token === undefined ? null : { ...claim, token };
  }

  /** Done: the row goes, unless more events were queued meanwhile (then it is worked again). */
  async finishClaim(claim: RollupClaim): Promise<void> {
    await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM oee_rollup_queue
          WHERE equipment_id = $1 AND version = $2::bigint AND ${CLAIM_TOKEN} = $3::bigint
         RETURNING 1)
       UPDATE oee_rollup_queue
          SET claimed_at = NULL, since = coalesce(pending_since, since), pending_since = NULL, queued_at = now()
        WHERE equipment_id = $1 AND ${CLAIM_TOKEN} = $3::bigint AND NOT EXISTS (SELECT 1 FROM gone)`,
      [claim.equipmentId, claim.version, claim.token],
    );
  }

  /**
   * Stopped before the end (shutdown) or failed: the claim is released for another try, from the
   * progress recorded so far or from an earlier requeue.
   */
  async releaseClaim(claim: RollupClaim): Promise<void> {
    await this.dataSource.query(
      `UPDATE oee_rollup_queue
          SET claimed_at = NULL, since = LEAST(since, coalesce(pending_since, since)), pending_since = NULL
        WHERE equipment_id = $1 AND ${CLAIM_TOKEN} = $2::bigint`,
      [claim.equipmentId, claim.token],
    );
  }

  /**
   * One recomputation of an equipment at a time across all instances (held until the transaction
   * ends); reads made after taking it see every event committed before it.
   */
  async lockEquipment(db: Queryable, equipmentId: string): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('oee-rollup:' || $1))`, [equipmentId]);
  }
}
