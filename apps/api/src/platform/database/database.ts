import path from 'node:path';
import { migrations } from '@ms5/migrations';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseHandle {
  url: string;
  kind: 'embedded' | 'external';
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set; otherwise an embedded PostgreSQL under `DATA_DIR`. */
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
  const url = await server.start('ms5');
  return { url, kind: 'embedded', stop: () => server.stop() };
}

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, connectionTimeoutMillis: 5000, application_name: 'ms5-api' },
  };
}

/** Applies every pending migration, each in its own transaction. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url),
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
