import 'reflect-metadata';
import { pino } from 'pino';
import { bootstrapAdmin } from './platform/users/bootstrap-admin.js';
import { ConfigError, loadConfig } from './platform/config/app-config.js';
import { createApp, httpDrainOf } from './create-app.js';
import { startDemoAndSimulator } from './dev/demo/start-demo.js';
import {
  type DatabaseHandle,
  provideDatabase,
  runMigrations,
} from './platform/database/database.js';
import { ShutdownState } from './platform/health/shutdown-state.js';
import { resolveRuntimeInfo } from './platform/config/runtime-info.js';
import { UsersService } from './platform/users/users.service.js';

/** What keeps the event loop busy, by kind (`{ TCPSocketWrap: 3, Timeout: 2 }`). */
function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

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
    const drain = httpDrainOf(app);
    let stopping = false;
    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      // Give load balancers time to see readiness fail before the listener closes (not on Ctrl+C).
      const delayMs = signal === 'SIGTERM' ? config.SHUTDOWN_DELAY_MS : 0;
      const graceMs = config.SHUTDOWN_GRACE_MS;
      // Whatever hangs (a stuck request, a worker, the pool), the process is gone by then.
      setTimeout(() => {
        log.error(
          {
            signal,
            inFlight: drain.describeInFlight(),
            work: shutdownState.stillBusy(),
            resources: activeResources(),
          },
          `forced exit: still busy ${delayMs + graceMs} ms after ${signal}`,
        );
        process.exit(1);
      }, delayMs + graceMs).unref();

      shutdownState.begin(); // readiness 503, `Connection: close`, workers stop between chunks
      log.info({ signal }, 'shutting down: readiness is now 503');
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      // In-flight requests get the grace, less a little to close the rest in.
      const server = app.getHttpServer();
      if (!(await drain.close(server, graceMs - Math.min(2000, graceMs / 2)))) {
        log.warn({ inFlight: drain.describeInFlight() }, 'requests still in flight: cut');
        server.closeAllConnections();
      }
      await app.close(); // workers, socket.io, Redis, the pool
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
