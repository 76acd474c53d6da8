import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '@ms5/migrations';
import { DataSource } from 'typeorm';
import { UNLIMITED_POOL, dataSourceOptions } from '../../platform/database/database.js';
import { serverUrl, withAdminClient } from '../../../test/support/test-database.js';

const MIGRATION = 'CreateMaintenance1765100000000';
/** The migrations up to this one: later ones must not run in its test. */
const throughThis = migrations.slice(
  0,
  migrations.findIndex((m) => new m().name === MIGRATION) + 1,
);
const TABLES = [
  'work_order_numbers',
  'work_orders',
  'work_order_assignees',
  'work_order_status_history',
  'work_order_labour',
  'work_order_parts',
];

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
 * The maintenance tables on a database of their own: migrated up to the step before with an andon
 * call in it, then up (the call keeps its row and gains the work-order key), the rules the tables
 * hold themselves, and back down.
 */
describe(`migration ${MIGRATION} on real PostgreSQL`, () => {
  const name = `ms5_test_mig_${randomBytes(5).toString('hex')}`;
  const url = serverUrl(name);
  const position = migrations.findIndex((m) => new m().name === MIGRATION);
  let db: DataSource;
  let userId: string;
  let equipmentId: string;
  let lineId: string;
  let callId: string;

  const tablesPresent = async () =>
    (
      await db.query<Array<{ table_name: string }>>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name`,
        [TABLES],
      )
    ).map((row) => row.table_name);

  let orderCount = 0;
  /** Inserts a work order with these columns over a valid open one; resolves to its id. */
  const insertOrder = async (columns: Record<string, unknown> = {}): Promise<string> => {
    const values: Record<string, unknown> = {
      number: `WO-2026-${900_000_000 + ++orderCount}`, // far from the numbers the tests name
      type: 'corrective',
      priority: 'high',
      equipment_id: equipmentId,
      line_id: lineId,
      title: 'Leak at the filler',
      created_at: new Date('2026-12-01T08:00:00Z'),
      created_by: userId,
      updated_at: new Date('2026-12-01T08:00:00Z'),
      ...columns,
    };
    const keys = Object.keys(values);
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO work_orders (${keys.join(', ')})
       VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return row?.id ?? '';
  };

  beforeAll(async () => {
    if (position < 1) throw new Error(`${MIGRATION} is not registered in @ms5/migrations`);
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    await migrate(url, migrations.slice(0, position));
    db = dataSourceWith(url, []);
    await db.initialize();
    const [user] = await db.query<Array<{ id: string }>>(
      `INSERT INTO users (username, display_name, role, password_hash)
       VALUES ('mig', 'Mig', 'maintenance', 'x') RETURNING id`,
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
       VALUES ($1, 'F1', 'Filler', 1) RETURNING id`,
      [lineId],
    );
    equipmentId = equipment?.id ?? '';
    const [call] = await db.query<Array<{ id: string }>>(
      `INSERT INTO andon_calls (equipment_id, line_id, type, priority, raised_at, raised_by)
       VALUES ($1, $2, 'maintenance', 'high', now(), $3) RETURNING id`,
      [equipmentId, lineId, userId],
    );
    callId = call?.id ?? '';
  });
  afterAll(async () => {
    await db?.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('creates the work-order tables and leaves the andon calls as they were', async () => {
    const before = await db.query(`SELECT * FROM andon_calls ORDER BY id`);
    expect(await migrate(url, throughThis)).toEqual([MIGRATION]);
    expect(await tablesPresent()).toEqual([...TABLES].sort());
    expect(await db.query(`SELECT * FROM andon_calls ORDER BY id`)).toEqual(before);
  });

  it('takes one number per year from the counter row', async () => {
    const take = async (year: number) => {
      const [row] = await db.query<Array<{ last_value: number }>>(
        `INSERT INTO work_order_numbers (year, last_value) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_value = work_order_numbers.last_value + 1
         RETURNING last_value`,
        [year],
      );
      return row?.last_value;
    };
    expect([await take(2026), await take(2026), await take(2027), await take(2026)]).toEqual([
      1, 2, 1, 3,
    ]);
  });

  it('refuses a bad or repeated number, an unknown status and stamps that do not fit the status', async () => {
    const id = await insertOrder({ number: 'WO-2026-00001' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(insertOrder({ number: 'WO-2026-00001' })).rejects.toThrow(/work_orders_number_uq/);
    await expect(insertOrder({ number: 'WO-26-1' })).rejects.toThrow(/check constraint/);
    await expect(insertOrder({ status: 'done' })).rejects.toThrow(/check constraint/);
    await expect(insertOrder({ type: 'repair' })).rejects.toThrow(/check constraint/);
    await expect(insertOrder({ priority: 'urgent' })).rejects.toThrow(/check constraint/);
    await expect(insertOrder({ status: 'completed' })).rejects.toThrow(
      /work_orders_(started|completed)_stamped/,
    );
    await expect(insertOrder({ status: 'assigned' })).rejects.toThrow(
      /work_orders_assigned_stamped/,
    );
    await expect(
      insertOrder({ status: 'on_hold', started_at: new Date(), started_by: userId }),
    ).rejects.toThrow(/work_orders_hold_reason/);
    await expect(
      insertOrder({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: userId }),
    ).rejects.toThrow(/work_orders_cancelled_stamped/);
    await expect(insertOrder({ equipment_id: lineId })).rejects.toThrow(/foreign key/);
  });

  it('keeps one work order per andon call, and the call points at a work order that exists', async () => {
    const id = await insertOrder({ andon_call_id: callId });
    await expect(insertOrder({ andon_call_id: callId })).rejects.toThrow(
      /work_orders_andon_call_uq/,
    );
    await db.query(`UPDATE andon_calls SET work_order_id = $1 WHERE id = $2`, [id, callId]);
    await expect(
      db.query(`UPDATE andon_calls SET work_order_id = gen_random_uuid() WHERE id = $1`, [callId]),
    ).rejects.toThrow(/andon_calls_work_order_fk/);
  });

  it('refuses labour of zero or negative minutes and parts of no quantity', async () => {
    const id = await insertOrder();
    const labour = (minutes: number) =>
      db.query(
        `INSERT INTO work_order_labour (work_order_id, user_id, started_at, minutes, recorded_at, recorded_by)
         VALUES ($1, $2, now(), $3, now(), $2)`,
        [id, userId, minutes],
      );
    await labour(30);
    await expect(labour(0)).rejects.toThrow(/check constraint/);
    await expect(labour(-5)).rejects.toThrow(/check constraint/);
    const part = (quantity: number) =>
      db.query(
        `INSERT INTO work_order_parts (work_order_id, part_number, quantity, recorded_at, recorded_by)
         VALUES ($1, 'BRG-6204', $2, now(), $3)`,
        [id, quantity, userId],
      );
    await part(2);
    await expect(part(0)).rejects.toThrow(/check constraint/);
    const history = (action: string, from: string | null) =>
      db.query(
        `INSERT INTO work_order_status_history (work_order_id, action, from_status, to_status, at, by_user)
         VALUES ($1, $2, $3, 'open', now(), $4)`,
        [id, action, from, userId],
      );
    await history('create', null);
    await expect(history('start', null)).rejects.toThrow(/check constraint/);
  });

  it('goes back: the tables and the andon key are gone, the calls stay', async () => {
    const dataSource = dataSourceWith(url, throughThis);
    await dataSource.initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await tablesPresent()).toEqual([]);
    const calls = await db.query<Array<{ id: string; work_order_id: string | null }>>(
      `SELECT id, work_order_id FROM andon_calls`,
    );
    expect(calls).toEqual([{ id: callId, work_order_id: expect.any(String) }]);
    const [fk] = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'andon_calls_work_order_fk'`,
    );
    expect(fk?.n).toBe(0);
  });
});
