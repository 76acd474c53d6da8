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
  type FindOperator,
  type FindOptionsWhere,
  ILike,
  In,
  type ObjectLiteral,
  Raw,
} from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuditedCrud, type AuditedCrudOptions } from '../../platform/audit/audited-crud.js';
import { DomainException } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { OeeRollupService } from '../oee/oee-rollup.service.js';
import {
  type CrudPort,
  type CrudStore,
  type LinePolicy,
  type Queryable,
  lineScoped,
} from '../../platform/common/crud-controller.factory.js';
import type { LineScope } from '../../platform/line-access/line-scope.js';
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
  /** The rows a list shows; `lineIds` (null: every line) is what the caller's scope allows. */
  where: (
    query: PlantListQuery,
    lineIds: readonly string[] | null,
  ) => FindOptionsWhere<E> | FindOptionsWhere<E>[];
  /** How the resource's objects relate to lines (see `LinePolicy`): every resource decides. */
  lines: LinePolicy<D, C, U, PlantListQuery>;
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
  validateUpdate?: (db: Queryable, id: string, input: U) => Promise<void>;
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

/** `{ lineId: In(lineIds) }`, or no condition for every line. */
const onLines = (lineIds: readonly string[] | null): { lineId?: FindOperator<string> } =>
  lineIds ? { lineId: In([...lineIds]) } : {};

/** Copies the fields present in a patch onto the entity. */
function assignDefined<E extends object>(current: E, input: object): void {
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (current as Record<string, unknown>)[key] = value;
  }
}

/**
 * The lines that exist among `lineIds` and those of the equipment that exists among
 * `equipmentIds`. An unknown id gives no line: the write it is in fails validation naming it.
 */
async function linesOf(
  db: Queryable,
  refs: { lineIds?: readonly string[]; equipmentIds?: readonly string[] },
): Promise<string[]> {
  const lineIds = refs.lineIds ?? [];
  const equipmentIds = refs.equipmentIds ?? [];
  if (lineIds.length === 0 && equipmentIds.length === 0) return [];
  const rows = await db.query<Array<{ line_id: string }>>(
    `SELECT id AS line_id FROM lines WHERE id = ANY($1::uuid[])
     UNION SELECT line_id FROM equipment WHERE id = ANY($2::uuid[])`,
    [lineIds, equipmentIds],
  );
  return rows.map((row) => row.line_id);
}

/** The line of each existing equipment among `ids`. */
async function equipmentLines(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<Array<{ id: string; line_id: string }>>(
    'SELECT id, line_id FROM equipment WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.line_id]));
}

/**
 * A plant-wide resource (sites, areas, downtime reasons): its objects name no line, so reads leak
 * nothing line-specific and stay open; a line-limited caller may not change them (every line
 * uses them). A list filter naming another line is still refused.
 */
const plantWide = <D, C, U>(subject: string): LinePolicy<D, C, U, PlantListQuery> => ({
  subject,
  lineOf: () => 'plant',
  linesOfCreate: () => 'plant',
  linesOfPatch: () => [],
  listFilter: (query) => query.lineId,
});

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
      const store: CrudStore<D, C, U, PlantListQuery> = {
        db: dataSource,
        list: (query, lineIds): Promise<Paginated<D>> =>
          crud.list(query, definition.where(query, lineIds)),
        get: (id: string) => crud.get(id),
        create: async (input: C, actor: SessionUser) => {
          await definition.validateCreate?.(dataSource, input);
          const created = await crud.create(definition.toEntity(input), actor);
          await changed(null, created);
          return created;
        },
        update: async (id, actor, check) => {
          let before: D | null = null;
          const after = await crud.update(
            id,
            async (current, was, manager) => {
              before = was;
              const input = await check(was, manager);
              await definition.validateUpdate?.(manager, id, input);
              definition.applyPatch(current, input);
            },
            actor,
          );
          await changed(before, after);
          return after;
        },
        remove: async (id, actor, check) => {
          let before: D | null = null;
          await crud.remove(id, actor, async (was, manager) => {
            before = was;
            await check(was, manager);
          });
          await changed(before, null);
        },
      };
      return lineScoped(store, definition.lines);
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

/**
 * The overrides given, reusing the stored row of each line or equipment kept: TypeORM inserts new
 * rows before it deletes the orphans, so a new row for a line already overridden would collide
 * with the old one on the unique key.
 */
function replaceCycleTimes(
  stored: readonly ProductCycleTimeEntity[],
  input: CreateProductInput['cycleTimes'],
): ProductCycleTimeEntity[] {
  const key = (c: { lineId?: string | null; equipmentId?: string | null }) =>
    `${c.lineId ?? ''}/${c.equipmentId ?? ''}`;
  const byKey = new Map(stored.map((row) => [key(row), row]));
  return input.map((c) => {
    const row = byKey.get(key(c));
    if (!row) return cycleTimeEntities([c])[0] as ProductCycleTimeEntity;
    row.idealCycleTimeSeconds = c.idealCycleTimeSeconds;
    return row;
  });
}

/**
 * A product is plant-wide (its code, name and default cycle time serve every line), but its
 * cycle-time overrides belong to lines (an equipment's to the equipment's line). A line-limited
 * caller reads it with only their lines' overrides and may change exactly those: the overrides a
 * patch gives replace theirs, the other lines' are kept as they are. They may add a product of
 * their lines (every override on them; one without overrides is plant-wide) and delete one that
 * only their lines use: its overrides, orders and checklist templates (which go with it) all on
 * their lines.
 */
const productLines = (): LinePolicy<
  Product,
  CreateProductInput,
  UpdateProductInput,
  PlantListQuery
> => {
  type CycleTime = { lineId?: string | null; equipmentId?: string | null };
  /** The line of each override (null: an unknown equipment, left to validation). */
  const overrideLines = async (
    db: Queryable,
    cycleTimes: readonly CycleTime[],
  ): Promise<Array<string | null>> => {
    const machines = await equipmentLines(
      db,
      cycleTimes.flatMap((c) => (c.lineId ? [] : c.equipmentId ? [c.equipmentId] : [])),
    );
    return cycleTimes.map((c) => c.lineId ?? machines.get(c.equipmentId ?? '') ?? null);
  };
  const mine = async (
    db: Queryable,
    cycleTimes: readonly CycleTime[],
    scope: LineScope,
  ): Promise<boolean[]> =>
    (await overrideLines(db, cycleTimes)).map((line) => line !== null && scope.allows(line));
  return {
    subject: 'This product',
    lineOf: () => 'plant',
    linesOfCreate: async (input, db) =>
      input.cycleTimes.length === 0
        ? 'plant'
        : (await overrideLines(db, input.cycleTimes)).flatMap((line) => (line ? [line] : [])),
    linesOfRemove: async (product, db) => {
      const rows = await db.query<Array<{ line_id: string | null }>>(
        `SELECT coalesce(c.line_id, e.line_id) AS line_id
           FROM product_cycle_times c LEFT JOIN equipment e ON e.id = c.equipment_id
          WHERE c.product_id = $1
         UNION SELECT line_id FROM production_orders WHERE product_id = $1
         UNION SELECT line_id FROM checklist_templates WHERE product_id = $1`,
        [product.id],
      );
      const lines = rows.map((row) => row.line_id);
      // No line uses it, or a template of no line goes with it: plant-wide.
      return lines.length === 0 || lines.includes(null)
        ? 'plant'
        : lines.flatMap((line) => (line ? [line] : []));
    },
    linesOfPatch: () => [], // overrides are checked by `limitedPatch` for line-limited callers
    listFilter: (query) => query.lineId,
    // One look-up of the equipment's lines for the whole page.
    view: async (items, scope, db) => {
      const keep = await mine(
        db,
        items.flatMap((product) => product.cycleTimes),
        scope,
      );
      let next = 0;
      return items.map((product) => ({
        ...product,
        cycleTimes: product.cycleTimes.filter(() => keep[next++] === true),
      }));
    },
    limitedPatch: async (before, input, scope, db) => {
      const { cycleTimes, ...rest } = input;
      // A form that sends the product back whole repeats these unchanged: only a change is refused.
      const changed = (Object.keys(rest) as Array<keyof typeof rest>).some(
        (key) => rest[key] !== undefined && rest[key] !== before[key],
      );
      if (changed) {
        throw new DomainException(
          'LINE_NOT_ASSIGNED',
          'A product’s code, name and default cycle time are used by every line; only a user assigned to every line may change them',
        );
      }
      if (cycleTimes === undefined) return {};
      const given = await overrideLines(db, cycleTimes);
      given.forEach((line) => {
        if (line !== null) scope.assert(line, 'A cycle time of this product');
      });
      const kept = await mine(db, before.cycleTimes, scope);
      const others = before.cycleTimes
        .filter((_, i) => !kept[i])
        .map((c) => ({
          ...(c.lineId ? { lineId: c.lineId } : {}),
          ...(c.equipmentId ? { equipmentId: c.equipmentId } : {}),
          idealCycleTimeSeconds: c.idealCycleTimeSeconds,
        }));
      return { cycleTimes: [...others, ...cycleTimes] };
    },
  };
};

export const PLANT_PROVIDERS: Provider[] = [
  definePort<SiteEntity, Site, CreateSiteInput, UpdateSiteInput>({
    token: PLANT_TOKENS.sites,
    crud: { entity: SiteEntity, entityType: 'site', label: 'Site', toDto: toSite },
    where: (query) => search<SiteEntity>(query, {}),
    lines: plantWide('This site'),
    toEntity: (input) => input,
    applyPatch: assignDefined,
  }),
  definePort<AreaEntity, Area, CreateAreaInput, UpdateAreaInput>({
    token: PLANT_TOKENS.areas,
    crud: { entity: AreaEntity, entityType: 'area', label: 'Area', toDto: toArea },
    where: (query) => search<AreaEntity>(query, query.siteId ? { siteId: query.siteId } : {}),
    // An area groups lines, possibly of several users' scopes: plant-wide.
    lines: plantWide('This area'),
    toEntity: (input) => input,
    applyPatch: assignDefined,
  }),
  definePort<LineEntity, Line, CreateLineInput, UpdateLineInput>({
    token: PLANT_TOKENS.lines,
    crud: { entity: LineEntity, entityType: 'line', label: 'Line', toDto: toLine },
    where: (query, lineIds) =>
      search<LineEntity>(query, {
        ...(query.areaId ? { areaId: query.areaId } : {}),
        ...(lineIds ? { id: In([...lineIds]) } : {}),
      }),
    lines: {
      subject: 'This line',
      lineOf: (line) => [line.id],
      // A new line is on no one's list yet: adding lines to the plant is plant-wide.
      linesOfCreate: () => 'plant',
      // Its output is checked to be its own equipment; its area only groups it.
      linesOfPatch: () => [],
      listFilter: (query) => query.lineId,
    },
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
    where: (query, lineIds) => search<EquipmentEntity>(query, onLines(lineIds)),
    lines: {
      subject: 'This equipment',
      lineOf: (equipment) => [equipment.lineId],
      linesOfCreate: (input, db) => linesOf(db, { lineIds: [input.lineId] }),
      // Moved to another line: that line must be the caller's too.
      linesOfPatch: (input, _before, db) =>
        input.lineId === undefined ? [] : linesOf(db, { lineIds: [input.lineId] }),
      listFilter: (query) => query.lineId,
    },
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
    lines: productLines(),
    toEntity: (input) => ({ ...input, cycleTimes: cycleTimeEntities(input.cycleTimes) }),
    applyPatch: (current, { cycleTimes, ...rest }) => {
      assignDefined(current, rest);
      if (cycleTimes) current.cycleTimes = replaceCycleTimes(current.cycleTimes, cycleTimes);
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
    where: (_query, lineIds) => onLines(lineIds),
    lines: {
      subject: 'This shift',
      lineOf: (shift) => [shift.lineId],
      linesOfCreate: (input, db) => linesOf(db, { lineIds: [input.lineId] }),
      linesOfPatch: () => [], // a shift stays on its line
      listFilter: (query) => query.lineId,
    },
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
    // A stop of a line, or of a machine on it: both belong to the line.
    where: (_query, lineIds) =>
      lineIds
        ? [
            { lineId: In([...lineIds]) },
            {
              equipmentId: Raw(
                (alias) =>
                  `${alias} IN (SELECT e.id FROM equipment e WHERE e.line_id IN (:...lineIds))`,
                { lineIds: [...lineIds] },
              ),
            },
          ]
        : {},
    lines: {
      subject: 'This planned stop',
      lineOf: (stop, db) =>
        stop.lineId
          ? [stop.lineId]
          : linesOf(db, { equipmentIds: stop.equipmentId ? [stop.equipmentId] : [] }),
      linesOfCreate: (input, db) =>
        linesOf(db, {
          lineIds: input.lineId ? [input.lineId] : [],
          equipmentIds: input.equipmentId ? [input.equipmentId] : [],
        }),
      linesOfPatch: () => [], // a stop stays on its line or machine
      listFilter: (query) => query.lineId,
    },
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
    // One reason tree for the whole plant: the codes every line's stops are given.
    lines: plantWide('This downtime reason'),
    toEntity: (input) => input,
    applyPatch: assignDefined,
  }),
];
