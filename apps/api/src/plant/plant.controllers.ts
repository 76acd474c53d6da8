import {
  areaSchema,
  createAreaSchema,
  createDowntimeReasonSchema,
  createEquipmentSchema,
  createLineSchema,
  createPlannedStopSchema,
  createProductSchema,
  createShiftSchema,
  createSiteSchema,
  downtimeReasonSchema,
  equipmentSchema,
  lineSchema,
  plannedStopSchema,
  plantListQuerySchema,
  productSchema,
  shiftSchema,
  siteSchema,
  updateAreaSchema,
  updateDowntimeReasonSchema,
  updateEquipmentSchema,
  updateLineSchema,
  updateProductSchema,
  updateShiftSchema,
  updateSiteSchema,
} from '@ms5/contracts';
import { z } from 'zod';
import { crudController } from './crud-controller.factory.js';
import { PLANT_TOKENS } from './plant-resources.js';

const updatePlannedStopSchema = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  reason: z.string().trim().min(1).max(200).optional(),
});

/** The plant's configuration resources: read with `plant:read`, changed by engineers. */
export const PLANT_CONTROLLERS = [
  crudController({
    path: 'sites', tag: 'sites', serviceToken: PLANT_TOKENS.sites, read: 'plant:read', write: 'plant:manage',
    itemSchema: siteSchema, createSchema: createSiteSchema, updateSchema: updateSiteSchema, listQuerySchema: plantListQuerySchema,
  }),
  crudController({
    path: 'areas', tag: 'areas', serviceToken: PLANT_TOKENS.areas, read: 'plant:read', write: 'plant:manage',
    itemSchema: areaSchema, createSchema: createAreaSchema, updateSchema: updateAreaSchema, listQuerySchema: plantListQuerySchema,
  }),
  crudController({
    path: 'lines', tag: 'lines', serviceToken: PLANT_TOKENS.lines, read: 'plant:read', write: 'plant:manage',
    itemSchema: lineSchema, createSchema: createLineSchema, updateSchema: updateLineSchema, listQuerySchema: plantListQuerySchema,
  }),
  crudController({
    path: 'equipment', tag: 'equipment', serviceToken: PLANT_TOKENS.equipment, read: 'plant:read', write: 'plant:manage',
    itemSchema: equipmentSchema, createSchema: createEquipmentSchema, updateSchema: updateEquipmentSchema,
    listQuerySchema: plantListQuerySchema,
  }),
  crudController({
    path: 'products', tag: 'products', serviceToken: PLANT_TOKENS.products, read: 'plant:read', write: 'products:manage',
    itemSchema: productSchema, createSchema: createProductSchema, updateSchema: updateProductSchema,
    listQuerySchema: plantListQuerySchema,
  }),
  crudController({
    path: 'shifts', tag: 'shifts', serviceToken: PLANT_TOKENS.shifts, read: 'plant:read', write: 'shifts:manage',
    itemSchema: shiftSchema, createSchema: createShiftSchema, updateSchema: updateShiftSchema, listQuerySchema: plantListQuerySchema,
  }),
  crudController({
    path: 'planned-stops', tag: 'planned-stops', serviceToken: PLANT_TOKENS.plannedStops, read: 'plant:read',
    write: 'shifts:manage', itemSchema: plannedStopSchema, createSchema: createPlannedStopSchema,
    updateSchema: updatePlannedStopSchema, listQuerySchema: plantListQuerySchema,
  }),
  crudController({
    path: 'downtime-reasons', tag: 'downtime-reasons', serviceToken: PLANT_TOKENS.downtimeReasons, read: 'plant:read',
    write: 'reasons:manage', itemSchema: downtimeReasonSchema, createSchema: createDowntimeReasonSchema,
    updateSchema: updateDowntimeReasonSchema, listQuerySchema: plantListQuerySchema,
  }),
];
