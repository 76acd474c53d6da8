import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEMPLATE_DATABASE = 'ms5_test_template';

/** The admin connection URL of the test server (set by the global setup). */
export function serverUrl(database = 'postgres'): string {
  const base = process.env.MS5_TEST_SERVER_URL;
  if (!base) throw new Error('MS5_TEST_SERVER_URL is not set: run through the jest global setup');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(serverUrl(), work);
}

/** A client connected to the database for the work, ended after it whatever happens. */
export async function withClient<T>(
  connectionString: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: each test file works in its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ms5_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
  return {
    name,
    url: serverUrl(name),
    drop: () =>
      withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
