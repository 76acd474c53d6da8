import 'reflect-metadata';
import { pino } from 'pino';
import { bootstrapAdmin } from './platform/users/bootstrap-admin.js';
import { ConfigError, loadConfig } from './platform/config/app-config.js';
import { createApp } from './create-app.js';
import { startDemoAndSimulator } from './dev/demo/start-demo.js';
import {
  type DatabaseHandle,
  provideDatabase,
  runMigrations,
} from './platform/database/database.js';
import { ShutdownState } from './platform/health/shutdown-state.js';
import { resolveRuntimeInfo } from './platform/config/runtime-info.js';
import { UsersService } from './platform/users/users.service.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const log = pino({ level: config.LOG_LEVEL, base: { component: 'bootstrap' } });

  let database: DatabaseHandle | undefined;
  try {
    database = await provideDatabase(config, (message, level) => log[level](message));
    const applied = await runMigrations(database.url);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    const runtime = await resolveRuntimeInfo(config, database.kind);
    const app = await createApp({ config, runtime, databaseUrl: database.url, database });
    await bootstrapAdmin(app.get(UsersService), config, (message) => process.stdout.write(message));
    await app.listen(config.PORT, config.HOST);
    log.info(`MS5 Floor Dashboard listening on http://localhost:${config.PORT}`);
    await startDemoAndSimulator(app, config, (message) => process.stdout.write(message));

    const shutdownState = app.get(ShutdownState);
    let stopping = false;
    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      shutdownState.begin();
      log.info({ signal }, 'shutting down: readiness is now 503');
      // Give load balancers time to see readiness fail before the listener closes.
      if (signal === 'SIGTERM')
        await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DELAY_MS));
      await app.close(); // stops accepting, lets in-flight requests finish
      await database?.stop();
      log.info('stopped');
      process.exit(0);
    };
    process.on('SIGTERM', (signal) => void shutdown(signal));
    process.on('SIGINT', (signal) => void shutdown(signal));
  } catch (error) {
    log.fatal({ err: error }, 'start failed');
    await database?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
