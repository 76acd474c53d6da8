import { z } from 'zod';
import { errorBodySchema } from './errors.js';

export const MACHINE_STATES = ['running', 'idle', 'stopped', 'changeover', 'planned_stop'] as const;
export type MachineState = (typeof MACHINE_STATES)[number];

export const MAX_INGEST_BATCH = 1000;
/** Events may not claim to come from further in the future than this (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

const eventBase = {
  eventId: z.string().min(1, 'Required').max(128, 'At most 128 characters'),
  equipmentId: z.uuid('Must be an equipment id (UUID)'),
  ts: z.iso
    .datetime({ offset: true, message: 'Must be an ISO 8601 time with an offset' })
    .refine(
      (value) => Date.parse(value) <= Date.now() + MAX_FUTURE_SKEW_MS,
      'Is too far in the future',
    ),
};

export const stateEventSchema = z.strictObject({
  ...eventBase,
  type: z.literal('state'),
  state: z.enum(MACHINE_STATES),
  reasonCode: z.string().trim().min(1).max(64).optional(),
});

export const countEventSchema = z.strictObject({
  ...eventBase,
  type: z.literal('count'),
  good: z.number().int('Must be a whole number').min(0, 'Must be 0 or more').max(1_000_000),
  reject: z.number().int('Must be a whole number').min(0, 'Must be 0 or more').max(1_000_000),
});

export const machineEventSchema = z.discriminatedUnion('type', [
  stateEventSchema,
  countEventSchema,
]);
export type MachineEventInput = z.infer<typeof machineEventSchema>;
export type StateEventInput = z.infer<typeof stateEventSchema>;
export type CountEventInput = z.infer<typeof countEventSchema>;

export const ingestBatchSchema = z.strictObject({
  events: z
    .array(machineEventSchema)
    .min(1, 'At least one event')
    .max(MAX_INGEST_BATCH, `At most ${MAX_INGEST_BATCH} events per batch`),
});
export type IngestBatchInput = z.infer<typeof ingestBatchSchema>;

/**
 * An event whose `(equipmentId, eventId)` is already stored (or came earlier in the same batch)
 * with a different payload: not stored, and named by its position in the batch.
 */
export const ingestConflictSchema = z.object({
  index: z.number().int(),
  eventId: z.string(),
});
export type IngestConflict = z.infer<typeof ingestConflictSchema>;

/**
 * The answer to a batch. Idempotency is per equipment: `duplicates` are events whose
 * `(equipmentId, eventId)` is stored with the same payload (nothing changes); `conflicts` are
 * those stored with a different one (nothing changes either, but the sender must look).
 */
export const ingestResultSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  conflicts: z.array(ingestConflictSchema),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

/** The `409` body when every event of the batch conflicts: an error body with the result in it. */
export const ingestConflictBodySchema = errorBodySchema.extend(ingestResultSchema.shape);
export type IngestConflictBody = z.infer<typeof ingestConflictBodySchema>;
