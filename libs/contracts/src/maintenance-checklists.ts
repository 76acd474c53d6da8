import { z } from 'zod';
import {
  checklistAnswerInputSchema,
  checklistRunSchema,
  checklistTemplateSchema,
} from './checklists.js';
import { workOrderPrioritySchema } from './maintenance.js';

/**
 * `POST /api/work-orders/:id/checklist`: one answer per item of the template's current version,
 * validated as a job's pre-start checklist is.
 */
export const submitWorkOrderChecklistSchema = z.strictObject({
  answers: z.array(checklistAnswerInputSchema).max(100),
  note: z.string().trim().max(1000, 'At most 1000 characters').optional(),
});
export type SubmitWorkOrderChecklistInput = z.infer<typeof submitWorkOrderChecklistSchema>;

export const WORK_ORDER_CHECKLIST_STATUSES = ['none', 'missing', 'failed', 'passed'] as const;
export type WorkOrderChecklistStatus = (typeof WORK_ORDER_CHECKLIST_STATUSES)[number];

/** `GET /api/work-orders/:id/checklist`: the template's items and the latest run's answers. */
export const workOrderChecklistSchema = z.object({
  workOrderId: z.string(),
  /** Completing the work order needs `status: passed`. */
  required: z.boolean(),
  /** The template at its current version (the items to answer); null: the order has none. */
  template: checklistTemplateSchema.nullable(),
  /** The latest run on this work order, of any version (its items as they were answered). */
  latestRun: checklistRunSchema.nullable(),
  /**
   * `none`: no checklist; `missing`: no run of the template's current version yet; `failed`: the
   * latest such run failed an item; `passed`: every item passed.
   */
  status: z.enum(WORK_ORDER_CHECKLIST_STATUSES),
  /** The follow-up work orders opened from this one's failed items. */
  followUps: z.array(
    z.object({ id: z.string(), number: z.string(), itemId: z.string().nullable() }),
  ),
});
export type WorkOrderChecklist = z.infer<typeof workOrderChecklistSchema>;

/**
 * `POST /api/work-orders/:id/follow-ups`: a corrective work order on the same equipment for a
 * failed item of the latest checklist run (`itemId`, default: its first failed item without one
 * yet), once per item. `title` defaults to the item's label; `priority` to the work order's.
 */
export const createWorkOrderFollowUpSchema = z.strictObject({
  /** A checklist item's id (items are named by UUIDs, as in the answers). */
  itemId: z.uuid('Must be an id (UUID)').optional(),
  title: z.string().trim().min(1, 'Required').max(200, 'At most 200 characters').optional(),
  priority: workOrderPrioritySchema.optional(),
});
export type CreateWorkOrderFollowUpInput = z.infer<typeof createWorkOrderFollowUpSchema>;
