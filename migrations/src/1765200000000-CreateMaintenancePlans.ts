import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Preventive maintenance plans and their triggers (calendar, runtime, parts; one of each kind at
 * most). Work orders get the plan's foreign key and an occurrence number, unique per plan, so
 * that exactly one work order exists per due occurrence whatever the number of schedulers.
 *
 * The runtime meter counts `running` time whether or not a shift is planned, which the hourly
 * roll-ups did not keep (`run_seconds` is running inside planned busy time): they gain
 * `machine_run_seconds`, and every machine with events is queued for recomputation.
 */
export class CreateMaintenancePlans1765200000000 implements MigrationInterface {
  name = 'CreateMaintenancePlans1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE maintenance_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        equipment_id uuid NOT NULL REFERENCES equipment(id) ON DELETE RESTRICT,
        -- The equipment's line when the plan was made: line limits and lists, as work orders.
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE RESTRICT,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        priority text NOT NULL DEFAULT 'medium' CHECK (priority IN ('low','medium','high','critical')),
        start_at timestamptz NOT NULL,
        floating boolean NOT NULL DEFAULT false,
        lead_time_hours double precision NOT NULL DEFAULT 0
          CHECK (lead_time_hours >= 0 AND lead_time_hours <= 8784),
        active boolean NOT NULL DEFAULT true,
        -- The scheduler's state: the last occurrence given a work order, and its due time.
        last_occurrence integer NOT NULL DEFAULT 0 CHECK (last_occurrence >= 0),
        last_due_at timestamptz,
        -- Where the meters last counted from, and the meters' reading in that origin's hour before
        -- it (taken off the hour's roll-up, which covers the whole hour).
        meter_origin_at timestamptz NOT NULL,
        origin_offset_run_seconds double precision NOT NULL DEFAULT 0,
        origin_offset_parts double precision NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL,
        CONSTRAINT maintenance_plans_due_stamped CHECK ((last_occurrence = 0) = (last_due_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX maintenance_plans_equipment_idx ON maintenance_plans (equipment_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX maintenance_plans_line_idx ON maintenance_plans (line_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX maintenance_plans_active_idx ON maintenance_plans (id) WHERE active`,
    );

    await queryRunner.query(`
      CREATE TABLE maintenance_plan_triggers (
        plan_id uuid NOT NULL REFERENCES maintenance_plans(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('calendar','runtime','parts')),
        every integer CHECK (every BETWEEN 1 AND 1000),
        unit text CHECK (unit IN ('day','week','month')),
        every_hours double precision CHECK (every_hours > 0 AND every_hours <= 100000),
        every_parts bigint CHECK (every_parts >= 1),
        PRIMARY KEY (plan_id, kind),
        CONSTRAINT maintenance_plan_triggers_shape CHECK (
          CASE kind
            WHEN 'calendar' THEN every IS NOT NULL AND unit IS NOT NULL AND every_hours IS NULL AND every_parts IS NULL
            WHEN 'runtime' THEN every_hours IS NOT NULL AND every IS NULL AND unit IS NULL AND every_parts IS NULL
            ELSE every_parts IS NOT NULL AND every IS NULL AND unit IS NULL AND every_hours IS NULL
          END)
      )`);

    await queryRunner.query(`ALTER TABLE work_orders ADD COLUMN plan_occurrence integer`);
    // Nothing wrote plan_id before plans existed; a value naming no plan would fail the key.
    await queryRunner.query(
      `UPDATE work_orders SET plan_id = NULL
        WHERE plan_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM maintenance_plans p WHERE p.id = work_orders.plan_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE work_orders
         ADD CONSTRAINT work_orders_plan_fk
           FOREIGN KEY (plan_id) REFERENCES maintenance_plans(id) ON DELETE RESTRICT,
         ADD CONSTRAINT work_orders_plan_occurrence_pair
           CHECK ((plan_occurrence IS NULL) OR (plan_id IS NOT NULL AND plan_occurrence >= 1)),
         ADD CONSTRAINT work_orders_plan_occurrence_uq UNIQUE (plan_id, plan_occurrence)`,
    );

    await queryRunner.query(
      `ALTER TABLE oee_hourly ADD COLUMN machine_run_seconds double precision NOT NULL DEFAULT 0`,
    );
    // Each machine's hours are recomputed from its first event (as 1764800000000 does).
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
    await queryRunner.query(`ALTER TABLE oee_hourly DROP COLUMN machine_run_seconds`);
    await queryRunner.query(
      `ALTER TABLE work_orders
         DROP CONSTRAINT work_orders_plan_occurrence_uq,
         DROP CONSTRAINT work_orders_plan_occurrence_pair,
         DROP CONSTRAINT work_orders_plan_fk,
         DROP COLUMN plan_occurrence`,
    );
    await queryRunner.query(`DROP TABLE maintenance_plan_triggers`);
    await queryRunner.query(`DROP TABLE maintenance_plans`);
  }
}
