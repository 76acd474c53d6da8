import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '@ms5/migrations';
import { DataSource } from 'typeorm';
import { UNLIMITED_POOL, dataSourceOptions } from '../database/database.js';
import { serverUrl, withAdminClient } from '../../../test/support/test-database.js';

const MIGRATION = 'CreateAuthSessions1765000000000';
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
 * Sessions on a database that already holds refresh tokens: an empty database of its own, migrated
 * up to the step before, given two families (one open, one revoked), then migrated on and back.
 */
describe(`migration ${MIGRATION} on real PostgreSQL`, () => {
  const name = `ms5_test_mig_${randomBytes(5).toString('hex')}`;
  const url = serverUrl(name);
  const position = migrations.findIndex((m) => new m().name === MIGRATION);
  let db: DataSource;
  let userId: string;
  const openFamily = randomUUID();
  const revokedFamily = randomUUID();

  const tokens = () =>
    db.query<Array<Record<string, unknown>>>(`SELECT * FROM refresh_tokens ORDER BY id`);

  beforeAll(async () => {
    if (position < 1) throw new Error(`${MIGRATION} is not registered in @ms5/migrations`);
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    await migrate(url, migrations.slice(0, position));
    db = dataSourceWith(url, []);
    await db.initialize();
    const [user] = await db.query<Array<{ id: string }>>(
      `INSERT INTO users (username, display_name, role, password_hash)
       VALUES ('mig', 'Mig', 'operator', 'x') RETURNING id`,
    );
    userId = user?.id ?? '';
    await db.query(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, created_at, expires_at, used_at, revoked_at)
       VALUES ($1, $3, 'a', timestamptz '2026-11-01T08:00:00Z', now() + interval '1 day', now(), NULL),
              ($1, $3, 'b', timestamptz '2026-11-01T09:00:00Z', now() + interval '1 day', NULL, NULL),
              ($2, $3, 'c', timestamptz '2026-11-02T08:00:00Z', now() + interval '1 day', now(), now()),
              ($2, $3, 'd', timestamptz '2026-11-02T09:00:00Z', now() + interval '1 day', NULL, now())`,
      [openFamily, revokedFamily, userId],
    );
  });
  afterAll(async () => {
    await db?.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('makes each family a session, revoked when its tokens were, and touches no token', async () => {
    const before = await tokens();
    expect(await migrate(url, throughThis)).toEqual([MIGRATION]);
    expect(await tokens()).toEqual(before);
    const sessions = await db.query<
      Array<{ id: string; user_id: string; created_at: Date; revoked: boolean }>
    >(`SELECT id, user_id, created_at, revoked_at IS NOT NULL AS revoked FROM auth_sessions`);
    expect(sessions.sort((x, y) => x.created_at.getTime() - y.created_at.getTime())).toEqual([
      {
        id: openFamily,
        user_id: userId,
        created_at: new Date('2026-11-01T08:00:00Z'),
        revoked: false,
      },
      {
        id: revokedFamily,
        user_id: userId,
        created_at: new Date('2026-11-02T08:00:00Z'),
        revoked: true,
      },
    ]);
  });

  it('then refuses a refresh token of no session', async () => {
    await expect(
      db.query(
        `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
         VALUES ($1, $2, 'e', now() + interval '1 day')`,
        [randomUUID(), userId],
      ),
    ).rejects.toThrow(/refresh_tokens_family_session_fk/);
  });

  it('goes back leaving the refresh tokens as they were', async () => {
    const before = await tokens();
    const dataSource = dataSourceWith(url, throughThis);
    await dataSource.initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await tokens()).toEqual(before);
    const [table] = await db.query<Array<{ exists: boolean }>>(
      `SELECT to_regclass('auth_sessions') IS NOT NULL AS exists`,
    );
    expect(table?.exists).toBe(false);
  });
});
