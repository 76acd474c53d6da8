import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Andon calls with their escalation policies and schedule, the lines each user may see, and the
 * transactional outbox the realtime gateway publishes from after commit.
 */
export class CreateAndon1764200000000 implements MigrationInterface {
  name = 'CreateAndon1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A user with rows here sees only these lines; a user with none sees every line.
    await queryRunner.query(`
      CREATE TABLE user_lines (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, line_id)
      )`);
    await queryRunner.query(`CREATE INDEX user_lines_line_idx ON user_lines (line_id)`);

    await queryRunner.query(`
      CREATE TABLE andon_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        priority text NOT NULL CHECK (priority IN ('low','medium','high','critical')),
        type text CHECK (type IN ('maintenance','quality','material','safety','help')),
        line_id uuid REFERENCES lines(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT true,
        levels jsonb NOT NULL CHECK (jsonb_typeof(levels) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX andon_policies_match_idx ON andon_policies (priority) WHERE enabled`,
    );

    await queryRunner.query(`
      CREATE TABLE andon_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        equipment_id uuid NOT NULL REFERENCES equipment(id) ON DELETE RESTRICT,
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE RESTRICT,
        type text NOT NULL CHECK (type IN ('maintenance','quality','material','safety','help')),
        priority text NOT NULL CHECK (priority IN ('low','medium','high','critical')),
        priority_rank smallint GENERATED ALWAYS AS (
          CASE priority WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END
        ) STORED,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','acknowledged','resolved')),
        description text,
        resolution text,
        raised_at timestamptz NOT NULL,
        raised_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        response_seconds double precision,
        resolution_seconds double precision,
        escalation_level integer NOT NULL DEFAULT 0,
        escalated_at timestamptz,
        policy_id uuid REFERENCES andon_policies(id) ON DELETE SET NULL,
        downtime_event_id bigint REFERENCES machine_events(id) ON DELETE SET NULL,
        work_order_id uuid,
        CHECK ((status = 'open' AND acknowledged_at IS NULL AND resolved_at IS NULL)
            OR (status = 'acknowledged' AND acknowledged_at IS NOT NULL AND resolved_at IS NULL)
            OR (status = 'resolved' AND acknowledged_at IS NOT NULL AND resolved_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX andon_calls_active_idx ON andon_calls (priority_rank DESC, raised_at) WHERE status <> 'resolved'`,
    );
    await queryRunner.query(
      `CREATE INDEX andon_calls_line_raised_idx ON andon_calls (line_id, raised_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX andon_calls_equipment_raised_idx ON andon_calls (equipment_id, raised_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX andon_calls_raised_idx ON andon_calls (raised_at DESC)`);

    // The escalation schedule: one row per level of a call, claimed FOR UPDATE SKIP LOCKED.
    await queryRunner.query(`
      CREATE TABLE andon_escalations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        call_id uuid NOT NULL REFERENCES andon_calls(id) ON DELETE CASCADE,
        level integer NOT NULL CHECK (level >= 1),
        condition text NOT NULL CHECK (condition IN ('unacknowledged','unresolved')),
        notify_roles text[] NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        UNIQUE (call_id, level)
      )`);
    await queryRunner.query(
      `CREATE INDEX andon_escalations_due_idx ON andon_escalations (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`,
    );

    // Written in the same transaction as the change; published after commit in delivery order.
    await queryRunner.query(`CREATE SEQUENCE outbox_delivery_seq`);
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event text NOT NULL,
        payload jsonb NOT NULL,
        rooms text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivery_seq bigint UNIQUE,
        published_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_events_pending_idx ON outbox_events (id) WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_events_published_idx ON outbox_events (published_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'outbox_events',
      'andon_escalations',
      'andon_calls',
      'andon_policies',
      'user_lines',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP SEQUENCE outbox_delivery_seq`);
  }
}
