import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs of the line simulator. At most one run is active (running or paused) at a time, enforced
 * by a partial unique index, so that several API replicas agree on the status.
 */
export class CreateSimulatorRuns1764400000000 implements MigrationInterface {
  name = 'CreateSimulatorRuns1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE simulator_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seed bigint NOT NULL CHECK (seed >= 0 AND seed <= 4294967295),
        speed double precision NOT NULL CHECK (speed > 0),
        line_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('running', 'paused', 'stopped')),
        started_at timestamptz NOT NULL DEFAULT now(),
        stopped_at timestamptz,
        started_by uuid REFERENCES users(id) ON DELETE SET NULL,
        events_sent bigint NOT NULL DEFAULT 0,
        andon_calls integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX simulator_runs_one_active ON simulator_runs ((true)) WHERE status <> 'stopped'`,
    );
    await queryRunner.query(
      `CREATE INDEX simulator_runs_started_at ON simulator_runs (started_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE simulator_runs`);
  }
}
