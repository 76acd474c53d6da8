import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '@ms5/migrations';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UNLIMITED_POOL, dataSourceOptions } from '../../platform/database/database.js';
import {
  createTestDatabase,
  serverUrl,
  withAdminClient,
} from '../../../test/support/test-database.js';

const MIGRATION = 'ScopeEventIdsToEquipment1764900000000';
/** The migrations up to this one: later ones must not run in its test. */
const throughThis = migrations.slice(
  0,
  migrations.findIndex((m) => new m().name === MIGRATION) + 1,
);

/** A data source on the database that knows only the given migrations. */
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
 * The migration to per-equipment event ids on a database that holds events from before it: an
 * empty database of its own (not the migrated template), migrated up to the step before, filled,
 * then migrated on.
 */
describe(`migration ${MIGRATION} on real PostgreSQL`, () => {
  const name = `ms5_test_mig_${randomBytes(5).toString('hex')}`;
  const url = serverUrl(name);
  const position = migrations.findIndex((m) => new m().name === MIGRATION);
  let db: DataSource;
  let press: string;
  let oven: string;

  beforeAll(async () => {
    if (position < 1) throw new Error(`${MIGRATION} is not registered in @ms5/migrations`);
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    await migrate(url, migrations.slice(0, position));
    db = dataSourceWith(url, []);
    await db.initialize();
    const [line] = await db.query<Array<{ id: string }>>(
      `INSERT INTO lines (code, name) VALUES ('MIG', 'Migration line') RETURNING id`,
    );
    const equipment = await db.query<Array<{ id: string; code: string }>>(
      `INSERT INTO equipment (line_id, code, name, ideal_cycle_time_seconds)
       VALUES ($1, 'MIG-PRESS', 'Press', 2), ($1, 'MIG-OVEN', 'Oven', 2) RETURNING id, code`,
      [line?.id],
    );
    press = equipment.find((e) => e.code === 'MIG-PRESS')?.id ?? '';
    oven = equipment.find((e) => e.code === 'MIG-OVEN')?.id ?? '';
    await db.query(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, state, good, reject)
       SELECT 'old-' || g, CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END,
              timestamptz '2026-11-01T00:00:00Z' + g * interval '1 minute',
              CASE WHEN g % 3 = 0 THEN 'state' ELSE 'count' END,
              CASE WHEN g % 3 = 0 THEN 'running' END,
              CASE WHEN g % 3 = 0 THEN NULL ELSE g END,
              CASE WHEN g % 3 = 0 THEN NULL ELSE 0 END
         FROM generate_series(1, 500) g`,
      [press, oven],
    );
  });
  afterAll(async () => {
    await db?.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  const snapshot = () =>
    db.query<Array<Record<string, unknown>>>(
      `SELECT id, event_id, equipment_id, ts, type, state, reason_code, good, reject, received_at
         FROM machine_events ORDER BY id`,
    );

  it('before it, one eventId is unique across the plant', async () => {
    await expect(
      db.query(
        `INSERT INTO machine_events (event_id, equipment_id, ts, type, state)
         VALUES ('old-1', $1, now(), 'state', 'idle')`,
        [press], // old-1 belongs to the oven
      ),
    ).rejects.toThrow(/machine_events_event_id_uq/);
  });

  it('keeps every row exactly as it was, then lets two equipment share an eventId', async () => {
    const before = await snapshot();
    expect(before).toHaveLength(500);
    expect(await migrate(url, throughThis)).toEqual([MIGRATION]);
    expect(await snapshot()).toEqual(before);

    await db.query(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, state)
       VALUES ('old-1', $1, now(), 'state', 'idle'), ('shared', $1, now(), 'state', 'idle'),
              ('shared', $2, now(), 'state', 'idle')`,
      [press, oven],
    );
    const [shared] = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM machine_events WHERE event_id IN ('old-1', 'shared')`,
    );
    expect(shared?.n).toBe(4);
    // …and the key per equipment holds.
    await expect(
      db.query(
        `INSERT INTO machine_events (event_id, equipment_id, ts, type, state)
         VALUES ('shared', $1, now(), 'state', 'running')`,
        [press],
      ),
    ).rejects.toThrow(/machine_events_equipment_event_id_uq/);
  });

  it('will not go back while equipment share eventIds, and deletes nothing trying', async () => {
    const before = await snapshot();
    const dataSource = dataSourceWith(url, throughThis);
    await dataSource.initialize();
    try {
      await expect(dataSource.undoLastMigration({ transaction: 'each' })).rejects.toThrow(
        /equipment share event ids \((old-1|shared), (old-1|shared)/,
      );
    } finally {
      await dataSource.destroy();
    }
    expect(await snapshot()).toEqual(before);
    const applied = await db.query<Array<{ name: string }>>(
      `SELECT name FROM schema_migrations WHERE name = $1`,
      [MIGRATION],
    );
    expect(applied).toHaveLength(1);
  });
});

describe(`migration ${MIGRATION} going back`, () => {
  it('restores one eventId per plant while no two equipment share one, touching no row', async () => {
    const database = await createTestDatabase();
    const dataSource = dataSourceWith(database.url, []);
    await dataSource.initialize();
    try {
      const [line] = await dataSource.query<Array<{ id: string }>>(
        `INSERT INTO lines (code, name) VALUES ('BACK', 'Back line') RETURNING id`,
      );
      const [equipment] = await dataSource.query<Array<{ id: string }>>(
        `INSERT INTO equipment (line_id, code, name, ideal_cycle_time_seconds)
         VALUES ($1, 'BACK-1', 'Press', 2) RETURNING id`,
        [line?.id],
      );
      await dataSource.query(
        `INSERT INTO machine_events (event_id, equipment_id, ts, type, good, reject)
         SELECT 'e-' || g, $1, now(), 'count', g, 0 FROM generate_series(1, 50) g`,
        [equipment?.id],
      );
      const rows = () => dataSource.query('SELECT * FROM machine_events ORDER BY id');
      const before = await rows();
      const step = migrations.find((m) => new m().name === MIGRATION);
      if (!step) throw new Error(`${MIGRATION} is not registered`);
      const runner = dataSource.createQueryRunner();
      try {
        await new step().down(runner);
      } finally {
        await runner.release();
      }
      expect(await rows()).toEqual(before);
      const constraints = await dataSource.query<Array<{ conname: string }>>(
        `SELECT conname FROM pg_constraint
          WHERE conrelid = 'machine_events'::regclass AND contype = 'u' ORDER BY conname`,
      );
      expect(constraints.map((c) => c.conname)).toEqual(['machine_events_event_id_uq']);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
