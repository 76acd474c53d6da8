import path from 'node:path';
import { migrations } from '@ms5/migrations';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import {
  EmbeddedPostgresSupervisor,
  type SupervisionState,
} from './embedded-postgres-supervisor.js';
import { guardedPg } from './guarded-pool.js';

const EMBEDDED_DATABASE = 'ms5';

export interface DatabaseHandle {
  url: string;
  kind: 'embedded' | 'external';
  /** The embedded server's supervisor (none for an external database). */
  supervision?: { state(): SupervisionState };
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when set; otherwise an embedded PostgreSQL under `DATA_DIR`, supervised: started
 * again whenever its process is gone, until `stop()`.
 */
export async function provideDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_PG_PORT'>,
  log: (message: string, level: 'info' | 'warn') => void,
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, kind: 'external', stop: () => Promise.resolve() };
  }
  const server = new EmbeddedPostgres({
    dataDir: path.resolve(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    log,
  });
  const url = await server.start(EMBEDDED_DATABASE);
  const supervisor = new EmbeddedPostgresSupervisor(server, EMBEDDED_DATABASE, log);
  supervisor.watch();
  return { url, kind: 'embedded', supervision: supervisor, stop: () => supervisor.stop() };
}

/** How the pool waits: the settings `DB_CONNECT_TIMEOUT_MS`, `DB_STATEMENT_TIMEOUT_MS`, `DB_POOL_MAX`. */
export type PoolSettings = Pick<
  AppConfig,
  'DB_CONNECT_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_POOL_MAX'
>;

/** A session with no limits (migrations: one may rewrite a large table). */
export const UNLIMITED_POOL: PoolSettings = {
  DB_CONNECT_TIMEOUT_MS: 30_000,
  DB_STATEMENT_TIMEOUT_MS: 0,
  DB_POOL_MAX: 2,
};

/** Past `statement_timeout`, how long the server may take to say so before we stop waiting. */
export const ANSWER_GRACE_MS = 1000;

/**
 * The pool of the API: a request waits at most `DB_CONNECT_TIMEOUT_MS` for a session, a statement
 * runs at most `DB_STATEMENT_TIMEOUT_MS` on the server, and a query with no answer at all
 * (a paused server cannot enforce its own timeout) is cut off that plus `ANSWER_GRACE_MS` after it
 * was sent. Each of these ends in an error the API answers with 503 (`DATABASE_UNAVAILABLE`).
 */
export function dataSourceOptions(url: string, settings: PoolSettings): DataSourceOptions {
  const statementTimeout = settings.DB_STATEMENT_TIMEOUT_MS;
  return {
    type: 'postgres',
    url,
    driver: guardedPg,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: settings.DB_POOL_MAX,
      connectionTimeoutMillis: settings.DB_CONNECT_TIMEOUT_MS,
      ...(statementTimeout > 0
        ? {
            statement_timeout: statementTimeout,
            answerDeadlineMs: statementTimeout + ANSWER_GRACE_MS,
          }
        : {}),
      // Finds a peer that vanished (host down, cable out) on idle sessions too.
      keepAlive: true,
      application_name: 'ms5-api',
    },
  };
}

/** Applies every pending migration, each in its own transaction. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url, UNLIMITED_POOL),
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
