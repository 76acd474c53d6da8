import { z } from 'zod';
import { paginationQuerySchema } from './pagination.js';
import { checkWindow, instantSchema } from './time-range.js';

const instant = instantSchema();

const checkSpan = checkWindow(400);

function oneScope(
  value: { equipmentId?: string; lineId?: string; from: string; to: string },
  ctx: z.RefinementCtx,
) {
  if ((value.equipmentId === undefined) === (value.lineId === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['equipmentId'],
      message: 'Give either equipmentId or lineId',
    });
  }
  checkSpan(value, ctx);
}

const scope = {
  equipmentId: z.uuid('Must be an equipment id').optional(),
  lineId: z.uuid('Must be a line id').optional(),
  from: instant,
  to: instant,
};

/** `GET /api/downtime`: the stops (stopped or idle stretches) that overlap the window, newest first. */
export const downtimeListQuerySchema = paginationQuerySchema
  .extend({
    ...scope,
    /** Only stops at least as long as the micro-stop threshold that have no reason yet. */
    unassigned: z
      .enum(['true', 'false'], { message: 'Must be true or false' })
      .transform((value) => value === 'true')
      .optional(),
  })
  .superRefine(oneScope);
export type DowntimeListQuery = z.infer<typeof downtimeListQuerySchema>;

export const REASON_SOURCES = ['machine', 'operator'] as const;

export const downtimeStopSchema = z.object({
  /**
   * The machine event that began the stop: `downtimeEventId` of `POST /api/work-orders` turns the
   * stop into a work order. Always sent by the API (optional for older clients' fixtures).
   */
  downtimeEventId: z.string().optional(),
  equipmentId: z.string(),
  equipmentCode: z.string(),
  lineId: z.string(),
  state: z.enum(['stopped', 'idle']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number(),
  microStop: z.boolean(),
  reasonCode: z.string().nullable(),
  reasonName: z.string().nullable(),
  reasonSource: z.enum(REASON_SOURCES).nullable(),
  assignedBy: z.string().nullable(),
  assignedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type DowntimeStop = z.infer<typeof downtimeStopSchema>;

/** `PUT /api/downtime/reason`: say (or correct) why a machine stopped. */
export const assignDowntimeReasonSchema = z.strictObject({
  equipmentId: z.uuid('Must be an equipment id'),
  startedAt: instant,
  reasonCode: z.string().trim().min(1, 'Required').max(64),
  comment: z.string().trim().max(500).optional(),
});
export type AssignDowntimeReasonInput = z.infer<typeof assignDowntimeReasonSchema>;

/** `GET /api/downtime/pareto`: lost planned time by reason. */
export const downtimeParetoQuerySchema = z.strictObject(scope).superRefine(oneScope);
export type DowntimeParetoQuery = z.infer<typeof downtimeParetoQuerySchema>;

export const downtimeParetoSchema = z.object({
  from: z.string(),
  to: z.string(),
  totalSeconds: z.number(),
  items: z.array(
    z.object({
      reasonCode: z.string().nullable(),
      reasonName: z.string(),
      category: z.string().nullable(),
      seconds: z.number(),
      stops: z.number(),
      share: z.number(),
      cumulativeShare: z.number(),
    }),
  ),
});
export type DowntimePareto = z.infer<typeof downtimeParetoSchema>;

/** `GET /api/downtime/reliability`: MTBF and MTTR per equipment from real stops. */
export const reliabilityReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      equipmentId: z.string(),
      equipmentCode: z.string(),
      failures: z.number(),
      runSeconds: z.number(),
      failureSeconds: z.number(),
      mtbfSeconds: z.number().nullable(),
      mttrSeconds: z.number().nullable(),
    }),
  ),
});
export type ReliabilityReport = z.infer<typeof reliabilityReportSchema>;
