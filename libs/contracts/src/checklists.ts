import { z } from 'zod';
import { andonPrioritySchema, andonTypeSchema } from './andon.js';
import { paginationQuerySchema } from './pagination.js';

const uuid = z.uuid('Must be an id (UUID)');
const label = z.string().trim().min(1, 'Required').max(200, 'At most 200 characters');

// --- templates -------------------------------------------------------------------------------
/** `yes_no`: a yes/no question; `number`: a reading checked against limits; `text`: a note. */
export const CHECKLIST_ITEM_KINDS = ['yes_no', 'number', 'text'] as const;
export type ChecklistItemKind = (typeof CHECKLIST_ITEM_KINDS)[number];
export const checklistItemKindSchema = z.enum(CHECKLIST_ITEM_KINDS);

/**
 * One item of a template. A `yes_no` item passes when the answer equals `expected` (default yes);
 * a `number` item passes inside `[min, max]` (either limit may be left open); a `text` item passes
 * when it is answered (an empty text is allowed only on a non-critical item). A failed critical
 * item blocks the start of the job.
 */
export const checklistItemInputSchema = z
  .strictObject({
    /** Kept when a template is edited, so results stay comparable; the server assigns new ones. */
    id: uuid.optional(),
    label,
    kind: checklistItemKindSchema,
    critical: z.boolean().default(false),
    // `null` is accepted like a missing value, so that a template's items can be sent back as read.
    expected: z.boolean().nullable().optional(),
    min: z.number('Must be a number').finite().nullable().optional(),
    max: z.number('Must be a number').finite().nullable().optional(),
    unit: z.string().trim().max(20, 'At most 20 characters').nullable().optional(),
  })
  .refine((item) => item.kind === 'yes_no' || item.expected == null, {
    message: 'Only yes/no items have an expected answer',
    path: ['expected'],
  })
  .refine((item) => item.kind === 'number' || (item.min == null && item.max == null), {
    message: 'Only number items have limits',
    path: ['min'],
  })
  .refine((item) => item.min == null || item.max == null || item.max >= item.min, {
    message: 'Must be at least min',
    path: ['max'],
  });
export type ChecklistItemInput = z.infer<typeof checklistItemInputSchema>;

export const checklistItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: checklistItemKindSchema,
  critical: z.boolean(),
  expected: z.boolean().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

const appliesTo = (value: { lineId?: string | null; productId?: string | null }): boolean =>
  (value.lineId ?? null) !== null || (value.productId ?? null) !== null;

/**
 * A template applies to the jobs of a line, of a product, or of that product on that line (both
 * given). Every active template that applies to a job's order must pass before the job starts.
 */
export const createChecklistTemplateSchema = z
  .strictObject({
    name: label,
    lineId: uuid.nullable().optional(),
    productId: uuid.nullable().optional(),
    items: z.array(checklistItemInputSchema).min(1, 'At least one item').max(100),
  })
  .refine(appliesTo, { message: 'Give a line, a product or both', path: ['lineId'] });
export type CreateChecklistTemplateInput = z.infer<typeof createChecklistTemplateSchema>;

/** Editing the items makes a new version; runs keep the version (and items) they answered. */
export const updateChecklistTemplateSchema = z.strictObject({
  name: label.optional(),
  lineId: uuid.nullable().optional(),
  productId: uuid.nullable().optional(),
  items: z.array(checklistItemInputSchema).min(1, 'At least one item').max(100).optional(),
  active: z.boolean().optional(),
});
export type UpdateChecklistTemplateInput = z.infer<typeof updateChecklistTemplateSchema>;

export const checklistTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  lineId: z.string().nullable(),
  lineCode: z.string().nullable(),
  productId: z.string().nullable(),
  productCode: z.string().nullable(),
  version: z.number().int(),
  active: z.boolean(),
  items: z.array(checklistItemSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;

export const checklistTemplateListQuerySchema = paginationQuerySchema.extend({
  lineId: uuid.optional(),
  productId: uuid.optional(),
  /** Default: only active templates. */
  active: z.enum(['true', 'false', 'all']).default('true'),
});
export type ChecklistTemplateListQuery = z.infer<typeof checklistTemplateListQuerySchema>;

// --- runs (completed checklists) -------------------------------------------------------------
/** `true`/`false` for yes/no, a number for number items, a string for text items. */
export const checklistAnswerValueSchema = z.union([z.boolean(), z.number().finite(), z.string()]);

/** An answer as sent: yes/no as a boolean, a number, or a text. */
export type ChecklistAnswerValue = z.infer<typeof checklistAnswerValueSchema>;

/**
 * Whether one answer passes its item — the one rule the server stores and the tablet previews: a
 * yes/no answer equals the expected one (yes unless the item says otherwise); a number lies inside
 * `[min, max]`, limits included, an open limit being no limit; a text is not blank, except that a
 * non-critical text item may be left blank. A value of another kind than the item's fails.
 */
export function checklistItemPasses(
  item: Pick<ChecklistItem, 'kind' | 'expected' | 'min' | 'max' | 'critical'>,
  value: ChecklistAnswerValue,
): boolean {
  switch (item.kind) {
    case 'yes_no':
      return value === (item.expected ?? true);
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (item.min === null || value >= item.min) &&
        (item.max === null || value <= item.max)
      );
    case 'text':
      return typeof value === 'string' && (!item.critical || value.trim().length > 0);
  }
}

export const checklistAnswerInputSchema = z.strictObject({
  itemId: uuid,
  value: checklistAnswerValueSchema,
});

export const submitChecklistRunSchema = z.strictObject({
  templateId: uuid,
  /** One answer per item of the template's current version. */
  answers: z.array(checklistAnswerInputSchema).max(100),
  note: z.string().trim().max(1000, 'At most 1000 characters').optional(),
  /**
   * When a critical item fails: raise an andon call on this equipment of the job's line, its
   * description naming the failed items. Ignored when the checklist passes.
   */
  raiseAndon: z
    .strictObject({
      equipmentId: uuid,
      type: andonTypeSchema.default('quality'),
      priority: andonPrioritySchema.default('high'),
    })
    .optional(),
});
export type SubmitChecklistRunInput = z.infer<typeof submitChecklistRunSchema>;

export const checklistAnswerSchema = z.object({
  itemId: z.string(),
  value: checklistAnswerValueSchema,
  passed: z.boolean(),
});
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;

const actorSchema = z.object({ id: z.string(), displayName: z.string() });

export const checklistRunSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  templateVersion: z.number().int(),
  jobId: z.string().nullable(),
  orderId: z.string().nullable(),
  lineId: z.string(),
  /** The items as they were when answered. */
  items: z.array(checklistItemSchema),
  answers: z.array(checklistAnswerSchema),
  /** Every item passed. */
  passed: z.boolean(),
  /** A critical item failed: the job may not start on this run. */
  blocking: z.boolean(),
  failedItemIds: z.array(z.string()),
  note: z.string().nullable(),
  andonCallId: z.string().nullable(),
  completedBy: actorSchema,
  completedAt: z.string(),
});
export type ChecklistRun = z.infer<typeof checklistRunSchema>;

export const checklistRunListQuerySchema = paginationQuerySchema.extend({
  lineId: uuid.optional(),
  jobId: uuid.optional(),
  templateId: uuid.optional(),
});
export type ChecklistRunListQuery = z.infer<typeof checklistRunListQuerySchema>;

/** `GET /api/jobs/:id/checklists`: what the job needs before it may start. */
export const jobChecklistStatusSchema = z.object({
  jobId: z.string(),
  /** True when every applicable template's latest run on this job has no failed critical item. */
  readyToStart: z.boolean(),
  checklists: z.array(
    z.object({
      template: checklistTemplateSchema,
      /** The latest run of this template on this job, if any. */
      latestRun: checklistRunSchema.nullable(),
      /** `missing`: not done yet; `blocked`: a critical item failed; `done`: may start. */
      status: z.enum(['missing', 'blocked', 'done']),
    }),
  ),
});
export type JobChecklistStatus = z.infer<typeof jobChecklistStatusSchema>;
