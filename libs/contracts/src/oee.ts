import { z } from 'zod';
import { checkWindow, instantSchema } from './time-range.js';

const instant = instantSchema();

const scope = {
  equipmentId: z.uuid('Must be an equipment id').optional(),
  lineId: z.uuid('Must be a line id').optional(),
  from: instant,
  to: instant,
};

const MAX_WINDOW_DAYS = 400;
const checkSpan = checkWindow(MAX_WINDOW_DAYS);

function checkScope(
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

/** `GET /api/oee?equipmentId=…|lineId=…&from=…&to=…` */
export const oeeQuerySchema = z.strictObject(scope).superRefine(checkScope);
export type OeeQuery = z.infer<typeof oeeQuerySchema>;

export const OEE_BUCKETS = ['hour', 'shift', 'day'] as const;

/** `GET /api/oee/series?…&bucket=hour|shift|day&timezone=…` */
export const oeeSeriesQuerySchema = z
  .strictObject({
    ...scope,
    bucket: z.enum(OEE_BUCKETS).default('hour'),
    timezone: z
      .string()
      .default('UTC')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'Unknown time zone'),
  })
  .superRefine(checkScope);
export type OeeSeriesQuery = z.infer<typeof oeeSeriesQuerySchema>;

const fraction = z.number().nullable();

export const oeeReportSchema = z.object({
  equipmentId: z.string().nullable(),
  lineId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  availability: fraction,
  performance: fraction,
  quality: fraction,
  oee: fraction,
  plannedProductionSeconds: z.number(),
  runSeconds: z.number(),
  totalCount: z.number(),
  goodCount: z.number(),
  rejectCount: z.number(),
  times: z.object({
    calendarSeconds: z.number(),
    plannedOperationSeconds: z.number(),
    plannedDowntimeSeconds: z.number(),
    plannedBusySeconds: z.number(),
    runSeconds: z.number(),
    setupSeconds: z.number(),
    downSeconds: z.number(),
    unknownSeconds: z.number(),
    minorStopSeconds: z.number(),
    idealSeconds: z.number(),
    fullyProductiveSeconds: z.number(),
    failureSeconds: z.number(),
  }),
  counts: z.object({
    total: z.number(),
    good: z.number(),
    reject: z.number(),
    rework: z.number(),
    failures: z.number(),
  }),
  kpis: z.object({
    availability: fraction,
    performance: fraction,
    quality: fraction,
    oee: fraction,
    nee: fraction,
    teep: fraction,
    loading: fraction,
    technicalEfficiency: fraction,
    setupRatio: fraction,
    allocationEfficiency: fraction,
    scrapRatio: fraction,
    reworkRatio: fraction,
    firstPassYield: fraction,
    mtbfSeconds: fraction,
    mttrSeconds: fraction,
  }),
  losses: z.object({
    seconds: z.object({
      breakdowns: z.number(),
      setupAndAdjustments: z.number(),
      minorStops: z.number(),
      reducedSpeed: z.number(),
      rejectsAndRework: z.number(),
      unaccounted: z.number(),
    }),
    fractions: z.object({
      breakdowns: fraction,
      setupAndAdjustments: fraction,
      minorStops: fraction,
      reducedSpeed: fraction,
      rejectsAndRework: fraction,
      unaccounted: fraction,
      fullyProductive: fraction,
    }),
  }),
  flags: z.object({
    performanceAboveOne: z.boolean(),
    oeeAboveOne: z.boolean(),
    hasUnknownTime: z.boolean(),
    timesInconsistent: z.boolean(),
    /** Parts counted that were made outside planned busy time (0 when none); never dropped. */
    countsOutsidePlannedTime: z.number().int().min(0),
  }),
  explanation: z.object({
    plannedProduction: z.string(),
    availability: z.string(),
    performance: z.string(),
    quality: z.string(),
    oee: z.string(),
  }),
});
export type OeeReport = z.infer<typeof oeeReportSchema>;

/** One bucket of a series: the factors and the times and counts behind them (for the full
 *  breakdown of a bucket, ask `GET /api/oee` for its window). */
export const oeeSeriesPointSchema = z.object({
  label: z.string(),
  from: z.string(),
  to: z.string(),
  availability: fraction,
  performance: fraction,
  quality: fraction,
  oee: fraction,
  performanceAboveOne: z.boolean(),
  plannedProductionSeconds: z.number(),
  runSeconds: z.number(),
  totalCount: z.number(),
  goodCount: z.number(),
  rejectCount: z.number(),
});
export type OeeSeriesPoint = z.infer<typeof oeeSeriesPointSchema>;

export const oeeSeriesReportSchema = z.object({
  equipmentId: z.string().nullable(),
  lineId: z.string().nullable(),
  bucket: z.enum(OEE_BUCKETS),
  from: z.string(),
  to: z.string(),
  points: z.array(oeeSeriesPointSchema),
});
export type OeeSeriesReport = z.infer<typeof oeeSeriesReportSchema>;

/** `GET /api/overview`: every line and equipment with its live state and current-shift OEE. */
export const overviewQuerySchema = z.strictObject({
  lineId: z.uuid('Must be a line id').optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

const kpiSummary = z.object({
  availability: fraction,
  performance: fraction,
  quality: fraction,
  oee: fraction,
  performanceAboveOne: z.boolean(),
  goodCount: z.number(),
  rejectCount: z.number(),
  plannedProductionSeconds: z.number(),
});

export const overviewSchema = z.object({
  at: z.string(),
  lines: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      /** The window the OEE covers: the shift going on now, else the last one, else the last 8 hours. */
      window: z.object({ from: z.string(), to: z.string(), label: z.string() }),
      oee: kpiSummary,
      equipment: z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
          state: z.enum(['running', 'idle', 'stopped', 'changeover', 'planned_stop', 'unknown']),
          stateSince: z.string().nullable(),
          reasonCode: z.string().nullable(),
          reasonName: z.string().nullable(),
          oee: kpiSummary,
        }),
      ),
    }),
  ),
});
export type Overview = z.infer<typeof overviewSchema>;

/** `GET /api/oee/lines?from=…&to=…`: every line's OEE over the window, and the plant's. */
export const oeeLinesQuerySchema = z
  .strictObject({ from: instant, to: instant })
  .superRefine(checkSpan);
export type OeeLinesQuery = z.infer<typeof oeeLinesQuerySchema>;

export const oeeLinesReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  plant: oeeReportSchema,
  lines: z.array(oeeReportSchema.extend({ lineCode: z.string(), lineName: z.string() })),
});
export type OeeLinesReport = z.infer<typeof oeeLinesReportSchema>;

export const rollupStatusSchema = z.object({
  queuedEquipment: z.number(),
  oldestQueuedSince: z.string().nullable(),
  storedHours: z.number(),
  lastComputedAt: z.string().nullable(),
});
export type RollupStatus = z.infer<typeof rollupStatusSchema>;
