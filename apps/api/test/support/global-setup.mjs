// Runs in jest's parent process through Node's own loader (no TypeScript transform), so it uses
// the built API (`nx` builds it first): the same EmbeddedPostgres and migrations as production.
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runMigrations } from '../../dist/platform/database/database.js';
import { EmbeddedPostgres } from '../../dist/platform/database/embedded-postgres.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const TEMPLATE_DATABASE = 'ms5_test_template';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function urlFor(database) {
  const url = new URL(process.env.MS5_TEST_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Once per jest run: a real PostgreSQL (DATABASE_URL, or an embedded server under .data/), and a
 * template database with every migration applied; each test file clones it.
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.MS5_TEST_SERVER_URL = process.env.DATABASE_URL;
  } else {
    const port = Number(process.env.MS5_TEST_PG_PORT ?? (await freePort()));
    const server = new EmbeddedPostgres({
      dataDir: path.join(repoRoot, '.data', 'test-postgres'),
      port,
      // A throw-away cluster: durability is not needed, speed is.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    process.env.MS5_TEST_SERVER_URL = await server.start('postgres');
    globalThis.__MS5_TEST_PG__ = server;
  }
  const client = new pg.Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    const stale = await client.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'ms5\\_test\\_%'",
    );
    for (const row of stale.rows)
      await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await client.end();
  }
  await runMigrations(urlFor(TEMPLATE_DATABASE));
}
