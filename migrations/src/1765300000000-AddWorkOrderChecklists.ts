import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A checklist per work order, reusing the checklist engine: the work order names a template
 * (answered at its current version, as a job's pre-start checklist) and whether completing needs
 * a passed run; a run belongs to a job or to a work order, never both. A failed item can open a
 * follow-up corrective work order, linked to the one it came from, once per item.
 */
export class AddWorkOrderChecklists1765300000000 implements MigrationInterface {
  name = 'AddWorkOrderChecklists1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE work_orders
        ADD COLUMN checklist_template_id uuid REFERENCES checklist_templates(id) ON DELETE RESTRICT,
        ADD COLUMN checklist_required boolean NOT NULL DEFAULT false,
        ADD COLUMN follow_up_of uuid REFERENCES work_orders(id) ON DELETE SET NULL,
        ADD COLUMN follow_up_item_id text,
        ADD CONSTRAINT work_orders_checklist_required_template
          CHECK (NOT checklist_required OR checklist_template_id IS NOT NULL),
        ADD CONSTRAINT work_orders_follow_up_item
          CHECK (follow_up_item_id IS NULL OR follow_up_of IS NOT NULL)`);
    // One follow-up per failed item: a second click answers 409, not a duplicate order.
    await queryRunner.query(
      `CREATE UNIQUE INDEX work_orders_follow_up_item_uq ON work_orders (follow_up_of, follow_up_item_id)
        WHERE follow_up_item_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX work_orders_follow_up_idx ON work_orders (follow_up_of) WHERE follow_up_of IS NOT NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE checklist_runs
        ADD COLUMN work_order_id uuid REFERENCES work_orders(id) ON DELETE CASCADE,
        ADD CONSTRAINT checklist_runs_one_subject CHECK (job_id IS NULL OR work_order_id IS NULL)`);
    await queryRunner.query(
      `CREATE INDEX checklist_runs_work_order_idx ON checklist_runs (work_order_id, completed_at DESC)
        WHERE work_order_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM checklist_runs WHERE work_order_id IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE checklist_runs
        DROP CONSTRAINT checklist_runs_one_subject,
        DROP COLUMN work_order_id`);
    await queryRunner.query(`
      ALTER TABLE work_orders
        DROP CONSTRAINT work_orders_follow_up_item,
        DROP CONSTRAINT work_orders_checklist_required_template,
        DROP COLUMN follow_up_item_id,
        DROP COLUMN follow_up_of,
        DROP COLUMN checklist_required,
        DROP COLUMN checklist_template_id`);
  }
}
