import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Count events now count where their parts were made (spread over the running time since the
 * previous count) instead of at their report's instant, and parts made outside planned busy time
 * are kept and counted apart. Every stored roll-up was computed by the old rule, so each machine
 * with events is queued for recomputation from its first event; the old hours stay readable until
 * the worker replaces them.
 */
export class AttributeCountsByRunningTime1764800000000 implements MigrationInterface {
  name = 'AttributeCountsByRunningTime1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE oee_hourly ADD COLUMN outside_planned_parts bigint NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`
      INSERT INTO oee_rollup_queue (equipment_id, since)
      SELECT e.id, first.ts
        FROM equipment e
        CROSS JOIN LATERAL (
          SELECT LEAST(
            (SELECT ts FROM machine_events WHERE equipment_id = e.id AND type = 'state' ORDER BY ts LIMIT 1),
            (SELECT ts FROM machine_events WHERE equipment_id = e.id AND type = 'count' ORDER BY ts LIMIT 1)) AS ts) first
       WHERE first.ts IS NOT NULL
      ON CONFLICT (equipment_id) DO UPDATE
        SET since = CASE WHEN oee_rollup_queue.claimed_at IS NULL
                         THEN LEAST(oee_rollup_queue.since, EXCLUDED.since) ELSE oee_rollup_queue.since END,
            pending_since = CASE WHEN oee_rollup_queue.claimed_at IS NULL THEN NULL
                         ELSE LEAST(coalesce(oee_rollup_queue.pending_since, EXCLUDED.since), EXCLUDED.since) END,
            version = oee_rollup_queue.version + 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE oee_hourly DROP COLUMN outside_planned_parts`);
  }
}
