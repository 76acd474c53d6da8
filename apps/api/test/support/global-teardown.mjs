import pg from 'pg';

export default async function globalTeardown() {
  const url = new URL(process.env.MS5_TEST_SERVER_URL);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client
    .query('DROP DATABASE IF EXISTS ms5_test_template WITH (FORCE)')
    .finally(() => client.end());
  await globalThis.__MS5_TEST_PG__?.stop();
}
