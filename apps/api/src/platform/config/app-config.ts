import { z } from 'zod';

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
  LOGIN_MAX_FAILURES_PER_USERNAME: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
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
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const corsOrigins = result.data.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  return { ...result.data, corsOrigins };
}
