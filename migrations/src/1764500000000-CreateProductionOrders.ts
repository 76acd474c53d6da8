import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Production orders per line with their planned window and lifecycle, and the operators'
 * job assignments on them. Two orders of one line that are not cancelled cannot overlap in time,
 * and a line runs at most one order at once.
 */
export class CreateProductionOrders1764500000000 implements MigrationInterface {
  name = 'CreateProductionOrders1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE production_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE RESTRICT,
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
        quantity integer NOT NULL CHECK (quantity > 0),
        planned_start timestamptz NOT NULL,
        planned_end timestamptz NOT NULL,
        reference text,
        status text NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned','released','running','completed','cancelled')),
        actual_start timestamptz,
        actual_end timestamptz,
        cancel_reason text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (planned_end > planned_start),
        CHECK (status NOT IN ('running','completed') OR actual_start IS NOT NULL),
        CHECK (status <> 'completed' OR actual_end IS NOT NULL),
        CONSTRAINT production_orders_no_overlap EXCLUDE USING gist (
          line_id WITH =, tstzrange(planned_start, planned_end) WITH &&
        ) WHERE (status <> 'cancelled')
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX production_orders_one_running_idx ON production_orders (line_id) WHERE status = 'running'`,
    );
    await queryRunner.query(
      `CREATE INDEX production_orders_line_start_idx ON production_orders (line_id, planned_start)`,
    );
    await queryRunner.query(
      `CREATE INDEX production_orders_line_actual_idx ON production_orders (line_id, actual_start) WHERE actual_start IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE job_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES production_orders(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        shift_date date,
        note text,
        status text NOT NULL DEFAULT 'assigned'
          CHECK (status IN ('assigned','accepted','started','completed')),
        assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        started_at timestamptz,
        completed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX job_assignments_operator_idx ON job_assignments (operator_id, assigned_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX job_assignments_order_idx ON job_assignments (order_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE job_assignments`);
    await queryRunner.query(`DROP TABLE production_orders`);
  }
}
