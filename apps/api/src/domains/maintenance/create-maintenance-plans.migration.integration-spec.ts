import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '@ms5/migrations';
import { DataSource } from 'typeorm';
import { UNLIMITED_POOL, dataSourceOptions } from '../../platform/database/database.js';
import { serverUrl, withAdminClient } from '../../../test/support/test-database.js';

const MIGRATION = 'CreateMaintenancePlans1765200000000';
/** The migrations up to this one: later ones must not run in its test. */
const throughThis = migrations.slice(
  0,
  migrations.findIndex((m) => new m().name === MIGRATION) + 1,
);
const TABLES = ['maintenance_plan_triggers', 'maintenance_plans'];

function dataSourceWith(url: string, known: typeof migrations): DataSource {
  return new DataSource({
    ...dataSourceOptions(url, UNLIMITED_POOL),
    migrations: known,
    migrationsTransactionMode: 'each',
  });
}

async function migrate(url: string, known: typeof migrations): Promise<string[]> {
  const dataSource = dataSourceWith(url, known);
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations()).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The plan tables on a database of their own: migrated up to the step before with a work order
 * and a machine's events in it, then up (the work order stays, the machine is queued for its
 * roll-ups to be recomputed), the rules the tables hold themselves, and back down.
 */
describe(`migration ${MIGRATION} on real PostgreSQL`, () => {
  const name = `ms5_test_mig_${randomBytes(5).toString('hex')}`;
  const url = serverUrl(name);
  const position = migrations.findIndex((m) => new m().name === MIGRATION);
  let db: DataSource;
  let userId: string;
  let equipmentId: string;
  let lineId: string;
  let orderId: string;

  const tablesPresent = async () =>
    (
      await db.query<Array<{ table_name: string }>>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name`,
        [TABLES],
      )
    ).map((row) => row.table_name);

  const insertPlan = async (columns: Record<string, unknown> = {}): Promise<string> => {
    const values: Record<string, unknown> = {
      equipment_id: equipmentId,
      line_id: lineId,
      title: 'Grease the spindle',
      start_at: new Date('2026-12-01T00:00:00Z'),
      meter_origin_at: new Date('2026-12-01T00:00:00Z'),
      created_at: new Date('2026-12-01T00:00:00Z'),
      created_by: userId,
      updated_at: new Date('2026-12-01T00:00:00Z'),
      ...columns,
    };
    const keys = Object.keys(values);
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO maintenance_plans (${keys.join(', ')})
       VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return row?.id ?? '';
  };
  const insertOrder = (number: string, planId: string | null, occurrence: number | null) =>
    db.query(
      `INSERT INTO work_orders (number, type, priority, equipment_id, line_id, title, created_at,
                                created_by, updated_at, plan_id, plan_occurrence)
       VALUES ($1, 'preventive', 'medium', $2, $3, 'PM', now(), $4, now(), $5, $6)`,
      [number, equipmentId, lineId, userId, planId, occurrence],
    );

  beforeAll(async () => {
    if (position < 1) throw new Error(`${MIGRATION} is not registered in @ms5/migrations`);
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    await migrate(url, migrations.slice(0, position));
    db = dataSourceWith(url, []);
    await db.initialize();
    const [user] = await db.query<Array<{ id: string }>>(
      `INSERT INTO users (username, display_name, role, password_hash)
       VALUES ('mig', 'Mig', 'engineer', 'x') RETURNING id`,
    );
    userId = user?.id ?? '';
    const [site] = await db.query<Array<{ id: string }>>(
      `INSERT INTO sites (code, name) VALUES ('S', 'Site') RETURNING id`,
    );
    const [area] = await db.query<Array<{ id: string }>>(
      `INSERT INTO areas (site_id, code, name) VALUES ($1, 'A', 'Area') RETURNING id`,
      [site?.id],
    );
    const [line] = await db.query<Array<{ id: string }>>(
      `INSERT INTO lines (area_id, code, name) VALUES ($1, 'L1', 'Line') RETURNING id`,
      [area?.id],
    );
    lineId = line?.id ?? '';
    const [equipment] = await db.query<Array<{ id: string }>>(
      `INSERT INTO equipment (line_id, code, name, ideal_cycle_time_seconds)
       VALUES ($1, 'P1', 'Press', 1) RETURNING id`,
      [lineId],
    );
    equipmentId = equipment?.id ?? '';
    await db.query(
      `INSERT INTO machine_events (equipment_id, event_id, ts, type, state)
       VALUES ($1, 'e1', '2026-11-30T06:00:00Z', 'state', 'running')`,
      [equipmentId],
    );
    const [order] = await db.query<Array<{ id: string }>>(
      `INSERT INTO work_orders (number, type, priority, equipment_id, line_id, title, created_at,
                                created_by, updated_at)
       VALUES ('WO-2026-00001', 'corrective', 'high', $1, $2, 'Leak', now(), $3, now()) RETURNING id`,
      [equipmentId, lineId, userId],
    );
    orderId = order?.id ?? '';
  });
  afterAll(async () => {
    await db?.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('creates the plan tables, keeps the work orders and queues the machine for its roll-ups', async () => {
    expect(await migrate(url, throughThis)).toEqual([MIGRATION]);
    expect(await tablesPresent()).toEqual(TABLES);
    const orders = await db.query<Array<{ id: string; plan_occurrence: number | null }>>(
      `SELECT id, plan_occurrence FROM work_orders`,
    );
    expect(orders).toEqual([{ id: orderId, plan_occurrence: null }]);
    const queued = await db.query<Array<{ equipment_id: string; since: Date }>>(
      `SELECT equipment_id, since FROM oee_rollup_queue`,
    );
    expect(queued).toEqual([
      { equipment_id: equipmentId, since: new Date('2026-11-30T06:00:00Z') },
    ]);
  });

  it('holds one work order per occurrence of a plan, and only for a plan that exists', async () => {
    const planId = await insertPlan();
    await insertOrder('WO-2026-00002', planId, 1);
    await expect(insertOrder('WO-2026-00003', planId, 1)).rejects.toThrow(
      /work_orders_plan_occurrence_uq/,
    );
    await insertOrder('WO-2026-00004', planId, 2);
    await expect(
      insertOrder('WO-2026-00005', '00000000-0000-4000-8000-000000000000', 1),
    ).rejects.toThrow(/work_orders_plan_fk/);
    await expect(insertOrder('WO-2026-00006', null, 3)).rejects.toThrow(
      /work_orders_plan_occurrence_pair/,
    );
  });

  it('refuses triggers of the wrong shape, a second trigger of a kind, and bad plan values', async () => {
    const planId = await insertPlan();
    const trigger = (values: Record<string, unknown>) => {
      const keys = ['plan_id', ...Object.keys(values)];
      return db.query(
        `INSERT INTO maintenance_plan_triggers (${keys.join(', ')})
         VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
        [planId, ...Object.values(values)],
      );
    };
    await trigger({ kind: 'calendar', every: 7, unit: 'day' });
    await expect(trigger({ kind: 'calendar', every: 1, unit: 'week' })).rejects.toThrow(
      /duplicate key/,
    );
    await expect(trigger({ kind: 'runtime', every: 7 })).rejects.toThrow(/check constraint/);
    await expect(trigger({ kind: 'parts', every_parts: 0 })).rejects.toThrow(/check constraint/);
    await trigger({ kind: 'runtime', every_hours: 500 });
    await expect(insertPlan({ lead_time_hours: -1 })).rejects.toThrow(/check constraint/);
    await expect(insertPlan({ priority: 'urgent' })).rejects.toThrow(/check constraint/);
    await expect(insertPlan({ last_occurrence: 1 })).rejects.toThrow(
      /maintenance_plans_due_stamped/,
    );
  });

  it('goes back: the plan tables, the occurrence column and the meter column are gone', async () => {
    await db.query(`DELETE FROM work_orders WHERE plan_id IS NOT NULL`);
    const dataSource = dataSourceWith(url, throughThis);
    await dataSource.initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await tablesPresent()).toEqual([]);
    const columns = await db.query<Array<{ column_name: string }>>(
      `SELECT column_name FROM information_schema.columns
        WHERE (table_name = 'work_orders' AND column_name = 'plan_occurrence')
           OR (table_name = 'oee_hourly' AND column_name = 'machine_run_seconds')`,
    );
    expect(columns).toEqual([]);
    expect(await db.query(`SELECT id FROM work_orders`)).toEqual([{ id: orderId }]);
  });
});
