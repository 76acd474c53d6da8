import {
  type Area,
  type CreateAreaInput,
  type CreateDowntimeReasonInput,
  type CreateEquipmentInput,
  type CreateLineInput,
  type CreatePlannedStopInput,
  type CreateProductInput,
  type CreateShiftInput,
  type CreateSiteInput,
  type DowntimeReason,
  type Equipment,
  type Line,
  type Permission,
  type PlannedStop,
  type Product,
  type Shift,
  type Site,
  type UpdateAreaInput,
  type UpdateDowntimeReasonInput,
  type UpdateEquipmentInput,
  type UpdateLineInput,
  type UpdatePlannedStopInput,
  type UpdateProductInput,
  type UpdateShiftInput,
  type UpdateSiteInput,
  areaSchema,
  downtimeReasonSchema,
  equipmentSchema,
  lineSchema,
  plannedStopSchema,
  productSchema,
  shiftSchema,
  siteSchema,
} from '@ms5/contracts';
import type { ResponseParser } from '@/lib/api-client';

/** The configuration collections the web app edits, by their address under `/api`. */
export const PLANT_RESOURCES = [
  'sites',
  'areas',
  'lines',
  'equipment',
  'shifts',
  'products',
  'downtime-reasons',
  'planned-stops',
] as const;
export type PlantResourceName = (typeof PLANT_RESOURCES)[number];

export interface PlantItems {
  sites: Site;
  areas: Area;
  lines: Line;
  equipment: Equipment;
  shifts: Shift;
  products: Product;
  'downtime-reasons': DowntimeReason;
  'planned-stops': PlannedStop;
}

export interface PlantCreateInputs {
  sites: CreateSiteInput;
  areas: CreateAreaInput;
  lines: CreateLineInput;
  equipment: CreateEquipmentInput;
  shifts: CreateShiftInput;
  products: CreateProductInput;
  'downtime-reasons': CreateDowntimeReasonInput;
  'planned-stops': CreatePlannedStopInput;
}

export interface PlantUpdateInputs {
  sites: UpdateSiteInput;
  areas: UpdateAreaInput;
  lines: UpdateLineInput;
  equipment: UpdateEquipmentInput;
  shifts: UpdateShiftInput;
  products: UpdateProductInput;
  'downtime-reasons': UpdateDowntimeReasonInput;
  'planned-stops': UpdatePlannedStopInput;
}

interface PlantResourceInfo<K extends PlantResourceName> {
  itemSchema: ResponseParser<PlantItems[K]>;
  /** Singular, for messages ("Line saved"). */
  label: string;
  /** Who may create, change and delete (everyone with `plant:read` may look). */
  writePermission: Permission;
}

export const PLANT_RESOURCE_INFO: { [K in PlantResourceName]: PlantResourceInfo<K> } = {
  sites: { itemSchema: siteSchema, label: 'Site', writePermission: 'plant:manage' },
  areas: { itemSchema: areaSchema, label: 'Area', writePermission: 'plant:manage' },
  lines: { itemSchema: lineSchema, label: 'Line', writePermission: 'plant:manage' },
  equipment: { itemSchema: equipmentSchema, label: 'Equipment', writePermission: 'plant:manage' },
  shifts: { itemSchema: shiftSchema, label: 'Shift', writePermission: 'shifts:manage' },
  products: { itemSchema: productSchema, label: 'Product', writePermission: 'products:manage' },
  'downtime-reasons': {
    itemSchema: downtimeReasonSchema,
    label: 'Downtime reason',
    writePermission: 'reasons:manage',
  },
  'planned-stops': {
    itemSchema: plannedStopSchema,
    label: 'Planned stop',
    writePermission: 'shifts:manage',
  },
};

export function resourcePath(resource: PlantResourceName, id?: string): string {
  return id === undefined ? `/api/${resource}` : `/api/${resource}/${encodeURIComponent(id)}`;
}
