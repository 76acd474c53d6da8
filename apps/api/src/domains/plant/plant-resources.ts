import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type Area,
  type CreateAreaInput,
  type CreateDowntimeReasonInput,
  type CreateEquipmentInput,
  type CreateLineInput,
  type CreatePlannedStopInput,
  type UpdatePlannedStopInput,
  type CreateProductInput,
  type CreateShiftInput,
  type CreateSiteInput,
  type DowntimeReason,
  type Equipment,
  type Line,
  type Paginated,
  type PlannedStop,
  type PlantListQuery,
  type Product,
  type SessionUser,
  type Shift,
  type Site,
  type UpdateAreaInput,
  type UpdateDowntimeReasonInput,
  type UpdateEquipmentInput,
  type UpdateLineInput,
  type UpdateProductInput,
  type UpdateShiftInput,
  type UpdateSiteInput,
} from '@ms5/contracts';
import {
  DataSource,
  type DeepPartial,
  type FindOptionsWhere,
  ILike,
  type ObjectLiteral,
} from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuditedCrud, type AuditedCrudOptions } from '../../platform/audit/audited-crud.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { OeeRollupService } from '../oee/oee-rollup.service.js';
import type { CrudPort } from '../../platform/common/crud-controller.factory.js';
import { AreaEntity } from './entities/area.entity.js';
import { DowntimeReasonEntity } from './entities/downtime-reason.entity.js';
import { EquipmentEntity } from './entities/equipment.entity.js';
import { LineEntity } from './entities/line.entity.js';
import { PlannedStopEntity } from './entities/planned-stop.entity.js';
import { ProductCycleTimeEntity } from './entities/product-cycle-time.entity.js';
import { ProductEntity } from './entities/product.entity.js';
import { ShiftEntity } from './entities/shift.entity.js';
import { SiteEntity } from './entities/site.entity.js';

interface ResourceDefinition<E extends ObjectLiteral & { id: string }, D extends object, C, U> {
  token: string;
  crud: Omit<AuditedCrudOptions<E, D>, 'order'> & { order?: AuditedCrudOptions<E, D>['order'] };
  where: (query: PlantListQuery) => FindOptionsWhere<E> | FindOptionsWhere<E>[];
  toEntity: (input: C) => DeepPartial<E>;
  applyPatch: (current: E, input: U) => void;
  /** After a committed change (before / after: null when created / deleted). */
  onChanged?: (
    deps: { dataSource: DataSource; rollups: OeeRollupService },
    before: D | null,
    after: D | null,
  ) => Promise<void>;
  /** Checks against other rows before a create (400 naming the field). */
  validateCreate?: (dataSource: DataSource, input: C) => Promise<void>;
  /** Checks against other rows before an update of `id` (400 naming the field). */
  validateUpdate?: (dataSource: DataSource, id: string, input: U) => Promise<void>;
}

const search = <E>(
  query: PlantListQuery,
  extra: FindOptionsWhere<E>,
): FindOptionsWhere<E> | FindOptionsWhere<E>[] =>
  query.search
    ? [
        { ...extra, code: ILike(`%${query.search}%`) },
        { ...extra, name: ILike(`%${query.search}%`) },
      ]
    : extra;

/** Copies the fields present in a patch onto the entity. */
function assignDefined<E extends object>(current: E, input: object): void {
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (current as Record<string, unknown>)[key] = value;
  }
}

function definePort<E extends ObjectLiteral & { id: string }, D extends object, C, U>(
  definition: ResourceDefinition<E, D, C, U>,
): Provider {
  return {
    provide: definition.token,
    inject: [getDataSourceToken(), AuditService, OeeRollupService],
    useFactory: (
      dataSource: DataSource,
      audit: AuditService,
      rollups: OeeRollupService,
    ): CrudPort<D, C, U, PlantListQuery> => {
      const crud = new AuditedCrud<E, D>(dataSource, audit, {
        order: { code: 'ASC' } as unknown as AuditedCrudOptions<E, D>['order'],
        ...definition.crud,
      });
      const changed = async (before: D | null, after: D | null) => {
        await definition.onChanged?.({ dataSource, rollups }, before, after);
      };
      return {
        list: (query: PlantListQuery): Promise<Paginated<D>> =>
          crud.list(query, definition.where(query)),
        get: (id: string) => crud.get(id),
        create: async (input: C, actor: SessionUser) => {
          await definition.validateCreate?.(dataSource, input);
          const created = await crud.create(definition.toEntity(input), actor);
          await changed(null, created);
          return created;
        },
        update: async (id: string, input: U, actor: SessionUser) => {
          await definition.validateUpdate?.(dataSource, id, input);
          const before = definition.onChanged ? await crud.get(id) : null;
          const after = await crud.update(
            id,
            (current) => definition.applyPatch(current, input),
            actor,
          );
          await changed(before, after);
          return after;
        },
        remove: async (id: string, actor: SessionUser) => {
          const before = definition.onChanged ? await crud.get(id) : null;
          await crud.remove(id, actor);
          await changed(before, null);
        },
      };
    },
  };
}

const iso = (date: Date): string => date.toISOString();

export const PLANT_TOKENS = {
  sites: 'plant:sites',
  areas: 'plant:areas',
  lines: 'plant:lines',
  equipment: 'plant:equipment',
  products: 'plant:products',
  shifts: 'plant:shifts',
  plannedStops: 'plant:planned-stops',
  downtimeReasons: 'plant:downtime-reasons',
} as const;

export const toSite = (e: SiteEntity): Site => ({
  id: e.id,
  code: e.code,
  name: e.name,
  timezone: e.timezone,
});
export const toArea = (e: AreaEntity): Area => ({
  id: e.id,
  siteId: e.siteId,
  code: e.code,
  name: e.name,
});
export const toLine = (e: LineEntity): Line => ({
  id: e.id,
  code: e.code,
  name: e.name,
  areaId: e.areaId,
  microStopThresholdSeconds: e.microStopThresholdSeconds,
  outputEquipmentId: e.outputEquipmentId,
  createdAt: iso(e.createdAt),
  updatedAt: iso(e.updatedAt),
});
export const toEquipment = (e: EquipmentEntity): Equipment => ({
  id: e.id,
  code: e.code,
  name: e.name,
  lineId: e.lineId,
  idealCycleTimeSeconds: e.idealCycleTimeSeconds,
  createdAt: iso(e.createdAt),
  updatedAt: iso(e.updatedAt),
});
export const toProduct = (e: ProductEntity): Product => ({
  id: e.id,
  code: e.code,
  name: e.name,
  idealCycleTimeSeconds: e.idealCycleTimeSeconds,
  cycleTimes: (e.cycleTimes ?? [])
    .map((c) => ({
      lineId: c.lineId,
      equipmentId: c.equipmentId,
      idealCycleTimeSeconds: c.idealCycleTimeSeconds,
    }))
    .sort((a, b) => `${a.lineId}${a.equipmentId}`.localeCompare(`${b.lineId}${b.equipmentId}`)),
});
export const toShift = (e: ShiftEntity): Shift => ({
  id: e.id,
  lineId: e.lineId,
  name: e.name,
  startTime: e.startTime,
  endTime: e.endTime,
  timezone: e.timezone,
  breaks: e.breaks,
});
export const toPlannedStop = (e: PlannedStopEntity): PlannedStop => ({
  id: e.id,
  lineId: e.lineId,
  equipmentId: e.equipmentId,
  startsAt: iso(e.startsAt),
  endsAt: iso(e.endsAt),
  reason: e.reason,
});
export const toDowntimeReason = (e: DowntimeReasonEntity): DowntimeReason => ({
  id: e.id,
  code: e.code,
  name: e.name,
  category: e.category,
  planned: e.planned,
  lossClass: e.lossClass,
});

const cycleTimeEntities = (
  input: CreateProductInput['cycleTimes'],
): DeepPartial<ProductCycleTimeEntity>[] =>
  input.map((c) => ({
    lineId: c.lineId ?? null,
    equipmentId: c.equipmentId ?? null,
    idealCycleTimeSeconds: c.idealCycleTimeSeconds,
  }));

export const PLANT_PROVIDERS: Provider[] = [
  definePort<SiteEntity, Site, CreateSiteInput, UpdateSiteInput>({
    token: PLANT_TOKENS.sites,
    crud: { entity: SiteEntity, entityType: 'site', label: 'Site', toDto: toSite },
    where: (query) => search<SiteEntity>(query, {}),
    toEntity: (input) => input,
    applyPatch: assignDefined,
  }),
  definePort<AreaEntity, Area, CreateAreaInput, UpdateAreaInput>({
    token: PLANT_TOKENS.areas,
    crud: { entity: AreaEntity, entityType: 'area', label: 'Area', toDto: toArea },
    where: (query) => search<AreaEntity>(query, query.siteId ? { siteId: query.siteId } : {}),
    toEntity: (input) => input,
    applyPatch: assignDefined,
  }),
  definePort<LineEntity, Line, CreateLineInput, UpdateLineInput>({
    token: PLANT_TOKENS.lines,
    crud: { entity: LineEntity, entityType: 'line', label: 'Line', toDto: toLine },
    where: (query) => search<LineEntity>(query, query.areaId ? { areaId: query.areaId } : {}),
    validateCreate: (_dataSource, input) =>
      // A new line has no equipment yet: its output is chosen once its equipment exists.
      input.outputEquipmentId
        ? Promise.reject(
            new FieldValidationException([
              {
                path: 'outputEquipmentId',
                message: 'Must be equipment of this line; add the line’s equipment first',
              },
            ]),
          )
        : Promise.resolve(),
    validateUpdate: async (dataSource, id, input) => {
      if (!input.outputEquipmentId) return;
      const rows = await dataSource.query<unknown[]>(
        'SELECT 1 FROM equipment WHERE id = $1 AND line_id = $2',
        [input.outputEquipmentId, id],
      );
      if (rows.length === 0) {
        throw new FieldValidationException([
          { path: 'outputEquipmentId', message: 'Must be equipment of this line' },
        ]);
      }
    },
    toEntity: (input) => ({
      ...input,
      areaId: input.areaId ?? null,
      outputEquipmentId: input.outputEquipmentId ?? null,
    }),
    applyPatch: assignDefined,
  }),
  definePort<EquipmentEntity, Equipment, CreateEquipmentInput, UpdateEquipmentInput>({
    token: PLANT_TOKENS.equipment,
    crud: {
      entity: EquipmentEntity,
      entityType: 'equipment',
      label: 'Equipment',
      toDto: toEquipment,
    },
    where: (query) => search<EquipmentEntity>(query, query.lineId ? { lineId: query.lineId } : {}),
    // The output of a line stays on that line: choose another output before moving it.
    validateUpdate: async (dataSource, id, input) => {
      if (input.lineId === undefined) return;
      const [output] = await dataSource.query<Array<{ code: string }>>(
        'SELECT code FROM lines WHERE output_equipment_id = $1 AND id <> $2',
        [id, input.lineId],
      );
      if (output) {
        throw new FieldValidationException([
          {
            path: 'lineId',
            message: `This equipment is the output of line ${output.code}; choose another output for that line first`,
          },
        ]);
      }
    },
    toEntity: (input) => input,
    applyPatch: assignDefined,
  }),
  definePort<ProductEntity, Product, CreateProductInput, UpdateProductInput>({
    token: PLANT_TOKENS.products,
    crud: {
      entity: ProductEntity,
      entityType: 'product',
      label: 'Product',
      toDto: toProduct,
      relations: { cycleTimes: true },
    },
    where: (query) => search<ProductEntity>(query, {}),
    toEntity: (input) => ({ ...input, cycleTimes: cycleTimeEntities(input.cycleTimes) }),
    applyPatch: (current, { cycleTimes, ...rest }) => {
      assignDefined(current, rest);
      if (cycleTimes)
        current.cycleTimes = cycleTimeEntities(cycleTimes) as ProductCycleTimeEntity[];
    },
  }),
  definePort<ShiftEntity, Shift, CreateShiftInput, UpdateShiftInput>({
    token: PLANT_TOKENS.shifts,
    // A changed shift calendar changes planned time on every past day: the line's roll-ups are
    // recomputed from its first event.
    onChanged: async ({ dataSource, rollups }, before, after) => {
      for (const lineId of new Set([before?.lineId, after?.lineId])) {
        if (lineId) await rollups.queueRecompute(dataSource, { lineId }, null);
      }
    },
    crud: {
      entity: ShiftEntity,
      entityType: 'shift',
      label: 'Shift',
      toDto: toShift,
      order: { name: 'ASC' },
    },
    where: (query) => (query.lineId ? { lineId: query.lineId } : {}),
    toEntity: (input) => input,
    applyPatch: assignDefined,
  }),
  definePort<PlannedStopEntity, PlannedStop, CreatePlannedStopInput, UpdatePlannedStopInput>({
    token: PLANT_TOKENS.plannedStops,
    // Planned downtime changed from the stop's start on (the earlier of old and new).
    onChanged: async ({ dataSource, rollups }, before, after) => {
      for (const stop of [before, after]) {
        if (stop) {
          const since = new Date(
            Math.min(...[before, after].flatMap((s) => (s ? [Date.parse(s.startsAt)] : []))),
          );
          await rollups.queueRecompute(
            dataSource,
            { lineId: stop.lineId, equipmentId: stop.equipmentId },
            since,
          );
        }
      }
    },
    crud: {
      entity: PlannedStopEntity,
      entityType: 'planned-stop',
      label: 'Planned stop',
      toDto: toPlannedStop,
      order: { startsAt: 'DESC' },
    },
    where: (query) => (query.lineId ? { lineId: query.lineId } : {}),
    toEntity: (input) => ({
      lineId: input.lineId ?? null,
      equipmentId: input.equipmentId ?? null,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      reason: input.reason,
    }),
    applyPatch: (current, input) => {
      if (input.reason !== undefined) current.reason = input.reason;
      if (input.startsAt !== undefined) current.startsAt = new Date(input.startsAt);
      if (input.endsAt !== undefined) current.endsAt = new Date(input.endsAt);
      // One bound moved alone is checked against the stored other: 400, not the CHECK's 500.
      if (current.endsAt.getTime() <= current.startsAt.getTime()) {
        const path = input.endsAt !== undefined ? 'endsAt' : 'startsAt';
        const message = path === 'endsAt' ? 'Must be after startsAt' : 'Must be before endsAt';
        throw new FieldValidationException([{ path, message }]);
      }
    },
  }),
  definePort<
    DowntimeReasonEntity,
    DowntimeReason,
    CreateDowntimeReasonInput,
    UpdateDowntimeReasonInput
  >({
    token: PLANT_TOKENS.downtimeReasons,
    crud: {
      entity: DowntimeReasonEntity,
      entityType: 'downtime-reason',
      label: 'Downtime reason',
      toDto: toDowntimeReason,
    },
    where: (query) => search<DowntimeReasonEntity>(query, {}),
    toEntity: (input) => input,
    applyPatch: assignDefined,
  }),
];
