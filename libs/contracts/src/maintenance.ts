import { z } from 'zod';
import { andonPrioritySchema, andonStatusSchema, andonTypeSchema } from './andon.js';
import { paginationQuerySchema } from './pagination.js';
import { roleSchema } from './roles.js';
import { instantSchema } from './time-range.js';

const uuid = z.uuid('Must be an id (UUID)');
const note = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const required = (max: number) => note(max).min(1, 'Required');

// --- work orders -----------------------------------------------------------------------------
export const WORK_ORDER_TYPES = ['corrective', 'preventive', 'inspection'] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];
export const workOrderTypeSchema = z.enum(WORK_ORDER_TYPES);

/** Lowest first, as andon priorities. */
export const WORK_ORDER_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];
export const workOrderPrioritySchema = z.enum(WORK_ORDER_PRIORITIES);

/** `open → assigned → in_progress ⇄ on_hold → completed`; `cancelled` from any but completed. */
export const WORK_ORDER_STATUSES = [
  'open',
  'assigned',
  'in_progress',
  'on_hold',
  'completed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const workOrderStatusSchema = z.enum(WORK_ORDER_STATUSES);

/** The lifecycle steps, as the routes name them (`POST /api/work-orders/:id/<action>`). */
export const WORK_ORDER_ACTIONS = [
  'create',
  'assign',
  'start',
  'hold',
  'resume',
  'complete',
  'cancel',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

/**
 * `POST /api/work-orders`. `andonCallId` turns a maintenance call of the equipment's line into the
 * work order (the call links back to it); `downtimeEventId` (the machine event that began a stop,
 * as the downtime list and andon calls give it) carries the stop's reason and duration.
 */
export const createWorkOrderSchema = z.strictObject({
  equipmentId: uuid,
  type: workOrderTypeSchema,
  priority: workOrderPrioritySchema,
  title: required(200),
  description: note(4000).optional(),
  dueAt: instantSchema().optional(),
  andonCallId: uuid.optional(),
  downtimeEventId: z
    .number('Must be a machine event id (a positive integer)')
    .int('Must be a machine event id (a positive integer)')
    .positive('Must be a machine event id (a positive integer)')
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
  /** A reason of the downtime reason tree; default: the linked stop's reason, if any. */
  failureReasonId: uuid.optional(),
  /** A checklist template of the equipment's line to answer while working the order. */
  checklistTemplateId: uuid.optional(),
  /** Completing needs a passed run of the checklist; default: true when a template is given. */
  checklistRequired: z.boolean('Must be true or false').optional(),
});
export type CreateWorkOrderInput = z.infer<typeof createWorkOrderSchema>;

export const assignWorkOrderSchema = z.strictObject({
  assigneeIds: z
    .array(uuid)
    .min(1, 'Name at least one assignee')
    .max(20, 'At most 20 assignees')
    .refine((ids) => new Set(ids).size === ids.length, 'Each assignee once'),
});
export type AssignWorkOrderInput = z.infer<typeof assignWorkOrderSchema>;

export const startWorkOrderSchema = z.strictObject({});
export type StartWorkOrderInput = z.infer<typeof startWorkOrderSchema>;

export const holdWorkOrderSchema = z.strictObject({ reason: required(1000) });
export type HoldWorkOrderInput = z.infer<typeof holdWorkOrderSchema>;

export const resumeWorkOrderSchema = z.strictObject({});
export type ResumeWorkOrderInput = z.infer<typeof resumeWorkOrderSchema>;

export const completeWorkOrderSchema = z.strictObject({
  cause: note(4000).optional(),
  remedy: note(4000).optional(),
  /** The failure reason found, from the downtime reason tree (replaces the one carried so far). */
  failureReasonId: uuid.optional(),
});
export type CompleteWorkOrderInput = z.infer<typeof completeWorkOrderSchema>;

export const cancelWorkOrderSchema = z.strictObject({ reason: required(1000) });
export type CancelWorkOrderInput = z.infer<typeof cancelWorkOrderSchema>;

/** Minutes of work by one person from `startedAt`; `userId` defaults to the caller. */
export const addWorkOrderLabourSchema = z.strictObject({
  userId: uuid.optional(),
  startedAt: instantSchema(),
  minutes: z
    .number('Must be a number of minutes')
    .int('Whole minutes')
    .positive('Must be more than 0 minutes')
    .max(24 * 60, 'At most 1440 minutes (one day) an entry'),
});
export type AddWorkOrderLabourInput = z.infer<typeof addWorkOrderLabourSchema>;

export const addWorkOrderPartSchema = z.strictObject({
  partNumber: required(100),
  description: note(500).optional(),
  quantity: z
    .number('Must be a number')
    .positive('Must be more than 0')
    .max(1_000_000, 'At most 1000000')
    .refine((value) => Math.round(value * 1000) === value * 1000, 'At most 3 decimals'),
});
export type AddWorkOrderPartInput = z.infer<typeof addWorkOrderPartSchema>;

const statusFilterSchema = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(z.array(workOrderStatusSchema).min(1));

/** `GET /api/work-orders`: most urgent first (priority, then due date, then number). */
export const workOrderListQuerySchema = paginationQuerySchema.extend({
  /** One status or a comma-separated list (`status=assigned,in_progress`). */
  status: statusFilterSchema.optional(),
  equipmentId: uuid.optional(),
  lineId: uuid.optional(),
  type: workOrderTypeSchema.optional(),
  planId: uuid.optional(),
  andonCallId: uuid.optional(),
  /** Only work orders assigned to this user (the planner's board filter); `mine` wins. */
  assigneeId: uuid.optional(),
  /** `true`: only work orders assigned to the caller. */
  mine: z
    .enum(['true', 'false'], { message: 'Must be true or false' })
    .transform((value) => value === 'true')
    .optional(),
});
export type WorkOrderListQuery = z.infer<typeof workOrderListQuerySchema>;
export type WorkOrderListFilters = Partial<z.input<typeof workOrderListQuerySchema>>;

const actorSchema = z.object({ id: z.string(), displayName: z.string() });

export const workOrderAssigneeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  assignedAt: z.string(),
});
export type WorkOrderAssignee = z.infer<typeof workOrderAssigneeSchema>;

/** One lifecycle step, in order: `from` is null for the creation. */
export const workOrderHistoryEntrySchema = z.object({
  action: z.enum(WORK_ORDER_ACTIONS),
  from: workOrderStatusSchema.nullable(),
  to: workOrderStatusSchema,
  at: z.string(),
  by: actorSchema,
  reason: z.string().nullable(),
});
export type WorkOrderHistoryEntry = z.infer<typeof workOrderHistoryEntrySchema>;

export const workOrderLabourEntrySchema = z.object({
  id: z.string(),
  user: actorSchema,
  startedAt: z.string(),
  minutes: z.number().int(),
  recordedAt: z.string(),
  recordedBy: actorSchema,
});
export type WorkOrderLabourEntry = z.infer<typeof workOrderLabourEntrySchema>;

export const workOrderPartSchema = z.object({
  id: z.string(),
  partNumber: z.string(),
  description: z.string().nullable(),
  quantity: z.number(),
  recordedAt: z.string(),
  recordedBy: actorSchema,
});
export type WorkOrderPart = z.infer<typeof workOrderPartSchema>;

/** A stop linked to the work order (its own, or its andon call's). */
export const workOrderStopSchema = z.object({
  /** The machine event that began the stop. */
  eventId: z.string(),
  equipmentId: z.string(),
  state: z.string(),
  startedAt: z.string(),
  /** Null while the stop lasts. */
  endedAt: z.string().nullable(),
  durationSeconds: z.number(),
  reasonCode: z.string().nullable(),
  reasonName: z.string().nullable(),
  /** A stop for a reason marked planned is not counted as downtime of the work order. */
  planned: z.boolean(),
});
export type WorkOrderStop = z.infer<typeof workOrderStopSchema>;

export const workOrderAndonCallSchema = z.object({
  id: z.string(),
  type: andonTypeSchema,
  priority: andonPrioritySchema,
  status: andonStatusSchema,
  raisedAt: z.string(),
  description: z.string().nullable(),
});

/** A work order as lists show it. */
export const workOrderSummarySchema = z.object({
  id: z.string(),
  /** `WO-2026-00042`: per year, in the order of creation. */
  number: z.string(),
  type: workOrderTypeSchema,
  priority: workOrderPrioritySchema,
  status: workOrderStatusSchema,
  equipmentId: z.string(),
  equipmentCode: z.string(),
  equipmentName: z.string(),
  lineId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  dueAt: z.string().nullable(),
  failureReason: z
    .object({ id: z.string(), code: z.string(), name: z.string(), category: z.string() })
    .nullable(),
  cause: z.string().nullable(),
  remedy: z.string().nullable(),
  holdReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  andonCallId: z.string().nullable(),
  downtimeEventId: z.string().nullable(),
  /** The preventive plan that created it, if any. */
  planId: z.string().nullable(),
  /** Which occurrence of the plan it is (1, 2, …): one work order per occurrence. */
  planOccurrence: z.number().int().nullable(),
  /** The checklist template answered on it (`GET /api/work-orders/:id/checklist`), if any. */
  checklistTemplateId: z.string().nullable(),
  /** Completing needs a passed run of the checklist. */
  checklistRequired: z.boolean(),
  /** The work order whose failed checklist item opened this one (a follow-up), if any. */
  followUpOf: z.string().nullable(),
  assignees: z.array(workOrderAssigneeSchema),
  createdAt: z.string(),
  createdBy: actorSchema,
  assignedAt: z.string().nullable(),
  assignedBy: actorSchema.nullable(),
  startedAt: z.string().nullable(),
  startedBy: actorSchema.nullable(),
  completedAt: z.string().nullable(),
  completedBy: actorSchema.nullable(),
  cancelledAt: z.string().nullable(),
  cancelledBy: actorSchema.nullable(),
  updatedAt: z.string(),
});
export type WorkOrderSummary = z.infer<typeof workOrderSummarySchema>;

/** `GET /api/work-orders/:id` and the answer of every step. */
export const workOrderSchema = workOrderSummarySchema.extend({
  history: z.array(workOrderHistoryEntrySchema),
  labour: z.array(workOrderLabourEntrySchema),
  /**
   * Minutes of labour with the overlapping entries of one person counted once (two people working
   * the same hour count twice: that is two hours of labour).
   */
  labourMinutes: z.number(),
  parts: z.array(workOrderPartSchema),
  andonCall: workOrderAndonCallSchema.nullable(),
  stops: z.array(workOrderStopSchema),
  /** Unplanned stop time of the linked stops, from the machine events (up to now while one lasts). */
  downtimeSeconds: z.number(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

/** Statuses in which the work order is still to be done. */
export const OPEN_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = [
  'open',
  'assigned',
  'in_progress',
  'on_hold',
];

// --- assignees -------------------------------------------------------------------------------
/**
 * `GET /api/work-orders/assignees?lineId`: who a planner may assign (active users whose role holds
 * `maintenance:execute` and who see the line; without `lineId`, who see any of the caller's
 * lines). Needs `maintenance:plan`, not `users:read`.
 */
export const workOrderAssigneeListQuerySchema = paginationQuerySchema.extend({
  lineId: uuid.optional(),
});
export type WorkOrderAssigneeListQuery = z.infer<typeof workOrderAssigneeListQuerySchema>;

export const workOrderAssigneeCandidateSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type WorkOrderAssigneeCandidate = z.infer<typeof workOrderAssigneeCandidateSchema>;
