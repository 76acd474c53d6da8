import type { EmbeddedPostgres } from './embedded-postgres.js';

const WATCH_INTERVAL_MS = 500;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/** What the supervisor knows of the embedded server, for health and logs. */
export interface SupervisionState {
  running: boolean;
  restarts: number;
  failedAttempts: number;
  lastError: string | undefined;
}

/**
 * Keeps the embedded PostgreSQL running: when its process is gone (killed, crashed, or ended by a
 * smart shutdown nobody here asked for), it is started again on the same data folder, a stale
 * `postmaster.pid` cleared on the way (`EmbeddedPostgres.start`). A start that fails (the killed
 * server's last backends still hold its shared memory, say) is retried with a growing pause.
 * Liveness fails once the database has been unreachable longer than `DB_LIVENESS_GRACE_MS`
 * (`DatabaseAvailability`), so a server that cannot be brought back ends in a process restart.
 */
export class EmbeddedPostgresSupervisor {
  private timer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private stopped = false;
  private restarts = 0;
  private failedAttempts = 0;
  private lastError: string | undefined;
  private nextAttemptAt = 0;

  constructor(
    private readonly server: EmbeddedPostgres,
    private readonly database: string,
    private readonly log: (message: string, level: 'info' | 'warn') => void,
  ) {}

  /** Starts watching the server (call once it runs). */
  watch(): void {
    this.stopped = false;
    this.schedule();
  }

  state(): SupervisionState {
    return {
      running: this.server.isRunning(),
      restarts: this.restarts,
      failedAttempts: this.failedAttempts,
      lastError: this.lastError,
    };
  }

  /** Stops watching, waits for a restart under way, then stops the server (fast shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.restarting;
    await this.server.stop();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.check(), WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (!this.stopped && !this.server.isRunning() && Date.now() >= this.nextAttemptAt) {
      this.restarting = this.restart().finally(() => (this.restarting = undefined));
      await this.restarting;
    }
    this.schedule();
  }

  private async restart(): Promise<void> {
    this.log(
      this.failedAttempts === 0
        ? 'the embedded PostgreSQL is gone: starting it again'
        : `starting the embedded PostgreSQL again (attempt ${this.failedAttempts + 1})`,
      'warn',
    );
    try {
      await this.server.start(this.database);
      this.restarts++;
      this.failedAttempts = 0;
      this.lastError = undefined;
      this.log(`the embedded PostgreSQL runs again (pid ${this.server.pid ?? '?'})`, 'warn');
    } catch (error) {
      this.failedAttempts++;
      this.lastError = error instanceof Error ? error.message : String(error);
      const pause = Math.min(FIRST_RETRY_MS * 2 ** (this.failedAttempts - 1), MAX_RETRY_MS);
      this.nextAttemptAt = Date.now() + pause;
      this.log(
        `the embedded PostgreSQL did not start (next attempt in ${pause} ms): ${this.lastError}`,
        'warn',
      );
      // A server it started that then failed to become ready is stopped, not left half-running.
      if (this.server.isRunning()) await this.server.stop().catch(() => undefined);
    }
  }
}
