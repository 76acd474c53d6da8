import { z } from 'zod';

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

export const ingestResultSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;
