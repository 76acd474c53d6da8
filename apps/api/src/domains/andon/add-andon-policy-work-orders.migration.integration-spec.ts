import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '@ms5/migrations';
import { DataSource } from 'typeorm';
import { UNLIMITED_POOL, dataSourceOptions } from '../../platform/database/database.js';
import { serverUrl, withAdminClient } from '../../../test/support/test-database.js';

const MIGRATION = 'AddAndonPolicyWorkOrders1765400000000';
/** The migrations up to this one: later ones must not run in its test. */
const throughThis = migrations.slice(
  0,
  migrations.findIndex((m) => new m().name === MIGRATION) + 1,
);

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
 * The policy's work-order setting on a database of its own: migrated up to the step before with a
 * policy in it, then up (the policy keeps working, opening nothing), the rules the column holds,
 * and back down.
 */
describe(`migration ${MIGRATION} on real PostgreSQL`, () => {
  const name = `ms5_test_mig_${randomBytes(5).toString('hex')}`;
  const url = serverUrl(name);
  const position = migrations.findIndex((m) => new m().name === MIGRATION);
  let db: DataSource;
  let policyId: string;

  const columnPresent = async () =>
    (
      await db.query<Array<{ column_name: string }>>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'andon_policies' AND column_name = 'open_work_order_at'`,
      )
    ).length === 1;
  const insertPolicy = (type: string | null, openWorkOrderAt: string | null) =>
    db.query(
      `INSERT INTO andon_policies (name, priority, type, enabled, levels, open_work_order_at)
       VALUES ('P', 'high', $1, true, '[]'::jsonb, $2)`,
      [type, openWorkOrderAt],
    );

  beforeAll(async () => {
    if (position < 1) throw new Error(`${MIGRATION} is not registered in @ms5/migrations`);
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    await migrate(url, migrations.slice(0, position));
    db = dataSourceWith(url, []);
    await db.initialize();
    const [policy] = await db.query<Array<{ id: string }>>(
      `INSERT INTO andon_policies (name, priority, type, enabled, levels)
       VALUES ('Existing', 'critical', 'maintenance', true, '[]'::jsonb) RETURNING id`,
    );
    policyId = policy?.id ?? '';
  });
  afterAll(async () => {
    await db?.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('adds the setting, null on the policies that exist (they open no work orders)', async () => {
    expect(await migrate(url, throughThis)).toEqual([MIGRATION]);
    expect(await columnPresent()).toBe(true);
    expect(await db.query(`SELECT id, open_work_order_at FROM andon_policies`)).toEqual([
      { id: policyId, open_work_order_at: null },
    ]);
  });

  it('holds high or critical only, and only on a policy that can govern maintenance calls', async () => {
    await insertPolicy('maintenance', 'high');
    await insertPolicy(null, 'critical');
    await insertPolicy('quality', null);
    await expect(insertPolicy('maintenance', 'medium')).rejects.toThrow(
      /andon_policies_open_work_order_at_check/,
    );
    await expect(insertPolicy('quality', 'high')).rejects.toThrow(
      /andon_policies_work_order_type_check/,
    );
  });

  it('goes back: the column is gone and the policies stay', async () => {
    const dataSource = dataSourceWith(url, throughThis);
    await dataSource.initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await columnPresent()).toBe(false);
    expect(await db.query(`SELECT count(*)::int AS n FROM andon_policies`)).toEqual([{ n: 4 }]);
  });
});
