import { z } from 'zod';
import { calendarDateSchema } from './time-range.js';

const uuid = z.uuid('Must be an id (UUID)');

/**
 * Which shift occurrence of a line: `shiftId` and `date` (the local date the occurrence starts
 * on) together, or neither for the default (the board: the occurrence running now, else the last
 * one that ended; the handover draft: the latest one that began). Used by
 * `GET /api/lines/:id/hour-by-hour` and `GET /api/lines/:id/handover-draft`.
 */
export const shiftOccurrenceQuerySchema = z
  .strictObject({
    shiftId: uuid.optional(),
    date: calendarDateSchema().optional(),
  })
  .refine((value) => (value.shiftId === undefined) === (value.date === undefined), {
    message: 'Give shiftId and date together',
    path: ['date'],
  });
export type ShiftOccurrenceQuery = z.infer<typeof shiftOccurrenceQuerySchema>;

/** One shift occurrence as the board and the handover name it. */
export const shiftOccurrenceRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  date: z.string(),
  timezone: z.string(),
});

export const hourByHourQuerySchema = shiftOccurrenceQuerySchema;
export type HourByHourQuery = z.infer<typeof hourByHourQuerySchema>;

export const hourLossSchema = z.object({
  /** The downtime reason code, or `UNASSIGNED` for stops nobody has given a reason yet. */
  reasonCode: z.string(),
  reasonName: z.string(),
  seconds: z.number(),
});
export type HourLoss = z.infer<typeof hourLossSchema>;

export const hourByHourRowSchema = z.object({
  /** The clock hour, clipped to the shift: half-open `[start, end)`. */
  start: z.string(),
  end: z.string(),
  /**
   * Seconds of this hour in which production was planned: shift time inside an order's window,
   * minus breaks and planned stops (of the line, or of its output equipment).
   */
  plannedSeconds: z.number(),
  /** Whole parts due this hour: `floor(cumulative due at end) − floor(cumulative due at start)`. */
  target: z.number().int(),
  /** Good parts counted at the line's output. */
  actualGood: z.number().int(),
  actualReject: z.number().int(),
  cumulativeTarget: z.number().int(),
  cumulativeActual: z.number().int(),
  /** `cumulativeActual − cumulativeTarget`: negative means behind. */
  cumulativeGap: z.number().int(),
  /** The orders (and products) planned in this hour. */
  orders: z.array(
    z.object({
      id: z.string(),
      reference: z.string().nullable(),
      productCode: z.string(),
      idealCycleTimeSeconds: z.number(),
    }),
  ),
  /** `past`: the hour has ended; `current`: it is running now; `future`: not begun. */
  phase: z.enum(['past', 'current', 'future']),
  /** A past hour whose good count fell short of its target. */
  short: z.boolean(),
  /**
   * For a short hour: the reason with the most unplanned stop time on the line's equipment that
   * hour (stops of at least the micro-stop threshold, inside shift time less breaks and planned
   * stops; reasons marked planned do not count). Null when no such stop explains the hour.
   */
  topLoss: hourLossSchema.nullable(),
});
export type HourByHourRow = z.infer<typeof hourByHourRowSchema>;

export const hourByHourSchema = z.object({
  lineId: z.string(),
  lineCode: z.string(),
  /** The equipment whose good count is the line's output, or null: the sum over the line's equipment. */
  outputEquipmentId: z.string().nullable(),
  shift: shiftOccurrenceRefSchema.nullable(),
  from: z.string(),
  to: z.string(),
  hours: z.array(hourByHourRowSchema),
  /** The whole occurrence: `target` is the shift's full target, `gap = actualGood − target`. */
  totals: z.object({
    plannedSeconds: z.number(),
    /** The whole shift's target. */
    target: z.number().int(),
    actualGood: z.number().int(),
    actualReject: z.number().int(),
    /** `actualGood − target`: only a verdict once the shift is over. */
    gap: z.number().int(),
    /** Whole parts due from the shift's start up to now (or its end): where the line should be. */
    targetSoFar: z.number().int(),
    /** `actualGood − targetSoFar`: negative means behind right now. */
    gapSoFar: z.number().int(),
  }),
  generatedAt: z.string(),
});
export type HourByHour = z.infer<typeof hourByHourSchema>;
