import { z } from 'zod';
import { calendarDateSchema } from './time-range.js';
import { andonPrioritySchema, andonStatusSchema, andonTypeSchema } from './andon.js';
import { paginationQuerySchema } from './pagination.js';
import { shiftOccurrenceQuerySchema, shiftOccurrenceRefSchema } from './hour-by-hour.js';
import {
  workOrderPrioritySchema,
  workOrderStatusSchema,
  workOrderTypeSchema,
} from './maintenance.js';
import { productionOrderStatusSchema } from './production.js';

const uuid = z.uuid('Must be an id (UUID)');
const notes = z.string().trim().max(4000, 'At most 4000 characters');

/**
 * Which shift occurrence of the line: `shiftId` + `date`, or (both left out) of those that began,
 * the one whose end is nearest to now (the shift being handed over: at 14:05 the one that ended at
 * 14:00, at 13:30 the one ending at 14:00).
 */
export const handoverDraftQuerySchema = shiftOccurrenceQuerySchema;
export type HandoverDraftQuery = z.infer<typeof handoverDraftQuerySchema>;

/** What the outgoing shift hands over, computed by the server from the shift's data. */
export const handoverSummarySchema = z.object({
  /**
   * `target`: whole parts due up to the summary time (the whole shift's once it is over), so a
   * handover written at 13:30 of a 14:00 shift is not "behind" by the last half hour;
   * `shiftTarget`: the whole shift's; `gap = actualGood − target`.
   */
  output: z.object({
    target: z.number().int(),
    shiftTarget: z.number().int(),
    actualGood: z.number().int(),
    actualReject: z.number().int(),
    gap: z.number().int(),
  }),
  /** Line OEE over the shift (up to now while it runs); null factors when nothing was planned. */
  oee: z.object({
    availability: z.number().nullable(),
    performance: z.number().nullable(),
    quality: z.number().nullable(),
    oee: z.number().nullable(),
  }),
  /**
   * The largest unplanned losses of the shift from the downtime Pareto, most time first (at most
   * five): stop reasons (reasons marked planned left out), micro-stops, changeovers and time
   * without machine data, which have no reason code.
   */
  topLosses: z.array(
    z.object({
      reasonCode: z.string().nullable(),
      reasonName: z.string(),
      seconds: z.number(),
      stops: z.number().int(),
    }),
  ),
  /** Andon calls of the line raised and not resolved at the time of the summary, oldest first. */
  openAndonCalls: z.array(
    z.object({
      id: z.string(),
      equipmentCode: z.string(),
      type: andonTypeSchema,
      priority: andonPrioritySchema,
      status: andonStatusSchema,
      raisedAt: z.string(),
      description: z.string().nullable(),
    }),
  ),
  /** Orders of the line still to finish: running, released, or planned to start within 24 h of the summary. */
  openOrders: z.array(
    z.object({
      id: z.string(),
      reference: z.string().nullable(),
      productCode: z.string(),
      status: productionOrderStatusSchema,
      quantity: z.number().int(),
      plannedEnd: z.string(),
    }),
  ),
  /**
   * The line's work orders open at the summary's time (created, neither completed nor cancelled
   * yet), oldest first, with the status they had then. Nullable for summaries stored before the
   * maintenance module existed (their `null` is kept as written, never a made-up empty list).
   */
  openWorkOrders: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        number: z.string(),
        equipmentCode: z.string(),
        type: workOrderTypeSchema,
        priority: workOrderPrioritySchema,
        status: workOrderStatusSchema,
        createdAt: z.string(),
      }),
    )
    .nullable(),
});
export type HandoverSummary = z.infer<typeof handoverSummarySchema>;

export const handoverDraftSchema = z.object({
  lineId: z.string(),
  lineCode: z.string(),
  shift: shiftOccurrenceRefSchema,
  from: z.string(),
  to: z.string(),
  summary: handoverSummarySchema,
  /** The handover already written for this occurrence, if any. */
  existingHandoverId: z.string().nullable(),
  generatedAt: z.string(),
});
export type HandoverDraft = z.infer<typeof handoverDraftSchema>;

/** The outgoing manager writes the handover; the server computes and freezes the summary. */
export const createHandoverSchema = z
  .strictObject({
    lineId: uuid,
    shiftId: uuid.optional(),
    date: calendarDateSchema().optional(),
    notes: notes.default(''),
  })
  .refine((value) => (value.shiftId === undefined) === (value.date === undefined), {
    message: 'Give shiftId and date together',
    path: ['date'],
  });
export type CreateHandoverInput = z.infer<typeof createHandoverSchema>;

/** The incoming manager (not the author) acknowledges, once. */
export const acknowledgeHandoverSchema = z.strictObject({
  note: notes.optional(),
});
export type AcknowledgeHandoverInput = z.infer<typeof acknowledgeHandoverSchema>;

const actorSchema = z.object({ id: z.string(), displayName: z.string() });

export const handoverSchema = z.object({
  id: z.string(),
  lineId: z.string(),
  lineCode: z.string(),
  /** `id` is null once the shift itself was deleted; its name and time zone are kept. */
  shift: z.object({
    id: z.string().nullable(),
    name: z.string(),
    date: z.string(),
    timezone: z.string(),
  }),
  from: z.string(),
  to: z.string(),
  summary: handoverSummarySchema,
  notes: z.string(),
  createdBy: actorSchema,
  createdAt: z.string(),
  acknowledgedBy: actorSchema.nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const handoverListQuerySchema = paginationQuerySchema.extend({
  lineId: uuid.optional(),
  status: z.enum(['open', 'acknowledged', 'all']).default('all'),
});
export type HandoverListQuery = z.infer<typeof handoverListQuerySchema>;
