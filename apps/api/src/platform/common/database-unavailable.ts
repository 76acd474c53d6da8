/**
 * Tells a database that cannot answer now (down, paused, restarting, shutting down, full) from a
 * database that answered "no" (a constraint, a bad value, a bug in a query). The first is a `503`
 * the client may retry; the second stays what it is.
 */

/** Seconds a client is told to wait before retrying a request refused for the database. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket-level failures from Node (`net`, `dns`) while reaching or talking to PostgreSQL. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that cannot serve now, outside class 08 (connection exception):
 * admin shutdown (a fast shutdown or a terminated session), crash shutdown, cannot connect now
 * (starting up, smart shutdown, recovery), too many connections, out of resources, and a
 * statement cut off by `statement_timeout` (the server was too slow to answer in time).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '53000', '57014']);

/** Messages of `pg` and `pg-pool` (and of our own deadline) that carry no code. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /^Connection terminated/i,
  /Query read timeout/i,
  /not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /the database did not answer within/i,
  /is not currently accepting connections/i,
];

/**
 * TypeORM releases a transaction's query runner the moment its connection breaks; the
 * transaction's next query then fails with one of these instead of the connection's own error.
 */
const RELEASED_RUNNER_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * True when `error` (a `pg` error, a TypeORM `QueryFailedError` around one, a socket error, or an
 * `AggregateError` of several connection attempts) means the database is unreachable or cannot
 * serve now.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return classify(error, 0);
}

function classify(error: unknown, depth: number): boolean {
  if (depth > 4 || error === null || typeof error !== 'object') return false;
  const candidate = error as ErrorLike;
  if (typeof candidate.name === 'string' && RELEASED_RUNNER_ERRORS.has(candidate.name)) return true;
  const code = typeof candidate.code === 'string' ? candidate.code : undefined;
  if (code !== undefined) {
    if (NETWORK_ERROR_CODES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
  }
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  // A SQLSTATE of another class is the database answering: never taken for an outage by its text.
  const isSqlState = code !== undefined && /^[0-9A-Z]{5}$/.test(code);
  if (!isSqlState && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(candidate.errors)) {
    const inner: unknown[] = candidate.errors;
    if (inner.length > 0 && inner.every((each) => classify(each, depth + 1))) return true;
  }
  return classify(candidate.driverError, depth + 1) || classify(candidate.cause, depth + 1);
}
