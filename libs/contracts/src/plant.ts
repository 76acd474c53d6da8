import { z } from 'zod';
import { paginationQuerySchema } from './pagination.js';
import { checkTimeRange, instantSchema } from './time-range.js';

const code = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(64, 'At most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits, dot, dash and underscore only');
const name = z.string().trim().min(1, 'Required').max(160, 'At most 160 characters');
const uuid = z.uuid('Must be an id (UUID)');

export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be HH:MM (00:00–23:59)');

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'Required')
  .refine(isValidTimeZone, 'Unknown time zone (use an IANA name such as Europe/Berlin or UTC)');

export const idealCycleTimeSchema = z
  .number('Must be a number of seconds')
  .positive('Must be greater than 0')
  .max(86_400, 'At most one day');

// --- sites and areas -------------------------------------------------------------------------
export const createSiteSchema = z.strictObject({
  code,
  name,
  timezone: timeZoneSchema.default('UTC'),
});
export const updateSiteSchema = z.strictObject({
  code: code.optional(),
  name: name.optional(),
  timezone: timeZoneSchema.optional(),
});
export const siteSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  timezone: z.string(),
});
export type CreateSiteInput = z.infer<typeof createSiteSchema>;
export type UpdateSiteInput = z.infer<typeof updateSiteSchema>;
export type Site = z.infer<typeof siteSchema>;

export const createAreaSchema = z.strictObject({ siteId: uuid, code, name });
export const updateAreaSchema = z.strictObject({ code: code.optional(), name: name.optional() });
export const areaSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  code: z.string(),
  name: z.string(),
});
export type CreateAreaInput = z.infer<typeof createAreaSchema>;
export type UpdateAreaInput = z.infer<typeof updateAreaSchema>;
export type Area = z.infer<typeof areaSchema>;

// --- lines and equipment ---------------------------------------------------------------------
const microStopThreshold = z.number().int('Whole seconds').min(1).max(3600);

/**
 * The equipment whose good count is the line's output (hour-by-hour board, handover): it must be
 * equipment of the same line. Null: the sum over all the line's equipment, which is right for
 * parallel machines; a line in series should name its last station, or every part is counted
 * once per station.
 */
const outputEquipmentId = uuid.nullable();

export const createLineSchema = z.strictObject({
  code,
  name,
  areaId: uuid.nullable().optional(),
  microStopThresholdSeconds: microStopThreshold.default(120),
  outputEquipmentId: outputEquipmentId.optional(),
});
export const updateLineSchema = z.strictObject({
  code: code.optional(),
  name: name.optional(),
  areaId: uuid.nullable().optional(),
  microStopThresholdSeconds: microStopThreshold.optional(),
  outputEquipmentId: outputEquipmentId.optional(),
});
export const lineSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  areaId: z.string().nullable(),
  microStopThresholdSeconds: z.number(),
  /** The equipment counted as the line's output, or null: the sum over the line's equipment. */
  outputEquipmentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CreateLineInput = z.infer<typeof createLineSchema>;
export type UpdateLineInput = z.infer<typeof updateLineSchema>;
export type Line = z.infer<typeof lineSchema>;

export const createEquipmentSchema = z.strictObject({
  code,
  name,
  lineId: uuid,
  idealCycleTimeSeconds: idealCycleTimeSchema,
});
export const updateEquipmentSchema = z.strictObject({
  code: code.optional(),
  name: name.optional(),
  lineId: uuid.optional(),
  idealCycleTimeSeconds: idealCycleTimeSchema.optional(),
});
export const equipmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  lineId: z.string(),
  idealCycleTimeSeconds: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CreateEquipmentInput = z.infer<typeof createEquipmentSchema>;
export type UpdateEquipmentInput = z.infer<typeof updateEquipmentSchema>;
export type Equipment = z.infer<typeof equipmentSchema>;

// --- products --------------------------------------------------------------------------------
export const productCycleTimeSchema = z
  .strictObject({
    lineId: uuid.optional(),
    equipmentId: uuid.optional(),
    idealCycleTimeSeconds: idealCycleTimeSchema,
  })
  .refine((value) => (value.lineId === undefined) !== (value.equipmentId === undefined), {
    message: 'Give either lineId or equipmentId',
    path: ['lineId'],
  });

export const createProductSchema = z.strictObject({
  code,
  name,
  idealCycleTimeSeconds: idealCycleTimeSchema,
  cycleTimes: z.array(productCycleTimeSchema).max(500).default([]),
});
export const updateProductSchema = z.strictObject({
  code: code.optional(),
  name: name.optional(),
  idealCycleTimeSeconds: idealCycleTimeSchema.optional(),
  cycleTimes: z.array(productCycleTimeSchema).max(500).optional(),
});
export const productSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  idealCycleTimeSeconds: z.number(),
  cycleTimes: z.array(
    z.object({
      lineId: z.string().nullable(),
      equipmentId: z.string().nullable(),
      idealCycleTimeSeconds: z.number(),
    }),
  ),
});
export type CreateProductInput = z.infer<typeof createProductSchema>;
export type UpdateProductInput = z.infer<typeof updateProductSchema>;
export type Product = z.infer<typeof productSchema>;

// --- shifts ----------------------------------------------------------------------------------
export const shiftBreakSchema = z.strictObject({
  startTime: clockTimeSchema,
  durationMinutes: z.number().int('Whole minutes').min(1).max(240),
});

export const createShiftSchema = z.strictObject({
  lineId: uuid,
  name,
  startTime: clockTimeSchema,
  endTime: clockTimeSchema,
  timezone: timeZoneSchema,
  breaks: z.array(shiftBreakSchema).max(12).default([]),
});
export const updateShiftSchema = z.strictObject({
  name: name.optional(),
  startTime: clockTimeSchema.optional(),
  endTime: clockTimeSchema.optional(),
  timezone: timeZoneSchema.optional(),
  breaks: z.array(shiftBreakSchema).max(12).optional(),
});
export const shiftSchema = z.object({
  id: z.string(),
  lineId: z.string(),
  name: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  timezone: z.string(),
  breaks: z.array(z.object({ startTime: z.string(), durationMinutes: z.number() })),
});
export type CreateShiftInput = z.infer<typeof createShiftSchema>;
export type UpdateShiftInput = z.infer<typeof updateShiftSchema>;
export type Shift = z.infer<typeof shiftSchema>;

// --- planned stops ---------------------------------------------------------------------------
const instant = instantSchema();

const stopWindow = checkTimeRange({ start: 'startsAt', end: 'endsAt' });

export const createPlannedStopSchema = z
  .strictObject({
    lineId: uuid.optional(),
    equipmentId: uuid.optional(),
    startsAt: instant,
    endsAt: instant,
    reason: z.string().trim().min(1, 'Required').max(200),
  })
  .refine((value) => (value.lineId === undefined) !== (value.equipmentId === undefined), {
    message: 'Give either lineId or equipmentId',
    path: ['lineId'],
  })
  .superRefine(stopWindow);
export const plannedStopSchema = z.object({
  id: z.string(),
  lineId: z.string().nullable(),
  equipmentId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string(),
});
/** A planned stop moved or renamed; it stays on its line or machine. */
export const updatePlannedStopSchema = z
  .strictObject({
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    reason: z.string().trim().min(1, 'Required').max(200).optional(),
  })
  .superRefine(stopWindow);
export type CreatePlannedStopInput = z.infer<typeof createPlannedStopSchema>;
export type UpdatePlannedStopInput = z.infer<typeof updatePlannedStopSchema>;
export type PlannedStop = z.infer<typeof plannedStopSchema>;

// --- downtime reasons ------------------------------------------------------------------------
export const LOSS_CLASSES = ['availability', 'setup', 'minor_stop', 'speed', 'quality'] as const;
export type LossClass = (typeof LOSS_CLASSES)[number];

export const createDowntimeReasonSchema = z.strictObject({
  code,
  name,
  category: z.string().trim().min(1, 'Required').max(80),
  planned: z.boolean().default(false),
  lossClass: z.enum(LOSS_CLASSES),
});
export const updateDowntimeReasonSchema = z.strictObject({
  code: code.optional(),
  name: name.optional(),
  category: z.string().trim().min(1).max(80).optional(),
  planned: z.boolean().optional(),
  lossClass: z.enum(LOSS_CLASSES).optional(),
});
export const downtimeReasonSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  planned: z.boolean(),
  lossClass: z.enum(LOSS_CLASSES),
});
export type CreateDowntimeReasonInput = z.infer<typeof createDowntimeReasonSchema>;
export type UpdateDowntimeReasonInput = z.infer<typeof updateDowntimeReasonSchema>;
export type DowntimeReason = z.infer<typeof downtimeReasonSchema>;

// --- list filters ----------------------------------------------------------------------------
export const plantListQuerySchema = paginationQuerySchema.extend({
  search: z.string().trim().max(64).optional(),
  siteId: uuid.optional(),
  areaId: uuid.optional(),
  lineId: uuid.optional(),
});
export type PlantListQuery = z.infer<typeof plantListQuerySchema>;
