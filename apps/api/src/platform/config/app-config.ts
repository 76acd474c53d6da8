import { isIP } from 'node:net';
import { z } from 'zod';

/** An address (`10.0.0.7`, `fd00::1`) or a CIDR (`10.244.0.0/16`, `fd00::/8`). */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Settings that no longer exist, with what replaced them: set, they stop the start. */
const REMOVED_SETTINGS: Readonly<Record<string, string>> = {
  LOGIN_MAX_FAILURES_PER_USERNAME:
    'removed (it locked users out); use LOGIN_BACKOFF_FREE_FAILURES (per username and address) and LOGIN_USERNAME_SLOW_AFTER',
  LOGIN_MAX_FAILURES_PER_ADDRESS: 'removed; use LOGIN_ADDRESS_MAX_FAILURES',
  LOGIN_WINDOW_SECONDS:
    'removed; use LOGIN_ADDRESS_WINDOW_SECONDS (and LOGIN_BACKOFF_MAX_SECONDS, LOGIN_USERNAME_WINDOW_SECONDS)',
};

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'], { message: 'must be 0 or 1' })
  .transform((value) => value === '1' || value === 'true');

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    )
    .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  ADMIN_USERNAME: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{3,64}$/, 'must be 3-64 letters, digits, dot, dash or underscore')
    .default('admin'),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(256).optional(),
  DEMO: booleanFlag.default(false),
  OEE_ROLLUPS: booleanFlag.default(true),
  /** The preventive maintenance scheduler in this instance (`0`: off), and how often it passes. */
  MAINTENANCE_SCHEDULER: booleanFlag.default(true),
  MAINTENANCE_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(60_000),
  /** Line simulator: default speed (simulated seconds per real second), seed and tick. */
  SIMULATOR_SPEED: z.coerce.number().min(0.1).max(3600).default(1),
  SIMULATOR_SEED: z.coerce.number().int().min(0).max(4_294_967_295).optional(),
  SIMULATOR_TICK_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /**
   * How long an instance trusts that a session is still open before asking PostgreSQL again. A
   * revocation ends the session at once on its instance and, with REDIS_URL, on every instance
   * within a second; without Redis other instances learn it within this many seconds.
   */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(900).default(30),
  CORS_ORIGINS: z.string().trim().default(''),
  /** `1`: send Strict-Transport-Security (only behind TLS: browsers then refuse plain HTTP to this host). */
  HSTS: booleanFlag.default(false),
  /** HSTS `max-age`, at least one year. */
  HSTS_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(31_536_000, 'must be at least 31536000 (one year)')
    .max(63_072_000)
    .default(31_536_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'must look like 512kb or 2mb')
    .default('2mb'),
  WEB_DIST_DIR: z.string().trim().optional(),
  /**
   * Login anti-automation (docs/security-auth.md). Per (username, address) pair: this many failures
   * are free, then the pair waits BASE seconds, doubling with each failure up to MAX.
   */
  LOGIN_BACKOFF_FREE_FAILURES: z.coerce.number().int().min(0).max(100).default(3),
  LOGIN_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(1),
  LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Per address across usernames: at most this many failures within the window, then `429`. */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(30),
  LOGIN_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Per username: past this many failures within the window, every attempt waits (never refused). */
  LOGIN_USERNAME_SLOW_AFTER: z.coerce.number().int().min(1).max(100_000).default(100),
  LOGIN_USERNAME_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  LOGIN_USERNAME_SLOW_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /**
   * Addresses or CIDRs (IPv4, IPv6) of the reverse proxies in front of us, comma-separated; only
   * from them is `X-Forwarded-For` believed. Default: none (the socket's address is the client).
   */
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default('')
    .transform((value, context) => {
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0);
      const bad = entries.filter((entry) => !isAddressOrCidr(entry));
      if (bad.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `not an IPv4/IPv6 address or CIDR: ${bad.join(', ')}`,
        });
        return z.NEVER;
      }
      return entries;
    }),
  /** When set, `/metrics` wants `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(512)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
  /** When set, `/metrics` is served on this port only (on HOST), not on PORT. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Ingestion refuses events older than this many days (and older than the equipment less this). */
  INGEST_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  /** How long a request waits for a pooled connection before the database counts as unavailable. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3000),
  /** PostgreSQL `statement_timeout` of every pooled connection (0 = none). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** Pool size per instance. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  /** How long the database may stay unreachable before liveness fails (the orchestrator restarts us). */
  DB_LIVENESS_GRACE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** The roll-up worker computes at most this many hours per unit of work (one transaction). */
  ROLLUP_HOURS_PER_CHUNK: z.coerce.number().int().min(1).max(8784).default(168),
  /** A roll-up claim whose holder stopped beating its heart (once per chunk) this long ago is taken over. */
  ROLLUP_CLAIM_EXPIRY_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** After SIGTERM and the drain delay, in-flight work gets this long before the process exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

/** Rules between settings, named by the setting to change. */
const checkedSchema = envSchema.superRefine((config, context) => {
  if (config.LOGIN_BACKOFF_MAX_SECONDS < config.LOGIN_BACKOFF_BASE_SECONDS) {
    context.addIssue({
      code: 'custom',
      path: ['LOGIN_BACKOFF_MAX_SECONDS'],
      message: 'must be at least LOGIN_BACKOFF_BASE_SECONDS',
    });
  }
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT === config.PORT) {
    context.addIssue({
      code: 'custom',
      path: ['METRICS_PORT'],
      message: 'must differ from PORT (unset it to serve /metrics on PORT)',
    });
  }
});

export type AppConfig = Readonly<z.output<typeof envSchema>> & {
  readonly corsOrigins: readonly string[];
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; a bad value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const removed = Object.keys(present)
    .filter((name) => Object.hasOwn(REMOVED_SETTINGS, name))
    .map((name) => `${name}: ${REMOVED_SETTINGS[name]}`);
  const result = checkedSchema.safeParse(present);
  if (!result.success || removed.length > 0) {
    throw new ConfigError([
      ...removed,
      ...(result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    ]);
  }
  const corsOrigins = result.data.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  return { ...result.data, corsOrigins };
}
