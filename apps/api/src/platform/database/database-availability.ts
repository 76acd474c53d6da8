import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { DatabaseHandle } from './database.js';
import { GuardedPool } from './guarded-pool.js';

/** The database handle of this process (its kind, the embedded server's supervisor). */
export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

const PROBE_INTERVAL_MS = 1000;

/** What `/health/live` is told about the database. */
export interface DatabaseLiveness {
  ok: boolean;
  reason?: string;
}

/**
 * Watches whether new sessions can be opened on the database, once a second, with a connection
 * of its own (not the pool's: a pooled session may outlive a server that refuses new ones).
 *
 * - The server refuses new sessions because it is shutting down (`57P03`): the pool's sessions
 *   are retired, so that a smart shutdown is not held open by us and requests do not flap
 *   between old sessions that work and new ones that are refused.
 * - The embedded database unreachable for longer than `DB_LIVENESS_GRACE_MS` (its supervisor
 *   could not bring it back, or it hangs): liveness fails and the orchestrator restarts the
 *   process. An external database never fails liveness: restarting every replica does not bring
 *   a database back, and the pool recovers by itself when it returns (docs/operations.md).
 */
@Injectable()
export class DatabaseAvailability implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DatabaseAvailability');
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private downSince: number | undefined;
  private lastError: string | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_HANDLE) private readonly handle: DatabaseHandle,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    // In-process test apps drive `probe()` themselves.
    if (this.config.NODE_ENV === 'test') return;
    this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Milliseconds the database has been unreachable, 0 while it answers. */
  unreachableForMs(now = Date.now()): number {
    return this.downSince === undefined ? 0 : now - this.downSince;
  }

  liveness(now = Date.now()): DatabaseLiveness {
    if (this.handle.kind !== 'embedded') return { ok: true };
    const down = this.unreachableForMs(now);
    if (down <= this.config.DB_LIVENESS_GRACE_MS) return { ok: true };
    const supervision = this.handle.supervision?.state();
    const detail = supervision?.lastError ?? this.lastError ?? 'no answer';
    return {
      ok: false,
      reason: `the embedded database has been unreachable for ${Math.round(down / 1000)} s: ${detail}`,
    };
  }

  /** The database answered elsewhere (readiness): no need to wait for the next probe to say so. */
  confirmReachable(): void {
    this.markReachable();
  }

  private markReachable(): void {
    if (this.downSince !== undefined) {
      this.logger.warn(
        `the database answers again after ${Math.round(this.unreachableForMs() / 1000)} s`,
      );
    }
    this.downSince = undefined;
    this.lastError = undefined;
  }

  /** Opens a session of its own and runs `SELECT 1`; records the answer. */
  async probe(): Promise<boolean> {
    const client = new pg.Client({
      connectionString: this.handle.url,
      connectionTimeoutMillis: this.config.DB_CONNECT_TIMEOUT_MS,
      application_name: 'ms5-api-probe',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await withDeadline(client.query('SELECT 1'), this.config.DB_CONNECT_TIMEOUT_MS);
      this.markReachable();
      return true;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      if (this.downSince === undefined) {
        this.downSince = Date.now();
        this.logger.warn(`the database cannot be reached: ${this.lastError}`);
      }
      if ((error as { code?: unknown }).code === '57P03') this.retirePooledSessions();
      return false;
    } finally {
      // A polite goodbye, but a paused server would hold it forever: then the socket is dropped.
      await withDeadline(client.end(), 500).catch(() => client.connection.stream.destroy());
    }
  }

  private retirePooledSessions(): void {
    const pool = (this.dataSource.driver as unknown as { master?: unknown }).master;
    if (pool instanceof GuardedPool) pool.retireAll();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.probe().finally(() => this.schedule());
    }, PROBE_INTERVAL_MS);
    this.timer.unref();
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
