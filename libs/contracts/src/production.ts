import { z } from 'zod';
import { paginationQuerySchema } from './pagination.js';
import { calendarDateSchema, checkTimeRange, checkWindow, instantSchema } from './time-range.js';

const uuid = z.uuid('Must be an id (UUID)');
const instant = instantSchema();
const reference = z.string().trim().min(1, 'Required').max(64, 'At most 64 characters');
const quantity = z
  .number('Must be a number')
  .int('Must be a whole number')
  .positive('Must be greater than 0')
  .max(100_000_000, 'At most 100000000');

// --- production orders -----------------------------------------------------------------------
/** planned → released → running → completed; cancelled from planned, released or running. */
export const PRODUCTION_ORDER_STATUSES = [
  'planned',
  'released',
  'running',
  'completed',
  'cancelled',
] as const;
export type ProductionOrderStatus = (typeof PRODUCTION_ORDER_STATUSES)[number];
export const productionOrderStatusSchema = z.enum(PRODUCTION_ORDER_STATUSES);

/** The lifecycle steps, each a `POST /api/orders/:id/<step>`. */
export const PRODUCTION_ORDER_STEPS = ['release', 'start', 'complete', 'cancel'] as const;
export type ProductionOrderStep = (typeof PRODUCTION_ORDER_STEPS)[number];

/** From which statuses each step may be taken, and where it leads. */
export const PRODUCTION_ORDER_TRANSITIONS: Record<
  ProductionOrderStep,
  { from: readonly ProductionOrderStatus[]; to: ProductionOrderStatus }
> = {
  release: { from: ['planned'], to: 'released' },
  start: { from: ['released'], to: 'running' },
  complete: { from: ['running'], to: 'completed' },
  cancel: { from: ['planned', 'released', 'running'], to: 'cancelled' },
};

const endAfterStart = checkTimeRange({ start: 'plannedStart', end: 'plannedEnd' });

export const createProductionOrderSchema = z
  .strictObject({
    lineId: uuid,
    productId: uuid,
    quantity,
    plannedStart: instant,
    plannedEnd: instant,
    reference: reference.optional(),
  })
  .superRefine(endAfterStart);
export type CreateProductionOrderInput = z.infer<typeof createProductionOrderSchema>;

/** Allowed while the order is planned. The line cannot change; cancel and re-plan instead. */
export const updateProductionOrderSchema = z
  .strictObject({
    productId: uuid.optional(),
    quantity: quantity.optional(),
    plannedStart: instant.optional(),
    plannedEnd: instant.optional(),
    reference: reference.nullable().optional(),
  })
  .superRefine(endAfterStart);
export type UpdateProductionOrderInput = z.infer<typeof updateProductionOrderSchema>;

/** Release, start and complete take no body. */
export const productionOrderStepSchema = z.strictObject({});
export const cancelProductionOrderSchema = z.strictObject({
  reason: z.string().trim().max(1000, 'At most 1000 characters').optional(),
});
export type CancelProductionOrderInput = z.infer<typeof cancelProductionOrderSchema>;

export const productionOrderSchema = z.object({
  id: z.string(),
  lineId: z.string(),
  lineCode: z.string(),
  productId: z.string(),
  productCode: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  reference: z.string().nullable(),
  status: productionOrderStatusSchema,
  /** Server times of the start, and of the completion or cancellation of a started order. */
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductionOrder = z.infer<typeof productionOrderSchema>;

/** `status=planned` or a comma-separated list (`status=released,running`). */
const orderStatusFilterSchema = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(z.array(productionOrderStatusSchema).min(1));

/** Orders whose planned window meets `[from, to)`, by planned start. */
export const productionOrderListQuerySchema = paginationQuerySchema
  .extend({
    lineId: uuid.optional(),
    status: orderStatusFilterSchema.optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .superRefine(checkWindow());
export type ProductionOrderListQuery = z.infer<typeof productionOrderListQuerySchema>;

/** `GET /api/lines/:id/schedule`: the window defaults to one day back and seven ahead. */
export const lineScheduleQuerySchema = paginationQuerySchema
  .extend({
    from: instant.optional(),
    to: instant.optional(),
    /** Include cancelled orders (hidden by default: they hold no slot). */
    includeCancelled: z.enum(['true', 'false']).default('false'),
  })
  .superRefine(checkWindow());
export type LineScheduleQuery = z.infer<typeof lineScheduleQuerySchema>;

/** A page of the line's orders in time order, with the window it covers. */
export const lineScheduleSchema = z.object({
  lineId: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(productionOrderSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});
export type LineSchedule = z.infer<typeof lineScheduleSchema>;

// --- job assignments -------------------------------------------------------------------------
/** assigned → accepted → started → completed. */
export const JOB_STATUSES = ['assigned', 'accepted', 'started', 'completed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const jobStatusSchema = z.enum(JOB_STATUSES);

export const JOB_STEPS = ['accept', 'start', 'complete'] as const;
export type JobStep = (typeof JOB_STEPS)[number];

export const JOB_TRANSITIONS: Record<JobStep, { from: JobStatus; to: JobStatus }> = {
  accept: { from: 'assigned', to: 'accepted' },
  start: { from: 'accepted', to: 'started' },
  complete: { from: 'started', to: 'completed' },
};

export const createJobAssignmentSchema = z.strictObject({
  orderId: uuid,
  /** A user of role operator. */
  operatorId: uuid,
  /** The shift's calendar day, `YYYY-MM-DD`. */
  shiftDate: calendarDateSchema().optional(),
  note: z.string().trim().max(1000, 'At most 1000 characters').optional(),
});
export type CreateJobAssignmentInput = z.infer<typeof createJobAssignmentSchema>;

/** Accept, start and complete take no body. */
export const jobStepSchema = z.strictObject({});

const actorSchema = z.object({ id: z.string(), displayName: z.string() });

export const jobProgressSchema = z.object({
  /** Good parts counted by the line's equipment from the order's start to its end (or now). */
  goodCount: z.number().int(),
  targetQuantity: z.number().int(),
  /** goodCount / targetQuantity, as measured (may pass 1). */
  fraction: z.number(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const jobAssignmentSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  orderReference: z.string().nullable(),
  orderStatus: productionOrderStatusSchema,
  lineId: z.string(),
  lineCode: z.string(),
  productCode: z.string(),
  operator: actorSchema,
  shiftDate: z.string().nullable(),
  note: z.string().nullable(),
  status: jobStatusSchema,
  assignedBy: actorSchema.nullable(),
  assignedAt: z.string(),
  acceptedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  progress: jobProgressSchema,
});
export type JobAssignment = z.infer<typeof jobAssignmentSchema>;

export const jobListQuerySchema = paginationQuerySchema.extend({
  /** `true`: only the caller's own jobs. */
  mine: z.enum(['true', 'false']).default('false'),
  orderId: uuid.optional(),
  lineId: uuid.optional(),
  operatorId: uuid.optional(),
  status: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(jobStatusSchema).min(1))
    .optional(),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;
