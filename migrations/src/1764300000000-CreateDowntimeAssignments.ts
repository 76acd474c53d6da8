import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reason an operator gave (or corrected) for a stop. A stop is identified by its equipment
 * and the time its stopped/idle stretch began; the history of changes is in the audit log.
 */
export class CreateDowntimeAssignments1764300000000 implements MigrationInterface {
  name = 'CreateDowntimeAssignments1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE downtime_assignments (
        equipment_id uuid NOT NULL REFERENCES equipment(id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL,
        reason_code text NOT NULL REFERENCES downtime_reasons(code) ON UPDATE CASCADE ON DELETE RESTRICT,
        comment text,
        assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (equipment_id, started_at)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE downtime_assignments`);
  }
}
