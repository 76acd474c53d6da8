import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The line's output equipment (whose good count is the line's output on the hour-by-hour board),
 * pre-start checklist templates and their kept results, and shift handovers.
 */
export class CreateChecklistsAndHandovers1764600000000 implements MigrationInterface {
  name = 'CreateChecklistsAndHandovers1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE lines ADD COLUMN output_equipment_id uuid REFERENCES equipment(id) ON DELETE SET NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE checklist_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        line_id uuid REFERENCES lines(id) ON DELETE CASCADE,
        product_id uuid REFERENCES products(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        active boolean NOT NULL DEFAULT true,
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (line_id IS NOT NULL OR product_id IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX checklist_templates_line_idx ON checklist_templates (line_id) WHERE active`,
    );
    await queryRunner.query(
      `CREATE INDEX checklist_templates_product_idx ON checklist_templates (product_id) WHERE active`,
    );

    await queryRunner.query(`
      CREATE TABLE checklist_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES checklist_templates(id) ON DELETE RESTRICT,
        template_version integer NOT NULL,
        template_name text NOT NULL,
        job_id uuid REFERENCES job_assignments(id) ON DELETE SET NULL,
        order_id uuid REFERENCES production_orders(id) ON DELETE SET NULL,
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
        items jsonb NOT NULL,
        answers jsonb NOT NULL,
        passed boolean NOT NULL,
        blocking boolean NOT NULL,
        failed_item_ids text[] NOT NULL DEFAULT '{}',
        note text,
        andon_call_id uuid REFERENCES andon_calls(id) ON DELETE SET NULL,
        completed_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        completed_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT (passed AND blocking))
      )`);
    await queryRunner.query(
      `CREATE INDEX checklist_runs_job_idx ON checklist_runs (job_id, template_id, completed_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX checklist_runs_line_idx ON checklist_runs (line_id, completed_at DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE shift_handovers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
        shift_id uuid REFERENCES shifts(id) ON DELETE SET NULL,
        shift_name text NOT NULL,
        timezone text NOT NULL,
        shift_date date NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        summary jsonb NOT NULL,
        notes text NOT NULL DEFAULT '',
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        acknowledged_at timestamptz,
        acknowledge_note text,
        CHECK (period_end > period_start),
        CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)),
        CHECK (acknowledged_by IS NULL OR acknowledged_by <> created_by)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX shift_handovers_occurrence_idx ON shift_handovers (line_id, shift_id, shift_date) WHERE shift_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX shift_handovers_line_period_idx ON shift_handovers (line_id, period_start DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE shift_handovers`);
    await queryRunner.query(`DROP TABLE checklist_runs`);
    await queryRunner.query(`DROP TABLE checklist_templates`);
    await queryRunner.query(`ALTER TABLE lines DROP COLUMN output_equipment_id`);
  }
}
