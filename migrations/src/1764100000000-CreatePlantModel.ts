import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ISA-95 plant hierarchy, products, shift patterns, planned stops and the downtime reason tree. */
export class CreatePlantModel1764100000000 implements MigrationInterface {
  name = 'CreatePlantModel1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const stamps = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now()`;
    await queryRunner.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        timezone text NOT NULL DEFAULT 'UTC',
        ${stamps}
      )`);
    await queryRunner.query(`
      CREATE TABLE areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES sites(id) ON DELETE RESTRICT,
        code text NOT NULL,
        name text NOT NULL,
        ${stamps},
        UNIQUE (site_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_id uuid REFERENCES areas(id) ON DELETE RESTRICT,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        micro_stop_threshold_seconds integer NOT NULL DEFAULT 120 CHECK (micro_stop_threshold_seconds > 0),
        ${stamps}
      )`);
    await queryRunner.query(`CREATE INDEX lines_area_idx ON lines (area_id)`);
    await queryRunner.query(`
      CREATE TABLE equipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE RESTRICT,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        ideal_cycle_time_seconds double precision NOT NULL CHECK (ideal_cycle_time_seconds > 0),
        ${stamps}
      )`);
    await queryRunner.query(`CREATE INDEX equipment_line_idx ON equipment (line_id)`);
    await queryRunner.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        ideal_cycle_time_seconds double precision NOT NULL CHECK (ideal_cycle_time_seconds > 0),
        ${stamps}
      )`);
    await queryRunner.query(`
      CREATE TABLE product_cycle_times (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        line_id uuid REFERENCES lines(id) ON DELETE CASCADE,
        equipment_id uuid REFERENCES equipment(id) ON DELETE CASCADE,
        ideal_cycle_time_seconds double precision NOT NULL CHECK (ideal_cycle_time_seconds > 0),
        CHECK (num_nonnulls(line_id, equipment_id) = 1),
        UNIQUE NULLS NOT DISTINCT (product_id, line_id, equipment_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE shifts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        line_id uuid NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
        name text NOT NULL,
        start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        end_time text NOT NULL CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        timezone text NOT NULL,
        breaks jsonb NOT NULL DEFAULT '[]',
        ${stamps}
      )`);
    await queryRunner.query(`CREATE INDEX shifts_line_idx ON shifts (line_id)`);
    await queryRunner.query(`
      CREATE TABLE planned_stops (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        line_id uuid REFERENCES lines(id) ON DELETE CASCADE,
        equipment_id uuid REFERENCES equipment(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL,
        ${stamps},
        CHECK (ends_at > starts_at),
        CHECK (num_nonnulls(line_id, equipment_id) = 1)
      )`);
    await queryRunner.query(
      `CREATE INDEX planned_stops_line_idx ON planned_stops (line_id, starts_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX planned_stops_equipment_idx ON planned_stops (equipment_id, starts_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE downtime_reasons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        category text NOT NULL,
        planned boolean NOT NULL DEFAULT false,
        loss_class text NOT NULL CHECK (loss_class IN ('availability','setup','minor_stop','speed','quality')),
        ${stamps}
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'downtime_reasons',
      'planned_stops',
      'shifts',
      'product_cycle_times',
      'products',
      'equipment',
      'lines',
      'areas',
      'sites',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
