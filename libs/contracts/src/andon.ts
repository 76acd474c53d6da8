import { z } from 'zod';
import { paginationQuerySchema } from './pagination.js';
import { checkTimeRange, checkWindow, instantSchema } from './time-range.js';
import { type Role, roleSchema } from './roles.js';

const uuid = z.uuid('Must be an id (UUID)');

// --- andon calls -----------------------------------------------------------------------------
export const ANDON_TYPES = ['maintenance', 'quality', 'material', 'safety', 'help'] as const;
export type AndonType = (typeof ANDON_TYPES)[number];
export const andonTypeSchema = z.enum(ANDON_TYPES);

/** Lowest first. */
export const ANDON_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AndonPriority = (typeof ANDON_PRIORITIES)[number];
export const andonPrioritySchema = z.enum(ANDON_PRIORITIES);

export const ANDON_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AndonStatus = (typeof ANDON_STATUSES)[number];
export const andonStatusSchema = z.enum(ANDON_STATUSES);

/** Types whose call may open a downtime record on its equipment. */
export const ANDON_DOWNTIME_TYPES: readonly AndonType[] = ['maintenance', 'quality'];

export const raiseAndonCallSchema = z
  .strictObject({
    equipmentId: uuid,
    type: andonTypeSchema,
    priority: andonPrioritySchema,
    description: z.string().trim().max(1000, 'At most 1000 characters').optional(),
    /** Maintenance and quality calls only: record the equipment as stopped from the raise on. */
    openDowntime: z.boolean().optional(),
  })
  .refine((value) => value.openDowntime !== true || ANDON_DOWNTIME_TYPES.includes(value.type), {
    message: 'Only maintenance and quality calls can open a downtime record',
    path: ['openDowntime'],
  });
export type RaiseAndonCallInput = z.infer<typeof raiseAndonCallSchema>;

export const acknowledgeAndonCallSchema = z.strictObject({});
export type AcknowledgeAndonCallInput = z.infer<typeof acknowledgeAndonCallSchema>;

export const resolveAndonCallSchema = z.strictObject({
  resolution: z.string().trim().max(2000, 'At most 2000 characters').optional(),
});
export type ResolveAndonCallInput = z.infer<typeof resolveAndonCallSchema>;

const actorSchema = z.object({ id: z.string(), displayName: z.string() });

export const andonCallSchema = z.object({
  id: z.string(),
  equipmentId: z.string(),
  equipmentCode: z.string(),
  equipmentName: z.string(),
  lineId: z.string(),
  type: andonTypeSchema,
  priority: andonPrioritySchema,
  status: andonStatusSchema,
  description: z.string().nullable(),
  resolution: z.string().nullable(),
  raisedAt: z.string(),
  raisedBy: actorSchema,
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: actorSchema.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: actorSchema.nullable(),
  /** Highest escalation level fired so far; 0 when none. */
  escalationLevel: z.number().int(),
  escalatedAt: z.string().nullable(),
  /** Seconds from raise to acknowledgement, and from raise to resolution. */
  responseSeconds: z.number().nullable(),
  resolutionSeconds: z.number().nullable(),
  /** The machine event that recorded the equipment as stopped, when the call opened downtime. */
  downtimeEventId: z.string().nullable(),
  /** Set by the work-order module when it opens a work order from this call. */
  workOrderId: z.string().nullable(),
});
export type AndonCall = z.infer<typeof andonCallSchema>;

/** `status=open` or a comma-separated list (`status=open,acknowledged`). */
const statusFilterSchema = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(z.array(andonStatusSchema).min(1));

export const andonListQuerySchema = paginationQuerySchema
  .extend({
    status: statusFilterSchema.optional(),
    lineId: uuid.optional(),
    equipmentId: uuid.optional(),
    type: andonTypeSchema.optional(),
    priority: andonPrioritySchema.optional(),
    from: instantSchema().optional(),
    to: instantSchema().optional(),
    /** `raised` (newest first, the history) or `urgency` (priority, then oldest first: the board). */
    sort: z.enum(['raised', 'urgency']).default('raised'),
  })
  .superRefine(checkTimeRange({ start: 'from', end: 'to', allowEmpty: true }));
export type AndonListQuery = z.infer<typeof andonListQuerySchema>;
export type AndonListFilters = Partial<z.input<typeof andonListQuerySchema>>;

// --- escalation policies ---------------------------------------------------------------------
export const ESCALATION_CONDITIONS = ['unacknowledged', 'unresolved'] as const;
export type EscalationCondition = (typeof ESCALATION_CONDITIONS)[number];

export const escalationLevelSchema = z.strictObject({
  afterMinutes: z.number().int('Whole minutes').min(1).max(10_080),
  condition: z.enum(ESCALATION_CONDITIONS),
  notifyRoles: z.array(roleSchema).min(1, 'Name at least one role').max(8),
});
export type EscalationLevelInput = z.infer<typeof escalationLevelSchema>;

const policyName = z.string().trim().min(1, 'Required').max(160, 'At most 160 characters');

/**
 * Call priorities from which a maintenance call under the policy opens a corrective work order by
 * itself (the lowest such priority; `null`: never).
 */
export const ANDON_WORK_ORDER_PRIORITIES = ['high', 'critical'] as const;
export type AndonWorkOrderPriority = (typeof ANDON_WORK_ORDER_PRIORITIES)[number];
export const andonWorkOrderPrioritySchema = z.enum(ANDON_WORK_ORDER_PRIORITIES);

/** Only a policy that can govern maintenance calls (of that type or of every type) opens orders. */
export const OPEN_WORK_ORDER_TYPE_MESSAGE =
  'Only a policy for maintenance calls (or for every type) can open work orders';

export const createAndonPolicySchema = z
  .strictObject({
    name: policyName,
    priority: andonPrioritySchema,
    type: andonTypeSchema.nullable().optional(),
    lineId: uuid.nullable().optional(),
    enabled: z.boolean().default(true),
    levels: z.array(escalationLevelSchema).min(1, 'At least one level').max(10),
    openWorkOrderAt: andonWorkOrderPrioritySchema.nullable().default(null),
  })
  .refine(
    (value) => value.openWorkOrderAt === null || value.type == null || value.type === 'maintenance',
    { message: OPEN_WORK_ORDER_TYPE_MESSAGE, path: ['openWorkOrderAt'] },
  );
export type CreateAndonPolicyInput = z.infer<typeof createAndonPolicySchema>;

export const updateAndonPolicySchema = z.strictObject({
  name: policyName.optional(),
  priority: andonPrioritySchema.optional(),
  type: andonTypeSchema.nullable().optional(),
  lineId: uuid.nullable().optional(),
  enabled: z.boolean().optional(),
  levels: z.array(escalationLevelSchema).min(1, 'At least one level').max(10).optional(),
  openWorkOrderAt: andonWorkOrderPrioritySchema.nullable().optional(),
});
export type UpdateAndonPolicyInput = z.infer<typeof updateAndonPolicySchema>;

export const andonPolicySchema = z.object({
  id: z.string(),
  name: z.string(),
  priority: andonPrioritySchema,
  type: andonTypeSchema.nullable(),
  lineId: z.string().nullable(),
  enabled: z.boolean(),
  /** Level n is `levels[n - 1]`. */
  levels: z.array(
    z.object({
      level: z.number().int(),
      afterMinutes: z.number().int(),
      condition: z.enum(ESCALATION_CONDITIONS),
      notifyRoles: z.array(roleSchema),
    }),
  ),
  /** A maintenance call of this priority or higher opens a corrective work order; null: never. */
  openWorkOrderAt: andonWorkOrderPrioritySchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AndonPolicy = z.infer<typeof andonPolicySchema>;

export const andonPolicyListQuerySchema = paginationQuerySchema;

// --- line visibility -------------------------------------------------------------------------
/** `PUT /api/users/:id/lines`: an empty list means every line. */
export const setUserLinesSchema = z.strictObject({
  lineIds: z.array(uuid).max(500),
});
export type SetUserLinesInput = z.infer<typeof setUserLinesSchema>;
export const userLinesSchema = z.object({
  userId: z.string(),
  /** Empty: the user sees every line. */
  lineIds: z.array(z.string()),
});
export type UserLines = z.infer<typeof userLinesSchema>;

// --- insights --------------------------------------------------------------------------------
export const ANDON_INSIGHTS_MAX_DAYS = 366;
export const andonInsightsQuerySchema = z
  .strictObject({
    from: instantSchema(),
    to: instantSchema(),
    lineId: uuid.optional(),
  })
  .superRefine(checkWindow(ANDON_INSIGHTS_MAX_DAYS));
export type AndonInsightsQuery = z.infer<typeof andonInsightsQuerySchema>;

const responseStatsSchema = z.object({
  key: z.string(),
  calls: z.number().int(),
  /** Mean seconds from raise to acknowledgement / resolution over the calls that got there. */
  meanSecondsToAcknowledge: z.number().nullable(),
  meanSecondsToResolve: z.number().nullable(),
});
export type AndonResponseStats = z.infer<typeof responseStatsSchema>;

export const andonInsightsSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byType: z.array(responseStatsSchema),
  byLine: z.array(responseStatsSchema),
  byPriority: z.array(responseStatsSchema),
  /** 24 entries, hour 0–23 (UTC) of the raise. */
  byHourOfDay: z.array(z.object({ hour: z.number().int(), calls: z.number().int() })),
  topEquipment: z.array(
    z.object({
      equipmentId: z.string(),
      code: z.string(),
      name: z.string(),
      calls: z.number().int(),
    }),
  ),
});
export type AndonInsights = z.infer<typeof andonInsightsSchema>;

// --- realtime --------------------------------------------------------------------------------
/** What every `andon.call.*` event carries: enough to invalidate the right queries. */
export interface AndonCallEventPayload {
  id: string;
  lineId: string;
  equipmentId: string;
  at: string;
  status: AndonStatus;
  priority: AndonPriority;
  type: AndonType;
  /** Delivery sequence: a reconnecting client sends the last one it saw to get what it missed. */
  seq: number;
}

export interface AndonCallEscalatedPayload extends AndonCallEventPayload {
  level: number;
  condition: EscalationCondition;
  notifyRoles: Role[];
}
