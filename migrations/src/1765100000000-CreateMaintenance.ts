import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintenance work orders: the order itself (numbered per year from a counter row, so numbers
 * never repeat and have no gaps from rolled-back sequences), its assignees, every lifecycle step,
 * labour and parts. The andon call's `work_order_id` hook gets its foreign key.
 */
export class CreateMaintenance1765100000000 implements MigrationInterface {
  name = 'CreateMaintenance1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per year; the next number is taken with an UPSERT … RETURNING, which locks the
    // year's row until the creating transaction ends.
    await queryRunner.query(`
      CREATE TABLE work_order_numbers (
        year integer PRIMARY KEY CHECK (year BETWEEN 1970 AND 9999),
        last_value integer NOT NULL CHECK (last_value > 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE work_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL CHECK (number ~ '^WO-[0-9]{4}-[0-9]{5,}$'),
        type text NOT NULL CHECK (type IN ('corrective','preventive','inspection')),
        priority text NOT NULL CHECK (priority IN ('low','medium','high','critical')),
        priority_rank smallint GENERATED ALWAYS AS (
          CASE priority WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END
        ) STORED,
        status text NOT NULL DEFAULT 'open'
          CHECK (status IN ('open','assigned','in_progress','on_hold','completed','cancelled')),
        equipment_id uuid NOT NULL REFERENCES equipment(id) ON DELETE RESTRICT,
        -- The equipment's line when the order was opened: kept for line limits and lists.
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE RESTRICT,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        due_at timestamptz,
        failure_reason_id uuid REFERENCES downtime_reasons(id) ON DELETE RESTRICT,
        cause text,
        remedy text,
        hold_reason text,
        cancel_reason text,
        andon_call_id uuid REFERENCES andon_calls(id) ON DELETE SET NULL,
        -- The state event that began the stop this order was opened from.
        downtime_event_id bigint REFERENCES machine_events(id) ON DELETE SET NULL,
        -- The preventive plan that created it; its foreign key comes with the plans.
        plan_id uuid,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        assigned_at timestamptz,
        assigned_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        started_at timestamptz,
        started_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        cancelled_at timestamptz,
        cancelled_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL,
        CONSTRAINT work_orders_number_uq UNIQUE (number),
        CONSTRAINT work_orders_assigned_stamped CHECK (status <> 'assigned' OR assigned_at IS NOT NULL),
        CONSTRAINT work_orders_started_stamped CHECK (
          status NOT IN ('in_progress','on_hold','completed') OR started_at IS NOT NULL),
        CONSTRAINT work_orders_completed_stamped CHECK (
          (status = 'completed') = (completed_at IS NOT NULL)),
        CONSTRAINT work_orders_cancelled_stamped CHECK (
          (status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
        CONSTRAINT work_orders_hold_reason CHECK ((status = 'on_hold') = (hold_reason IS NOT NULL))
      )`);
    // One work order per andon call: a second "turn into a work order" is caught here.
    await queryRunner.query(
      `CREATE UNIQUE INDEX work_orders_andon_call_uq ON work_orders (andon_call_id) WHERE andon_call_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX work_orders_line_status_idx ON work_orders (line_id, status)`,
    );
    await queryRunner.query(
      `CREATE INDEX work_orders_equipment_idx ON work_orders (equipment_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX work_orders_open_urgency_idx ON work_orders (priority_rank DESC, due_at, number)
         WHERE status NOT IN ('completed','cancelled')`,
    );
    await queryRunner.query(
      `CREATE INDEX work_orders_plan_idx ON work_orders (plan_id) WHERE plan_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX work_orders_downtime_event_idx ON work_orders (downtime_event_id) WHERE downtime_event_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE work_order_assignees (
        work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        assigned_at timestamptz NOT NULL,
        assigned_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        PRIMARY KEY (work_order_id, user_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX work_order_assignees_user_idx ON work_order_assignees (user_id, work_order_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE work_order_status_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
        action text NOT NULL
          CHECK (action IN ('create','assign','start','hold','resume','complete','cancel')),
        from_status text
          CHECK (from_status IN ('open','assigned','in_progress','on_hold','completed','cancelled')),
        to_status text NOT NULL
          CHECK (to_status IN ('open','assigned','in_progress','on_hold','completed','cancelled')),
        at timestamptz NOT NULL,
        by_user uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        reason text,
        CHECK ((action = 'create') = (from_status IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX work_order_status_history_order_idx ON work_order_status_history (work_order_id, at, id)`,
    );

    await queryRunner.query(`
      CREATE TABLE work_order_labour (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        started_at timestamptz NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX work_order_labour_order_idx ON work_order_labour (work_order_id, user_id, started_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE work_order_parts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
        part_number text NOT NULL CHECK (length(part_number) BETWEEN 1 AND 100),
        description text,
        quantity numeric(12, 3) NOT NULL CHECK (quantity > 0),
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX work_order_parts_order_idx ON work_order_parts (work_order_id, recorded_at)`,
    );

    // Nothing wrote the hook before this migration; a value naming no work order would fail the key.
    await queryRunner.query(
      `UPDATE andon_calls SET work_order_id = NULL
        WHERE work_order_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.id = andon_calls.work_order_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE andon_calls
         ADD CONSTRAINT andon_calls_work_order_fk
         FOREIGN KEY (work_order_id) REFERENCES work_orders(id) ON DELETE SET NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE andon_calls DROP CONSTRAINT andon_calls_work_order_fk`);
    for (const table of [
      'work_order_parts',
      'work_order_labour',
      'work_order_status_history',
      'work_order_assignees',
      'work_orders',
      'work_order_numbers',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
