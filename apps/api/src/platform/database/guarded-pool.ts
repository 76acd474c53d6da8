import pg from 'pg';
import { isDatabaseUnavailable } from '../common/database-unavailable.js';

/**
 * The `pg` pool the API runs on, with two guards that `pg` lacks:
 *
 * - **An answer deadline per query.** A paused or vanished server (SIGSTOP, a dead host) keeps the
 *   socket open and never answers, and its own `statement_timeout` cannot fire. `pg`'s
 *   `query_timeout` gives up on the query but leaves it active on the connection, so the
 *   transaction's `ROLLBACK` and the next borrower queue behind it and wait again. Here the
 *   connection is dropped at the deadline instead: every query on it fails at once, the pool
 *   discards it, and the sessions that were opened before it are retired (below).
 * - **Retirement of old sessions.** When the server refuses new sessions (a smart shutdown, a
 *   restart) or stops answering, the sessions opened before that are handed out no more: each
 *   is closed when next taken from the pool (and an idle one when the pool's idle timeout ends
 *   it), so a smart shutdown is not held open by our idle sessions and requests do not flap
 *   between an old session that still works and a new one that is refused.
 */

/** The error of a query whose connection was dropped at the deadline. */
export class DatabaseDeadlineError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`the database did not answer within ${deadlineMs} ms`);
    this.name = 'DatabaseDeadlineError';
  }
}

/** Numbers the sessions of one pool and remembers below which number they are retired. */
export class SessionRetirement {
  private next = 0;
  private retiredBelow = 0;

  /** The number the next session will get. */
  get nextSerial(): number {
    return this.next;
  }

  take(): number {
    return this.next++;
  }

  /** Retires every session numbered below `serial`. */
  retireBelow(serial: number): void {
    this.retiredBelow = Math.max(this.retiredBelow, serial);
  }

  isRetired(serial: number): boolean {
    return serial < this.retiredBelow;
  }
}

const RETIREMENT = Symbol('ms5.retirement');

interface GuardedClientConfig extends pg.ClientConfig {
  /** Drop the connection when a query has had no answer for this long (0: never). */
  answerDeadlineMs?: number;
  [RETIREMENT]?: SessionRetirement;
}

type Callback = (error: Error | undefined, result?: unknown) => void;

/** A `pg` client whose queries get an answer or a connection error by their deadline. */
export class GuardedClient extends pg.Client {
  readonly serial: number;
  readonly deadlineMs: number;
  private readonly retirement: SessionRetirement;

  constructor(config: GuardedClientConfig = {}) {
    super(config);
    this.retirement = config[RETIREMENT] ?? new SessionRetirement();
    this.serial = this.retirement.take();
    this.deadlineMs = config.answerDeadlineMs ?? 0;
  }

  /** The server did not answer in time: drop the connection, failing what waits on it. */
  abandon(): void {
    this.retirement.retireBelow(this.serial + 1);
    this.connection.stream.destroy(new DatabaseDeadlineError(this.deadlineMs));
  }
}

// pg's `query` has a dozen overloads (text, config, submittable; promise or callback): one
// wrapper around all of them, so that every form gets the deadline without restating them.
// Read off the prototype (never called unbound: always through Reflect.apply on a client).
const baseQuery = Reflect.get(pg.Client.prototype, 'query');
GuardedClient.prototype.query = function guardedQuery(this: GuardedClient, ...args: unknown[]) {
  const first = args[0] as { submit?: unknown } | undefined;
  // Streams and cursors (submittables) read at their own pace: they keep no deadline.
  if (this.deadlineMs <= 0 || typeof first?.submit === 'function') {
    return Reflect.apply(baseQuery, this, args) as unknown;
  }
  const timer = setTimeout(() => this.abandon(), this.deadlineMs);
  timer.unref();
  const last = args.at(-1);
  if (typeof last === 'function') {
    const callback = last as Callback;
    args[args.length - 1] = (error: Error | undefined, result?: unknown) => {
      clearTimeout(timer);
      callback(error, result);
    };
    return Reflect.apply(baseQuery, this, args) as unknown;
  }
  const result = Reflect.apply(baseQuery, this, args) as Promise<unknown>;
  return result.finally(() => clearTimeout(timer));
} as typeof baseQuery;

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/** A failed connection attempt that says the sessions opened before it are gone or going. */
function endsOlderSessions(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // A full pool or a full server says nothing against the sessions we hold.
  if (code === '53300') return false;
  return !(typeof message === 'string' && /timeout exceeded when trying to connect/i.test(message));
}

/** `pg.Pool` handing out only sessions that are not retired, made of `GuardedClient`s. */
export class GuardedPool extends pg.Pool {
  readonly retirement: SessionRetirement;

  constructor(options: pg.PoolConfig & GuardedClientConfig) {
    const retirement = new SessionRetirement();
    super({ ...options, Client: GuardedClient, [RETIREMENT]: retirement } as pg.PoolConfig);
    this.retirement = retirement;
  }

  /** Retires every session open now (the server is shutting down or was restarted). */
  retireAll(): void {
    this.retirement.retireBelow(this.retirement.nextSerial);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const checkout = this.checkout();
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
    return undefined;
  }

  private async checkout(): Promise<pg.PoolClient> {
    for (;;) {
      const mark = this.retirement.nextSerial;
      let client: pg.PoolClient;
      try {
        client = await super.connect();
      } catch (error) {
        if (endsOlderSessions(error)) this.retirement.retireBelow(mark);
        throw error;
      }
      const serial = (client as unknown as GuardedClient).serial;
      if (!this.retirement.isRetired(serial)) return client;
      // Released with an error, the pool closes the session instead of keeping it.
      client.release(new Error('session retired after a database outage'));
    }
  }
}

/** The `pg` module as TypeORM loads it (`driver` option), with `GuardedPool` as its pool. */
export const guardedPg: typeof pg = Object.create(pg, {
  Pool: { value: GuardedPool, enumerable: true },
}) as typeof pg;
