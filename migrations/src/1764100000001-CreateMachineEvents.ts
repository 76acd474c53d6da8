import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Append-only machine events, idempotent by the client's eventId, indexed for time ranges. */
export class CreateMachineEvents1764100000001 implements MigrationInterface {
  name = 'CreateMachineEvents1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE machine_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id text NOT NULL,
        equipment_id uuid NOT NULL REFERENCES equipment(id) ON DELETE RESTRICT,
        ts timestamptz NOT NULL,
        type text NOT NULL CHECK (type IN ('state','count')),
        state text CHECK (state IN ('running','idle','stopped','changeover','planned_stop')),
        reason_code text,
        good integer CHECK (good >= 0),
        reject integer CHECK (reject >= 0),
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT machine_events_event_id_uq UNIQUE (event_id),
        CHECK ((type = 'state' AND state IS NOT NULL AND good IS NULL AND reject IS NULL)
            OR (type = 'count' AND state IS NULL AND good IS NOT NULL AND reject IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX machine_events_ts_brin ON machine_events USING brin (ts)`,
    );
    await queryRunner.query(
      `CREATE INDEX machine_events_equipment_type_ts_idx ON machine_events (equipment_id, type, ts)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE machine_events`);
  }
}
