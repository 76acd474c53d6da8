import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An escalation policy may open a corrective work order from a maintenance call as it is raised:
 * `open_work_order_at` is the lowest call priority that does (`high` or `critical`; null, the
 * default, never). Existing policies keep null, so nothing changes until an engineer sets it.
 */
export class AddAndonPolicyWorkOrders1765400000000 implements MigrationInterface {
  name = 'AddAndonPolicyWorkOrders1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE andon_policies
        ADD COLUMN open_work_order_at text
          CONSTRAINT andon_policies_open_work_order_at_check
          CHECK (open_work_order_at IN ('high', 'critical'))
    `);
    // Only a policy that can govern maintenance calls (of that type, or of every type).
    await queryRunner.query(`
      ALTER TABLE andon_policies
        ADD CONSTRAINT andon_policies_work_order_type_check
          CHECK (open_work_order_at IS NULL OR type IS NULL OR type = 'maintenance')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE andon_policies DROP CONSTRAINT andon_policies_work_order_type_check`,
    );
    await queryRunner.query(`ALTER TABLE andon_policies DROP COLUMN open_work_order_at`);
  }
}
