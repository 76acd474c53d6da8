import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the queue needs of a connection: a transaction's manager or the data source. */
export type Queryable = Pick<EntityManager, 'query'>;

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

/** `oee_rollup_queue`: which machines' hourly roll-ups are stale, and from when. */
@Injectable()
export class RollupQueueRepository {
  /** Marks each equipment's roll-ups stale from the given time (its earliest new event) on. */
  async queueFrom(db: Queryable, since: ReadonlyMap<string, Date>): Promise<void> {
    if (since.size === 0) return;
    await db.query(
      `INSERT INTO oee_rollup_queue (equipment_id, since)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[])
       ${REQUEUE_ON_CONFLICT}`,
      [[...since.keys()], [...since.values()]],
    );
  }

  /**
   * Queues the roll-ups of a line's (or one equipment's) machines for recomputation after its
   * planned time changed: from `since`, or — when the shift calendar itself changed, which changes
   * every past day — from each machine's first event. Machines without events are skipped.
   */
  async queueRecompute(
    db: Queryable,
    scope: { lineId?: string | null; equipmentId?: string | null },
    since: Date | null,
  ): Promise<void> {
    await db.query(
      `INSERT INTO oee_rollup_queue (equipment_id, since)
       SELECT e.id, coalesce($3::timestamptz, first.ts)
         FROM equipment e
         CROSS JOIN LATERAL (
           SELECT LEAST(
             (SELECT ts FROM machine_events WHERE equipment_id = e.id AND type = 'state' ORDER BY ts LIMIT 1),
             (SELECT ts FROM machine_events WHERE equipment_id = e.id AND type = 'count' ORDER BY ts LIMIT 1)) AS ts) first
        WHERE (e.line_id = $1::uuid OR e.id = $2::uuid) AND first.ts IS NOT NULL
       ${REQUEUE_ON_CONFLICT}`,
      [scope.lineId ?? null, scope.equipmentId ?? null, since],
    );
  }
}
