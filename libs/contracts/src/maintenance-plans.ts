import { z } from 'zod';
import { workOrderPrioritySchema } from './maintenance.js';
import { paginationQuerySchema } from './pagination.js';
import { checkWindow, instantSchema } from './time-range.js';

const uuid = z.uuid('Must be an id (UUID)');
const note = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

// --- preventive plans ------------------------------------------------------------------------
export const CALENDAR_UNITS = ['day', 'week', 'month'] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

export const PLAN_TRIGGER_KINDS = ['calendar', 'runtime', 'parts'] as const;
export type PlanTriggerKind = (typeof PLAN_TRIGGER_KINDS)[number];

/** Every N days, weeks or months of the calendar. */
export const calendarTriggerSchema = z.strictObject({
  kind: z.literal('calendar'),
  every: z
    .number('Must be a whole number')
    .int('Must be a whole number')
    .min(1, 'Must be at least 1')
    .max(1000, 'At most 1000'),
  unit: z.enum(CALENDAR_UNITS, { message: 'Must be day, week or month' }),
});
/** Every N hours of `running` state, shift or no shift. */
export const runtimeTriggerSchema = z.strictObject({
  kind: z.literal('runtime'),
  everyHours: z
    .number('Must be a number of hours')
    .positive('Must be more than 0 hours')
    .max(100_000, 'At most 100000 hours'),
});
/** Every N parts made (good, reject and rework of the count events). */
export const partsTriggerSchema = z.strictObject({
  kind: z.literal('parts'),
  everyParts: z
    .number('Must be a whole number of parts')
    .int('Must be a whole number of parts')
    .min(1, 'Must be at least 1 part')
    .max(1_000_000_000, 'At most 1000000000'),
});
export const planTriggerSchema = z.discriminatedUnion(
  'kind',
  [calendarTriggerSchema, runtimeTriggerSchema, partsTriggerSchema],
  { message: 'kind must be calendar, runtime or parts' },
);
export type PlanTrigger = z.infer<typeof planTriggerSchema>;

const triggersSchema = z
  .array(planTriggerSchema, 'Must be a list of triggers')
  .min(1, 'Give at least one trigger')
  .max(3, 'At most one trigger of each kind')
  .superRefine((triggers, ctx) => {
    const seen = new Set<string>();
    triggers.forEach((trigger, index) => {
      if (seen.has(trigger.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'kind'],
          message: 'One trigger of each kind',
        });
      }
      seen.add(trigger.kind);
    });
  });

const leadTimeHoursSchema = z
  .number('Must be a number of hours')
  .min(0, 'Must not be negative')
  .max(24 * 366, 'At most 8784 hours (a year)');

/**
 * `POST /api/maintenance-plans`. The first trigger reached wins. `floating`: each due counts from
 * the completion of the plan's last work order (an early completion moves the next due); fixed
 * (the default): from `startAt` on the schedule. Meters count from `startAt` (default: now).
 */
export const createMaintenancePlanSchema = z.strictObject({
  equipmentId: uuid,
  title: note(200).min(1, 'Required'),
  description: note(4000).optional(),
  priority: workOrderPrioritySchema.optional(),
  startAt: instantSchema().optional(),
  floating: z.boolean('Must be true or false').optional(),
  leadTimeHours: leadTimeHoursSchema.optional(),
  triggers: triggersSchema,
});
export type CreateMaintenancePlanInput = z.infer<typeof createMaintenancePlanSchema>;

/** `PATCH /api/maintenance-plans/:id`: any of these; new triggers replace the old ones. */
export const updateMaintenancePlanSchema = z
  .strictObject({
    title: note(200).min(1, 'Required').optional(),
    description: note(4000).nullable().optional(),
    priority: workOrderPrioritySchema.optional(),
    floating: z.boolean('Must be true or false').optional(),
    leadTimeHours: leadTimeHoursSchema.optional(),
    active: z.boolean('Must be true or false').optional(),
    triggers: triggersSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, {
    message: 'Change at least one field',
    path: ['title'],
  });
export type UpdateMaintenancePlanInput = z.infer<typeof updateMaintenancePlanSchema>;

export const maintenancePlanListQuerySchema = paginationQuerySchema.extend({
  equipmentId: uuid.optional(),
  lineId: uuid.optional(),
  active: z
    .enum(['true', 'false'], { message: 'Must be true or false' })
    .transform((value) => value === 'true')
    .optional(),
});
export type MaintenancePlanListQuery = z.infer<typeof maintenancePlanListQuerySchema>;

/** What the meters read since the plan's meter origin (the start or the last occurrence). */
export const planMetersSchema = z.object({
  /** Hours in `running` state. */
  runtimeHours: z.number(),
  /** Parts made (good + reject + rework). */
  parts: z.number(),
});
export type PlanMeters = z.infer<typeof planMetersSchema>;

/** The next occurrence: each trigger's part (only those the plan has). */
export const planNextDueSchema = z.object({
  /** The calendar due, or the estimated instant a runtime meter gets there. */
  at: z.string().optional(),
  runtimeHoursLeft: z.number().optional(),
  partsLeft: z.number().optional(),
});
export type PlanNextDue = z.infer<typeof planNextDueSchema>;

const actorSchema = z.object({ id: z.string(), displayName: z.string() });

export const maintenancePlanSchema = z.object({
  id: z.string(),
  equipmentId: z.string(),
  equipmentCode: z.string(),
  equipmentName: z.string(),
  lineId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  priority: workOrderPrioritySchema,
  startAt: z.string(),
  floating: z.boolean(),
  leadTimeHours: z.number(),
  active: z.boolean(),
  triggers: z.array(planTriggerSchema),
  /** How many work orders the plan has created (the last occurrence's number). */
  occurrences: z.number().int(),
  /** The due time of the last occurrence. */
  lastDueAt: z.string().nullable(),
  /** Where the meters count from: `startAt`, the last occurrence's due, or (floating) its completion. */
  meterOriginAt: z.string(),
  /** The work order of the last occurrence, while it is not completed or cancelled. */
  openWorkOrderId: z.string().nullable(),
  nextDue: planNextDueSchema,
  meters: planMetersSchema,
  createdAt: z.string(),
  createdBy: actorSchema,
  updatedAt: z.string(),
});
export type MaintenancePlan = z.infer<typeof maintenancePlanSchema>;

// --- KPIs and overview ---------------------------------------------------------------------------
const checkSpan = checkWindow(400);

/** `GET /api/maintenance/kpis`: one equipment or one line (or, without either, every line you see). */
export const maintenanceKpiQuerySchema = z
  .strictObject({
    equipmentId: uuid.optional(),
    lineId: uuid.optional(),
    from: instantSchema(),
    to: instantSchema(),
  })
  .superRefine((value, ctx) => {
    if (value.equipmentId !== undefined && value.lineId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['lineId'],
        message: 'Give equipmentId or lineId, not both',
      });
    }
    checkSpan(value, ctx);
  });
export type MaintenanceKpiQuery = z.infer<typeof maintenanceKpiQuerySchema>;

export const maintenanceKpisSchema = z.object({
  equipmentId: z.string().nullable(),
  lineId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  /** Run time ÷ failures (machine stops), from the OEE roll-ups. Null: no failure. */
  mtbfSeconds: z.number().nullable(),
  /** Failure time ÷ failures (machine stops). */
  mttrSeconds: z.number().nullable(),
  /** Mean started → completed of the corrective work orders completed in the period. */
  workOrderMttrSeconds: z.number().nullable(),
  /** Mean created → first assigned of the work orders created in the period. */
  mttaSeconds: z.number().nullable(),
  /** SMRP 5.4.14: preventive orders due in the period completed in time ÷ those due. */
  pmCompliance: z.number().nullable(),
  /** SMRP 5.4.1: preventive + inspection labour ÷ all maintenance labour in the period. */
  plannedMaintenancePercentage: z.number().nullable(),
  /** Labour hours booked on the work orders open now. */
  backlogHours: z.number(),
  /** ISO 22400 CMR: corrective time ÷ (corrective + preventive time), labour in the period. */
  correctiveMaintenanceRatio: z.number().nullable(),
  /** The figures the ratios came from. */
  basis: z.object({
    failures: z.number(),
    runSeconds: z.number(),
    failureSeconds: z.number(),
    completedCorrective: z.number(),
    assignedWorkOrders: z.number(),
    preventiveDue: z.number(),
    preventiveCompliant: z.number(),
    labourMinutes: z.object({
      corrective: z.number(),
      preventive: z.number(),
      inspection: z.number(),
    }),
    openWorkOrders: z.number(),
  }),
});
export type MaintenanceKpis = z.infer<typeof maintenanceKpisSchema>;

export const maintenanceOverviewSchema = z.object({
  at: z.string(),
  openWorkOrders: z.number(),
  overdueWorkOrders: z.number(),
  dueInSevenDays: z.number(),
  /** Over the last 30 days. */
  mtbfSeconds: z.number().nullable(),
  mttrSeconds: z.number().nullable(),
  /** The five equipment with the most unplanned stop time in the last 30 days. */
  worstEquipment: z.array(
    z.object({
      equipmentId: z.string(),
      equipmentCode: z.string(),
      equipmentName: z.string(),
      lineId: z.string(),
      unplannedStopSeconds: z.number(),
      openWorkOrders: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          type: z.string(),
          priority: workOrderPrioritySchema,
          status: z.string(),
          title: z.string(),
          dueAt: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type MaintenanceOverview = z.infer<typeof maintenanceOverviewSchema>;
