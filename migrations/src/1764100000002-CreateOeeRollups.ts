import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hourly OEE roll-ups per equipment (the ISO 22400 times and the counts of each hour), and the
 * queue of equipment whose roll-ups must be recomputed from a given time on (late events included).
 */
export class CreateOeeRollups1764100000002 implements MigrationInterface {
  name = 'CreateOeeRollups1764100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE oee_hourly (
        equipment_id uuid NOT NULL REFERENCES equipment(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        calendar_seconds double precision NOT NULL DEFAULT 0,
        planned_operation_seconds double precision NOT NULL DEFAULT 0,
        planned_downtime_seconds double precision NOT NULL DEFAULT 0,
        run_seconds double precision NOT NULL DEFAULT 0,
        setup_seconds double precision NOT NULL DEFAULT 0,
        down_seconds double precision NOT NULL DEFAULT 0,
        minor_stop_seconds double precision NOT NULL DEFAULT 0,
        unknown_seconds double precision NOT NULL DEFAULT 0,
        good bigint NOT NULL DEFAULT 0,
        reject bigint NOT NULL DEFAULT 0,
        rework bigint NOT NULL DEFAULT 0,
        ideal_seconds double precision NOT NULL DEFAULT 0,
        failures integer NOT NULL DEFAULT 0,
        failure_seconds double precision NOT NULL DEFAULT 0,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (equipment_id, hour)
      )`);
    await queryRunner.query(`CREATE INDEX oee_hourly_hour_idx ON oee_hourly (hour)`);
    await queryRunner.query(`
      CREATE TABLE oee_rollup_queue (
        equipment_id uuid PRIMARY KEY REFERENCES equipment(id) ON DELETE CASCADE,
        since timestamptz NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now(),
        -- bumped by every new queueing, so a worker that finishes knows whether more came meanwhile
        version bigint NOT NULL DEFAULT 1,
        claimed_at timestamptz,
        -- events queued while a worker holds the claim: worked next, from here
        pending_since timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE oee_rollup_queue`);
    await queryRunner.query(`DROP TABLE oee_hourly`);
  }
}
