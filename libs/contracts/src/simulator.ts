import { z } from 'zod';
import { paginationQuerySchema } from './pagination.js';

const uuid = z.uuid('Must be an id (UUID)');

export const SIMULATOR_STATUSES = ['running', 'paused', 'stopped'] as const;
export type SimulatorStatus = (typeof SIMULATOR_STATUSES)[number];
export const simulatorStatusSchema = z.enum(SIMULATOR_STATUSES);

/** The control actions of `POST /api/simulator/<action>`. */
export const SIMULATOR_ACTIONS = ['start', 'stop', 'pause', 'resume'] as const;
export type SimulatorAction = (typeof SIMULATOR_ACTIONS)[number];

export const SIMULATOR_MAX_SEED = 4_294_967_295;
export const SIMULATOR_MAX_SPEED = 3600;

const seedSchema = z
  .number('Must be a whole number')
  .int('Must be a whole number')
  .min(0, 'Must be 0 or more')
  .max(SIMULATOR_MAX_SEED, `At most ${SIMULATOR_MAX_SEED}`);

/**
 * `POST /api/simulator/start`. `speed` is simulated seconds per real second: failures, repairs,
 * micro-stops, changeovers and andon calls come `speed` times as often (default 1, the live demo).
 */
export const startSimulatorSchema = z.strictObject({
  seed: seedSchema.optional(),
  speed: z
    .number('Must be a number')
    .min(0.1, 'At least 0.1')
    .max(SIMULATOR_MAX_SPEED, `At most ${SIMULATOR_MAX_SPEED}`)
    .optional(),
  lineIds: z.array(uuid).min(1, 'Name at least one line, or leave it out').max(200).optional(),
});
export type StartSimulatorInput = z.infer<typeof startSimulatorSchema>;

const actorSchema = z.object({ id: z.string(), username: z.string() });

export const simulatorRunSchema = z.object({
  id: z.string(),
  seed: z.number().int(),
  speed: z.number(),
  /** The lines driven; empty: every line. */
  lineIds: z.array(z.string()),
  status: simulatorStatusSchema,
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  startedBy: actorSchema.nullable(),
  eventsSent: z.number().int(),
  andonCalls: z.number().int(),
});
export type SimulatorRun = z.infer<typeof simulatorRunSchema>;

/** `GET /api/simulator` and the answer of every control action. */
export const simulatorStateSchema = z.object({
  status: simulatorStatusSchema,
  /** The current run (running or paused); null when stopped. */
  run: simulatorRunSchema.nullable(),
  /** Whether some API instance holds the simulator's lock and drives the run. */
  driving: z.boolean(),
});
export type SimulatorState = z.infer<typeof simulatorStateSchema>;

export const simulatorRunsQuerySchema = paginationQuerySchema;
export type SimulatorRunsQuery = z.infer<typeof simulatorRunsQuerySchema>;

export const SIMULATOR_MAX_BACKFILL_DAYS = 90;

/** `POST /api/simulator/backfill`: N days of history up to now, through the ingestion route. */
export const backfillSimulatorSchema = z.strictObject({
  days: z
    .number('Must be a number of days')
    .int('Whole days')
    .min(1, 'At least 1')
    .max(SIMULATOR_MAX_BACKFILL_DAYS, `At most ${SIMULATOR_MAX_BACKFILL_DAYS}`),
  seed: seedSchema.optional(),
  lineIds: z.array(uuid).min(1).max(200).optional(),
});
export type BackfillSimulatorInput = z.infer<typeof backfillSimulatorSchema>;

export const backfillResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  seed: z.number().int(),
  batches: z.number().int(),
  events: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  /** Events whose (equipmentId, eventId) was stored with another payload: not stored. */
  conflicts: z.number().int(),
  durationMs: z.number(),
});
export type BackfillResult = z.infer<typeof backfillResultSchema>;
