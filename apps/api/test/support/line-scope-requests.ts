import type { Paginated, Product, Role } from '@ms5/contracts';
import {
  CREW_ROLES,
  type CrewOrders,
  type CrewRole,
  type LineSide,
  type ScopePlant,
  freshSlot,
  idsOf,
  nextSequence,
  planBody,
  policyBody,
  workOrderBody,
} from './line-scope-plant.js';

/**
 * The route table of the line-scope acceptance test: every operation of the OpenAPI document,
 * keyed `METHOD /path` as the document spells it, is either line-free (with the reason) or says
 * how to call it against a line's objects. Each call is built for a side: against line B it must
 * be refused (and change nothing of B), against line A — the line the users are limited to — it
 * must succeed where the role holds the route's permissions. Lists and aggregates are read with
 * no line filter and must hold line A's data only.
 */

/** What a call is built with. */
export interface CallContext {
  plant: ScopePlant;
  /** Line A: the user's own line (a call may move one of its objects onto the side). */
  own: LineSide;
  role: Role;
  /** The role holds the route's permissions and may take this step (so the call could succeed). */
  mayAct: boolean;
}

export interface ScopedRequest {
  /** The path with its query string. */
  path: string;
  /** The JSON body (`{}` for a write when none is given). */
  body?: object;
  /** Read as admin before and after the call: must not differ (what a leaking write would change). */
  watch?: () => Promise<unknown>;
  /** Runs after the call, whatever the answer (stops what it may have started). */
  cleanup?: () => Promise<void>;
}

export interface ScopedCall {
  /** What of the side the call names, for the report. */
  name: string;
  /** Only these roles can take the step at all (e.g. a job's own operator); default: any holding the permissions. */
  actors?: readonly Role[];
  /** No control on line A, and why. */
  noControl?: string;
  /** Writes run in this order (default 0): 1 consumes the line’s running order, 2 deletes the line, 3 runs the simulator. */
  phase?: number;
  build(side: LineSide, context: CallContext): Promise<ScopedRequest> | ScopedRequest;
}

export interface ListCheck {
  /** As an A-limited user, without a line filter. */
  path(plant: ScopePlant): string;
  /** The answer must hold some id of line A (default): else it proves nothing. */
  holdsOwn?: boolean;
  /** What admin reads for line A only, and how both answers compare (default: total and item ids). */
  sameAs?: {
    path(plant: ScopePlant): string;
    user?(body: unknown, plant: ScopePlant): unknown;
    admin?(body: unknown, plant: ScopePlant): unknown;
  };
}

export type RouteScope = { lineFree: string } | { calls?: readonly ScopedCall[]; list?: ListCheck };

// --- helpers ----------------------------------------------------------------------------------

const query = (params: Record<string, string>): string => new URLSearchParams(params).toString();
const window = (plant: ScopePlant) => plant.window;

/** A read of the side's object (or of a list filtered by it): nothing to watch. */
const read = (
  name: string,
  path: (side: LineSide, context: CallContext) => string,
): ScopedCall => ({
  name,
  build: (side, context) => ({ path: path(side, context) }),
});

/** The same filter by the side's line and by its filler, for the routes that take either. */
const byLineOrEquipment = (
  route: string,
  extra: (plant: ScopePlant) => Record<string, string>,
): ScopedCall[] => [
  read(
    'lineId',
    (side, { plant }) => `${route}?${query({ lineId: side.line.id, ...extra(plant) })}`,
  ),
  read(
    'equipmentId',
    (side, { plant }) => `${route}?${query({ equipmentId: side.fill.id, ...extra(plant) })}`,
  ),
];

const get =
  (plant: ScopePlant, path: string): (() => Promise<unknown>) =>
  () =>
    plant.admin.get(path);
const total =
  (plant: ScopePlant, path: string): (() => Promise<unknown>) =>
  () =>
    plant.admin.total(path);

/** Admin's whole list (up to 200), the items that belong to the side by `belongs`. */
const countWhere =
  <T>(plant: ScopePlant, path: string, belongs: (item: T) => boolean): (() => Promise<unknown>) =>
  async () =>
    (await plant.admin.get<Paginated<T>>(`${path}?pageSize=200`)).items.filter(belongs).length;

const onSide = (side: LineSide) => (id: string | null) =>
  id !== null && [side.line.id, side.fill.id, side.pack.id, side.spare.id].includes(id);

const paged = (body: unknown) => {
  const page = body as Paginated<{ id: string }>;
  return { total: page.total, ids: page.items.map((item) => item.id).sort() };
};

/** The OEE report of one scope without the scope's own ids (the plant's names neither). */
const figures = (report: unknown) => {
  const { lineId: _line, equipmentId: _equipment, ...rest } = report as Record<string, unknown>;
  return rest;
};

const OPERATOR_ONLY: readonly Role[] = ['operator'];

const PLANT_WIDE =
  'plant-wide: on no single line, so created, changed and deleted only by a user of every line (403 on line A too)';

/**
 * A write of a plant-wide object (every line uses it): refused to a user limited to some lines,
 * whichever line is named. Built the same for both sides; there is no control on line A.
 */
const plantWide = (
  name: string,
  build: (plant: ScopePlant, context: CallContext) => Promise<ScopedRequest> | ScopedRequest,
): ScopedCall => ({
  name,
  noControl: PLANT_WIDE,
  build: (_side, context) => build(context.plant, context),
});

/** A list filtered by the side's line (every plant list takes `lineId`). */
const byLine = (route: string): ScopedCall =>
  read('lineId', (side) => `${route}?lineId=${side.line.id}`);

// --- the table --------------------------------------------------------------------------------

export const LINE_SCOPE_ROUTES: Record<string, RouteScope> = {
  // --- sign-in, own profile, operations ---
  'POST /api/auth/login': { lineFree: 'signs a user in: no line’s data' },
  'POST /api/auth/refresh': { lineFree: 'renews the caller’s own session' },
  'POST /api/auth/logout': { lineFree: 'ends the caller’s own session' },
  'GET /api/auth/me': { lineFree: 'the caller’s own profile and permissions' },
  'GET /health/live': { lineFree: 'liveness, no line’s data' },
  'GET /health/ready': { lineFree: 'readiness, no line’s data' },
  'GET /health/info': { lineFree: 'version and uptime, no line’s data' },
  'GET /metrics': { lineFree: 'process metrics for Prometheus, no line’s data' },

  // --- users and administration: who may see which line is set here ---
  'GET /api/users': {
    lineFree: 'user administration (users:read, admins): users belong to no line',
  },
  'POST /api/users': { lineFree: 'user administration (users:manage): a user belongs to no line' },
  'GET /api/users/{id}': { lineFree: 'user administration: a user belongs to no line' },
  'PATCH /api/users/{id}': { lineFree: 'user administration: a user belongs to no line' },
  'GET /api/users/{id}/lines': {
    lineFree: 'reads a user’s line assignment (users:read): administration of the scope itself',
  },
  'PUT /api/users/{id}/lines': {
    lineFree:
      'sets a user’s line assignment (users:manage, admins only): the administration of the scope itself',
  },
  'GET /api/operators': {
    // The operators who work on the user's lines: not one limited to line B alone.
    list: { path: () => '/api/operators?pageSize=200' },
  },
  'GET /api/audit-log': {
    lineFree: 'the security record of the whole plant, read by admins only (audit:read)',
  },

  // --- plant hierarchy above the lines: plant-wide, open to read ---
  'GET /api/sites': { calls: [byLine('/api/sites')] },
  'POST /api/sites': {
    calls: [
      plantWide('a new site', (plant) => ({
        path: '/api/sites',
        body: { code: `SC-NEWSITE-${nextSequence()}`, name: 'New site' },
        watch: total(plant, '/api/sites'),
      })),
    ],
  },
  'GET /api/sites/{id}': { lineFree: 'a site is plant-wide: names and time zone only' },
  'PATCH /api/sites/{id}': {
    calls: [
      plantWide('the site', (plant) => ({
        path: `/api/sites/${plant.site.id}`,
        body: { name: `Scope ${nextSequence()}` },
        watch: get(plant, `/api/sites/${plant.site.id}`),
      })),
    ],
  },
  'DELETE /api/sites/{id}': {
    calls: [
      plantWide('an empty site', async (plant, { mayAct }) => {
        const site = mayAct ? await plant.fresh.site() : plant.site;
        return { path: `/api/sites/${site.id}`, watch: get(plant, `/api/sites/${site.id}`) };
      }),
    ],
  },
  'GET /api/areas': { calls: [byLine('/api/areas')] },
  'POST /api/areas': {
    calls: [
      plantWide('a new area', (plant) => ({
        path: '/api/areas',
        body: { siteId: plant.site.id, code: `SC-NEWAREA-${nextSequence()}`, name: 'New area' },
        watch: total(plant, '/api/areas'),
      })),
    ],
  },
  'GET /api/areas/{id}': { lineFree: 'an area is plant-wide (it groups lines): names only' },
  'PATCH /api/areas/{id}': {
    calls: [
      plantWide('the area of both lines', (plant) => ({
        path: `/api/areas/${plant.area.id}`,
        body: { name: `Scope ${nextSequence()}` },
        watch: get(plant, `/api/areas/${plant.area.id}`),
      })),
    ],
  },
  'DELETE /api/areas/{id}': {
    calls: [
      plantWide('an empty area', async (plant, { mayAct }) => {
        const area = mayAct ? await plant.fresh.area() : plant.area;
        return { path: `/api/areas/${area.id}`, watch: get(plant, `/api/areas/${area.id}`) };
      }),
    ],
  },

  // --- lines and equipment ---
  'GET /api/lines': {
    calls: [byLine('/api/lines')],
    list: {
      path: () => '/api/lines?pageSize=200',
      sameAs: {
        path: () => '/api/lines?pageSize=200',
        user: paged,
        admin: (_body, plant) => ({ total: 1, ids: [plant.A.line.id] }),
      },
    },
  },
  'POST /api/lines': {
    calls: [
      plantWide('a new line (on nobody’s list)', (plant) => ({
        path: '/api/lines',
        body: { code: `SC-NEWLINE-${nextSequence()}`, name: 'New line' },
        watch: total(plant, '/api/lines'),
      })),
    ],
  },
  'GET /api/lines/{id}': { calls: [read('line', (side) => `/api/lines/${side.line.id}`)] },
  'PATCH /api/lines/{id}': {
    calls: [
      {
        name: 'line',
        build: (side, { plant }) => ({
          path: `/api/lines/${side.line.id}`,
          body: { microStopThresholdSeconds: 99 },
          watch: get(plant, `/api/lines/${side.line.id}`),
        }),
      },
    ],
  },
  'DELETE /api/lines/{id}': {
    calls: [
      {
        name: 'line',
        phase: 2,
        noControl:
          'deleting line A would take the fixture with it (and a line with equipment is in use)',
        build: (side, { plant }) => ({
          path: `/api/lines/${side.line.id}`,
          watch: get(plant, `/api/lines/${side.line.id}`),
        }),
      },
    ],
  },
  'GET /api/equipment': {
    calls: [read('lineId', (side) => `/api/equipment?lineId=${side.line.id}`)],
    list: {
      path: () => '/api/equipment?pageSize=200',
      sameAs: { path: (plant) => `/api/equipment?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'POST /api/equipment': {
    calls: [
      {
        name: 'lineId in the body',
        build: (side, { plant }) => ({
          path: '/api/equipment',
          body: {
            code: `SC-NEW-${nextSequence()}`,
            name: 'New machine',
            lineId: side.line.id,
            idealCycleTimeSeconds: 2,
          },
          watch: total(plant, `/api/equipment?lineId=${side.line.id}`),
        }),
      },
    ],
  },
  'GET /api/equipment/{id}': {
    calls: [read('equipment', (side) => `/api/equipment/${side.fill.id}`)],
  },
  'PATCH /api/equipment/{id}': {
    calls: [
      {
        name: 'equipment',
        build: (side, { plant }) => ({
          path: `/api/equipment/${side.spare.id}`,
          body: { idealCycleTimeSeconds: 99 },
          watch: get(plant, `/api/equipment/${side.spare.id}`),
        }),
      },
      {
        name: 'own equipment moved onto the line',
        build: (side, { plant, own }) => ({
          path: `/api/equipment/${own.spare.id}`,
          body: { lineId: side.line.id },
          watch: get(plant, `/api/equipment/${own.spare.id}`),
        }),
      },
    ],
  },
  'DELETE /api/equipment/{id}': {
    calls: [
      {
        name: 'equipment',
        build: async (side, { plant, mayAct }) => {
          const target = mayAct ? await plant.fresh.equipment(side) : side.spare;
          return {
            path: `/api/equipment/${target.id}`,
            watch: get(plant, `/api/equipment/${target.id}`),
          };
        },
      },
    ],
  },

  // --- products: a plant-wide catalogue, but a cycle time of a line is that line's data ---
  'GET /api/products': {
    calls: [byLine('/api/products')],
    // Every product, with only the cycle times of the user's lines.
    list: { path: () => '/api/products?pageSize=200' },
  },
  'GET /api/products/{id}': {
    // Readable (plant-wide), but without line B's cycle time.
    list: { path: (plant) => `/api/products/${plant.B.cycleProduct.id}`, holdsOwn: false },
  },
  'POST /api/products': {
    // A product of the user's lines only (every cycle time on them) may be added; one with a
    // cycle time of another line, or with none (plant-wide), may not.
    calls: [
      ...(['lineId', 'equipmentId'] as const).map((field): ScopedCall => ({
        name: `a cycle time by ${field}`,
        build: (side, { plant }) => ({
          path: '/api/products',
          body: {
            code: `SC-NEWPR-${nextSequence()}`,
            name: 'New product',
            idealCycleTimeSeconds: 2,
            cycleTimes: [
              {
                [field]: field === 'lineId' ? side.line.id : side.fill.id,
                idealCycleTimeSeconds: 5,
              },
            ],
          },
          watch: countWhere<Product>(plant, '/api/products', (product) =>
            product.cycleTimes.some(
              (cycle) => onSide(side)(cycle.lineId) || onSide(side)(cycle.equipmentId),
            ),
          ),
        }),
      })),
      plantWide('a new product without cycle times (every line’s)', (plant) => ({
        path: '/api/products',
        body: { code: `SC-NEWPR-${nextSequence()}`, name: 'New product', idealCycleTimeSeconds: 2 },
        watch: total(plant, '/api/products'),
      })),
    ],
  },
  'PATCH /api/products/{id}': {
    // A product of its own for each call that may succeed (each call changes it once), its
    // cycle time on the line's filler replaced by one on the line.
    calls: [
      {
        name: 'the line’s cycle time',
        build: async (side, { plant, mayAct }) => {
          const target = mayAct ? await plant.fresh.product(side, 'equipment') : side.cycleProduct;
          return {
            path: `/api/products/${target.id}`,
            body: { cycleTimes: [{ lineId: side.line.id, idealCycleTimeSeconds: 7 }] },
            watch: get(plant, `/api/products/${target.id}`),
          };
        },
      },
      {
        name: 'own product given a cycle time on the line',
        build: async (side, { plant, own, mayAct }) => {
          const target = mayAct ? await plant.fresh.product(own, 'equipment') : own.cycleProduct;
          return {
            path: `/api/products/${target.id}`,
            body: { cycleTimes: [{ lineId: side.line.id, idealCycleTimeSeconds: 7 }] },
            watch: get(plant, `/api/products/${target.id}`),
          };
        },
      },
      plantWide('the name of the product every order makes', (plant) => ({
        path: `/api/products/${plant.product.id}`,
        body: { name: `Case ${nextSequence()}` },
        watch: get(plant, `/api/products/${plant.product.id}`),
      })),
    ],
  },
  'DELETE /api/products/{id}': {
    // Deleted only when everything that uses it is on the user's lines.
    calls: [
      {
        name: 'a product only the line uses',
        build: async (side, { plant, mayAct }) => {
          const target = mayAct ? await plant.fresh.product(side) : side.cycleProduct;
          return {
            path: `/api/products/${target.id}`,
            watch: get(plant, `/api/products/${target.id}`),
          };
        },
      },
      plantWide('the product both lines’ orders make', (plant) => ({
        path: `/api/products/${plant.product.id}`,
        watch: get(plant, `/api/products/${plant.product.id}`),
      })),
    ],
  },

  // --- shifts and planned stops ---
  'GET /api/shifts': {
    calls: [read('lineId', (side) => `/api/shifts?lineId=${side.line.id}`)],
    list: {
      path: () => '/api/shifts?pageSize=200',
      sameAs: { path: (plant) => `/api/shifts?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'POST /api/shifts': {
    calls: [
      {
        name: 'lineId in the body',
        build: (side, { plant }) => ({
          path: '/api/shifts',
          body: {
            lineId: side.line.id,
            name: `Night ${nextSequence()}`,
            startTime: '23:00',
            endTime: '23:30',
            timezone: 'UTC',
          },
          watch: total(plant, `/api/shifts?lineId=${side.line.id}`),
        }),
      },
    ],
  },
  'GET /api/shifts/{id}': { calls: [read('shift', (side) => `/api/shifts/${side.shift.id}`)] },
  'PATCH /api/shifts/{id}': {
    calls: [
      {
        name: 'shift',
        build: (side, { plant }) => ({
          path: `/api/shifts/${side.shift.id}`,
          body: { name: `Day ${side.key} (renamed)` },
          watch: get(plant, `/api/shifts/${side.shift.id}`),
        }),
      },
    ],
  },
  'DELETE /api/shifts/{id}': {
    calls: [
      {
        name: 'shift',
        build: async (side, { plant, mayAct }) => {
          const target = mayAct ? await plant.fresh.shift(side) : side.shift;
          return {
            path: `/api/shifts/${target.id}`,
            watch: get(plant, `/api/shifts/${target.id}`),
          };
        },
      },
    ],
  },
  'GET /api/planned-stops': {
    calls: [read('lineId', (side) => `/api/planned-stops?lineId=${side.line.id}`)],
    list: {
      path: () => '/api/planned-stops?pageSize=200',
      sameAs: { path: (plant) => `/api/planned-stops?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'POST /api/planned-stops': {
    calls: (['lineId', 'equipmentId'] as const).map((field): ScopedCall => ({
      name: `${field} in the body`,
      build: (side, { plant }) => {
        const slot = freshSlot();
        return {
          path: '/api/planned-stops',
          body: {
            [field]: field === 'lineId' ? side.line.id : side.fill.id,
            startsAt: slot.start,
            endsAt: slot.end,
            reason: 'Inspection',
          },
          watch: countWhere<{ lineId: string | null; equipmentId: string | null }>(
            plant,
            '/api/planned-stops',
            (stop) => onSide(side)(stop.lineId) || onSide(side)(stop.equipmentId),
          ),
        };
      },
    })),
  },
  'GET /api/planned-stops/{id}': {
    calls: [read('planned stop', (side) => `/api/planned-stops/${side.plannedStop.id}`)],
  },
  'PATCH /api/planned-stops/{id}': {
    calls: [
      {
        name: 'planned stop',
        build: (side, { plant }) => ({
          path: `/api/planned-stops/${side.plannedStop.id}`,
          body: { reason: `Cleaning ${nextSequence()}` },
          watch: get(plant, `/api/planned-stops/${side.plannedStop.id}`),
        }),
      },
    ],
  },
  'DELETE /api/planned-stops/{id}': {
    calls: [
      {
        name: 'planned stop',
        build: async (side, { plant, mayAct }) => {
          const target = mayAct ? await plant.fresh.plannedStop(side) : side.plannedStop;
          return {
            path: `/api/planned-stops/${target.id}`,
            watch: get(plant, `/api/planned-stops/${target.id}`),
          };
        },
      },
    ],
  },

  // --- the reason tree: plant-wide (one for the plant), open to read ---
  'GET /api/downtime-reasons': { calls: [byLine('/api/downtime-reasons')] },
  'POST /api/downtime-reasons': {
    calls: [
      plantWide('a new reason', (plant) => ({
        path: '/api/downtime-reasons',
        body: {
          code: `SC-NEWR-${nextSequence()}`,
          name: 'New reason',
          category: 'Machine',
          lossClass: 'availability',
        },
        watch: total(plant, '/api/downtime-reasons'),
      })),
    ],
  },
  'GET /api/downtime-reasons/{id}': { lineFree: 'the downtime reason tree is plant-wide and open' },
  'PATCH /api/downtime-reasons/{id}': {
    calls: [
      plantWide('a reason both lines use', (plant) => ({
        path: `/api/downtime-reasons/${plant.reasons.jam.id}`,
        body: { name: `Jam ${nextSequence()}` },
        watch: get(plant, `/api/downtime-reasons/${plant.reasons.jam.id}`),
      })),
    ],
  },
  'DELETE /api/downtime-reasons/{id}': {
    calls: [
      plantWide('an unused reason', async (plant, { mayAct }) => {
        const reason = mayAct ? await plant.fresh.reason() : plant.reasons.alt;
        return {
          path: `/api/downtime-reasons/${reason.id}`,
          watch: get(plant, `/api/downtime-reasons/${reason.id}`),
        };
      }),
    ],
  },

  // --- ingestion ---
  'POST /api/ingest/events': {
    calls: [
      {
        name: 'an event of the line’s equipment',
        build: (side, { plant }) => ({
          path: '/api/ingest/events',
          body: { events: [countEvent(side, plant)] },
          watch: () => plant.eventCount(side),
        }),
      },
      {
        name: 'a batch of own and the line’s equipment',
        build: (side, { plant, own }) => ({
          path: '/api/ingest/events',
          body: { events: [countEvent(own, plant), countEvent(side, plant)] },
          watch: () => plant.eventCount(side),
        }),
      },
    ],
  },

  // --- OEE ---
  'GET /api/oee': { calls: byLineOrEquipment('/api/oee', window) },
  'GET /api/oee/series': { calls: byLineOrEquipment('/api/oee/series', window) },
  'GET /api/oee/lines': {
    list: {
      path: (plant) => `/api/oee/lines?${query(plant.window)}`,
      sameAs: {
        path: (plant) => `/api/oee?${query({ lineId: plant.A.line.id, ...plant.window })}`,
        user: (body) => {
          const report = body as { plant: unknown; lines: Array<{ lineId: string | null }> };
          return { plant: figures(report.plant), lines: report.lines.map((line) => line.lineId) };
        },
        admin: (body, plant) => ({ plant: figures(body), lines: [plant.A.line.id] }),
      },
    },
  },
  'GET /api/oee/rollups/status': {
    lineFree:
      'the roll-up worker’s queue length and age: counts that name no line (admin has no line filter to compare them with)',
  },
  'GET /api/overview': {
    calls: [read('lineId', (side) => `/api/overview?lineId=${side.line.id}`)],
    list: {
      path: () => '/api/overview',
      sameAs: {
        path: (plant) => `/api/overview?lineId=${plant.A.line.id}`,
        user: (body) => (body as { lines: unknown }).lines,
        admin: (body) => (body as { lines: unknown }).lines,
      },
    },
  },

  // --- downtime ---
  'GET /api/downtime': { calls: byLineOrEquipment('/api/downtime', window) },
  'PUT /api/downtime/reason': {
    calls: [
      {
        name: 'a stop of the line’s equipment',
        build: (side, { plant }) => ({
          path: '/api/downtime/reason',
          body: {
            ...side.stop,
            reasonCode: nextSequence() % 2 ? plant.reasons.jam.code : plant.reasons.alt.code,
            comment: 'Scope test',
          },
          watch: get(
            plant,
            `/api/downtime?${query({ equipmentId: side.fill.id, ...plant.window })}`,
          ),
        }),
      },
    ],
  },
  'GET /api/downtime/pareto': { calls: byLineOrEquipment('/api/downtime/pareto', window) },
  'GET /api/downtime/reliability': {
    calls: byLineOrEquipment('/api/downtime/reliability', window),
  },

  // --- andon ---
  'GET /api/andon-policies': {
    // No line filter to compare with: plant-wide policies (no line) would be everyone's.
    list: { path: () => '/api/andon-policies?pageSize=200' },
  },
  'POST /api/andon-policies': {
    calls: [
      {
        name: 'lineId in the body',
        build: (side, { plant }) => ({
          path: '/api/andon-policies',
          body: policyBody(side.line.id, 'New policy'),
          watch: countWhere<{ lineId: string | null }>(plant, '/api/andon-policies', (policy) =>
            onSide(side)(policy.lineId),
          ),
        }),
      },
      plantWide('a plant-wide policy (no line)', (plant) => ({
        path: '/api/andon-policies',
        body: { ...policyBody(plant.A.line.id, 'Plant-wide'), lineId: null },
        watch: countWhere<{ lineId: string | null }>(
          plant,
          '/api/andon-policies',
          (policy) => policy.lineId === null,
        ),
      })),
    ],
  },
  'GET /api/andon-policies/{id}': {
    calls: [read('policy', (side) => `/api/andon-policies/${side.policy.id}`)],
  },
  'PATCH /api/andon-policies/{id}': {
    calls: [
      {
        name: 'policy',
        build: (side, { plant }) => ({
          path: `/api/andon-policies/${side.policy.id}`,
          body: { name: `Policy ${side.key} ${nextSequence()}` },
          watch: get(plant, `/api/andon-policies/${side.policy.id}`),
        }),
      },
      {
        name: 'own policy moved onto the line',
        build: (side, { plant, own }) => ({
          path: `/api/andon-policies/${own.sparePolicy.id}`,
          body: { lineId: side.line.id },
          watch: get(plant, `/api/andon-policies/${own.sparePolicy.id}`),
        }),
      },
      plantWide('the plant-wide policy', (plant) => ({
        path: `/api/andon-policies/${plant.plantPolicy.id}`,
        body: { name: `Plant-wide ${nextSequence()}` },
        watch: get(plant, `/api/andon-policies/${plant.plantPolicy.id}`),
      })),
      plantWide('own policy made plant-wide', (plant) => ({
        path: `/api/andon-policies/${plant.A.sparePolicy.id}`,
        body: { lineId: null },
        watch: get(plant, `/api/andon-policies/${plant.A.sparePolicy.id}`),
      })),
    ],
  },
  'DELETE /api/andon-policies/{id}': {
    calls: [
      {
        name: 'policy',
        build: async (side, { plant, mayAct }) => {
          const target = mayAct ? await plant.fresh.policy(side) : side.policy;
          return {
            path: `/api/andon-policies/${target.id}`,
            watch: get(plant, `/api/andon-policies/${target.id}`),
          };
        },
      },
    ],
  },
  'GET /api/andon': {
    calls: [
      read('lineId', (side) => `/api/andon?lineId=${side.line.id}`),
      read('equipmentId', (side) => `/api/andon?equipmentId=${side.fill.id}`),
    ],
    list: {
      path: () => '/api/andon?pageSize=200',
      sameAs: { path: (plant) => `/api/andon?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'POST /api/andon': {
    calls: [
      {
        name: 'a call on the line’s equipment',
        build: (side, { plant }) => ({
          path: '/api/andon',
          body: { equipmentId: side.fill.id, type: 'help', priority: 'low' },
          watch: total(plant, `/api/andon?lineId=${side.line.id}`),
        }),
      },
    ],
  },
  'GET /api/andon/insights': {
    calls: [
      read(
        'lineId',
        (side, { plant }) =>
          `/api/andon/insights?${query({ lineId: side.line.id, ...plant.andonWindow })}`,
      ),
    ],
    list: {
      path: (plant) => `/api/andon/insights?${query(plant.andonWindow)}`,
      sameAs: {
        path: (plant) =>
          `/api/andon/insights?${query({ lineId: plant.A.line.id, ...plant.andonWindow })}`,
        user: (body) => body,
        admin: (body) => body,
      },
    },
  },
  'GET /api/andon/my-lines': { lineFree: 'the caller’s own line assignment' },
  'GET /api/andon/{id}': { calls: [read('call', (side) => `/api/andon/${side.openCall.id}`)] },
  'POST /api/andon/{id}/acknowledge': {
    calls: [
      {
        name: 'an open call',
        build: async (side, { plant, mayAct }) => {
          const call = mayAct ? await plant.fresh.openCall(side) : side.openCall;
          return {
            path: `/api/andon/${call.id}/acknowledge`,
            watch: get(plant, `/api/andon/${call.id}`),
          };
        },
      },
    ],
  },
  'POST /api/andon/{id}/resolve': {
    calls: [
      {
        name: 'an acknowledged call',
        build: async (side, { plant, mayAct }) => {
          const call = mayAct ? await plant.fresh.acknowledgedCall(side) : side.openCall;
          return {
            path: `/api/andon/${call.id}/resolve`,
            body: { resolution: 'Scope test' },
            watch: get(plant, `/api/andon/${call.id}`),
          };
        },
      },
    ],
  },

  // --- orders ---
  'GET /api/orders': {
    calls: [read('lineId', (side) => `/api/orders?lineId=${side.line.id}`)],
    list: {
      path: () => '/api/orders?pageSize=200',
      sameAs: { path: (plant) => `/api/orders?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'POST /api/orders': {
    calls: [
      {
        name: 'lineId in the body',
        build: (side, { plant }) => {
          const slot = freshSlot();
          return {
            path: '/api/orders',
            body: {
              lineId: side.line.id,
              productId: plant.product.id,
              quantity: 5,
              plannedStart: slot.start,
              plannedEnd: slot.end,
            },
            watch: total(plant, `/api/orders?lineId=${side.line.id}`),
          };
        },
      },
    ],
  },
  'GET /api/orders/{id}': {
    calls: [read('order', (side) => `/api/orders/${side.plannedOrder.id}`)],
  },
  'PATCH /api/orders/{id}': {
    calls: [
      {
        name: 'a planned order',
        build: (side, { plant }) => ({
          path: `/api/orders/${side.plannedOrder.id}`,
          body: { quantity: 50 + (nextSequence() % 40) },
          watch: get(plant, `/api/orders/${side.plannedOrder.id}`),
        }),
      },
    ],
  },
  'POST /api/orders/{id}/release': {
    calls: [
      {
        name: 'a planned order',
        build: async (side, { plant, mayAct }) => {
          const order = mayAct ? await plant.fresh.plannedOrder(side) : side.plannedOrder;
          return {
            path: `/api/orders/${order.id}/release`,
            watch: get(plant, `/api/orders/${order.id}`),
          };
        },
      },
    ],
  },
  'POST /api/orders/{id}/start': {
    calls: [
      {
        name: 'a released order (the line free)',
        phase: 1,
        build: async (side, { plant, mayAct }) => {
          // One order runs on a line at a time: free the line, or the answer is LINE_BUSY.
          if (mayAct) await plant.fresh.freeLine(side);
          const order = mayAct ? await plant.fresh.releasedOrder(side) : side.releasedOrder;
          return {
            path: `/api/orders/${order.id}/start`,
            watch: get(plant, `/api/orders/${order.id}`),
          };
        },
      },
    ],
  },
  'POST /api/orders/{id}/complete': {
    calls: [
      {
        name: 'a running order',
        phase: 1,
        build: async (side, { plant, mayAct }) => {
          const order = mayAct ? await plant.fresh.runningOrder(side) : side.runningOrder;
          return {
            path: `/api/orders/${order.id}/complete`,
            watch: get(plant, `/api/orders/${order.id}`),
          };
        },
      },
    ],
  },
  'POST /api/orders/{id}/cancel': {
    calls: [
      {
        name: 'a planned order',
        build: async (side, { plant, mayAct }) => {
          const order = mayAct ? await plant.fresh.plannedOrder(side) : side.plannedOrder;
          return {
            path: `/api/orders/${order.id}/cancel`,
            body: { reason: 'Scope test' },
            watch: get(plant, `/api/orders/${order.id}`),
          };
        },
      },
    ],
  },
  'GET /api/lines/{id}/schedule': {
    calls: [read('line', (side) => `/api/lines/${side.line.id}/schedule`)],
  },

  // --- jobs ---
  'GET /api/jobs': {
    calls: [
      read('lineId', (side) => `/api/jobs?lineId=${side.line.id}`),
      read('orderId', (side) => `/api/jobs?orderId=${side.runningOrder.id}`),
    ],
    list: {
      path: () => '/api/jobs?pageSize=200',
      sameAs: { path: (plant) => `/api/jobs?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'POST /api/jobs': {
    calls: [
      {
        name: 'orderId in the body',
        build: (side, { plant }) => ({
          path: '/api/jobs',
          body: { orderId: side.plannedOrder.id, operatorId: plant.floorOperator.id },
          watch: total(plant, `/api/jobs?orderId=${side.plannedOrder.id}`),
        }),
      },
    ],
  },
  'GET /api/jobs/{id}': {
    calls: [read('another operator’s job', (side) => `/api/jobs/${side.job.id}`)],
  },
  // The steps are the job's own operator's: the A-limited operator's own jobs on each line, made
  // before it was limited, so that only the line can refuse them.
  'POST /api/jobs/{id}/accept': { calls: [jobStep('accept')] },
  'POST /api/jobs/{id}/start': { calls: [jobStep('start')] },
  'POST /api/jobs/{id}/complete': { calls: [jobStep('complete')] },

  // --- checklists ---
  'GET /api/checklist-templates': {
    calls: [read('lineId', (side) => `/api/checklist-templates?lineId=${side.line.id}`)],
    list: {
      path: () => '/api/checklist-templates?pageSize=200&active=all',
      // Line A's templates, and the templates of a product alone (every line's) besides.
      sameAs: {
        path: (plant) =>
          `/api/checklist-templates?pageSize=200&active=all&lineId=${plant.A.line.id}`,
        user: (body) =>
          (body as Paginated<{ id: string; lineId: string | null }>).items
            .filter((template) => template.lineId !== null)
            .map((template) => template.id)
            .sort(),
        admin: (body) => paged(body).ids,
      },
    },
  },
  'POST /api/checklist-templates': {
    calls: [
      {
        name: 'lineId in the body',
        build: (side, { plant }) => ({
          path: '/api/checklist-templates',
          body: {
            name: `New ${nextSequence()}`,
            lineId: side.line.id,
            productId: plant.productX.id,
            items: [{ label: 'Tools stowed', kind: 'yes_no' }],
          },
          watch: total(plant, `/api/checklist-templates?active=all&lineId=${side.line.id}`),
        }),
      },
      plantWide('a template of a product alone (every line)', (plant) => ({
        path: '/api/checklist-templates',
        body: {
          name: `Product ${nextSequence()}`,
          productId: plant.productX.id,
          items: [{ label: 'Label readable', kind: 'yes_no' }],
        },
        watch: total(plant, `/api/checklist-templates?active=all&productId=${plant.productX.id}`),
      })),
    ],
  },
  'GET /api/checklist-templates/{id}': {
    calls: [read('template', (side) => `/api/checklist-templates/${side.gateTemplate.id}`)],
  },
  'PATCH /api/checklist-templates/{id}': {
    calls: [
      {
        name: 'template',
        build: (side, { plant }) => ({
          path: `/api/checklist-templates/${side.spareTemplate.id}`,
          body: { name: `Spare ${side.key} ${nextSequence()}` },
          watch: get(plant, `/api/checklist-templates/${side.spareTemplate.id}`),
        }),
      },
      {
        name: 'own template moved onto the line',
        build: (side, { plant, own }) => ({
          path: `/api/checklist-templates/${own.spareTemplate.id}`,
          body: { lineId: side.line.id },
          watch: get(plant, `/api/checklist-templates/${own.spareTemplate.id}`),
        }),
      },
      plantWide('the template of a product alone', (plant) => ({
        path: `/api/checklist-templates/${plant.productTemplate.id}`,
        body: { name: `Product ${nextSequence()}` },
        watch: get(plant, `/api/checklist-templates/${plant.productTemplate.id}`),
      })),
      plantWide('own template made every line’s', (plant) => ({
        path: `/api/checklist-templates/${plant.A.spareTemplate.id}`,
        body: { lineId: null },
        watch: get(plant, `/api/checklist-templates/${plant.A.spareTemplate.id}`),
      })),
    ],
  },
  'GET /api/checklist-runs': {
    calls: [
      read('lineId', (side) => `/api/checklist-runs?lineId=${side.line.id}`),
      read('jobId', (side) => `/api/checklist-runs?jobId=${side.job.id}`),
      read('templateId', (side) => `/api/checklist-runs?templateId=${side.gateTemplate.id}`),
    ],
    list: {
      path: () => '/api/checklist-runs?pageSize=200',
      sameAs: { path: (plant) => `/api/checklist-runs?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'GET /api/checklist-runs/{id}': {
    calls: [read('run', (side) => `/api/checklist-runs/${side.run.id}`)],
  },
  'GET /api/jobs/{id}/checklists': {
    calls: [read('another operator’s job', (side) => `/api/jobs/${side.job.id}/checklists`)],
  },
  'POST /api/jobs/{id}/checklists': {
    calls: [
      {
        name: 'the operator’s own job',
        actors: OPERATOR_ONLY,
        build: (side, { plant }) => ({
          path: `/api/jobs/${side.operatorJobs.checklist.id}/checklists`,
          body: {
            templateId: side.gateTemplate.id,
            answers: side.gateTemplate.items.map((item) => ({ itemId: item.id, value: true })),
          },
          watch: total(plant, `/api/checklist-runs?jobId=${side.operatorJobs.checklist.id}`),
        }),
      },
      {
        name: 'own job, the line’s template',
        actors: OPERATOR_ONLY,
        build: (side, { plant, own }) => ({
          path: `/api/jobs/${own.operatorJobs.probe.id}/checklists`,
          body: {
            templateId: side.gateTemplate.id,
            answers: side.gateTemplate.items.map((item) => ({ itemId: item.id, value: true })),
          },
          watch: total(plant, `/api/checklist-runs?jobId=${own.operatorJobs.probe.id}`),
        }),
      },
      {
        name: 'own job failed, an andon call on the line’s equipment',
        actors: OPERATOR_ONLY,
        build: (side, { plant, own }) => ({
          path: `/api/jobs/${own.operatorJobs.probe.id}/checklists`,
          body: {
            templateId: own.gateTemplate.id,
            answers: own.gateTemplate.items.map((item) => ({ itemId: item.id, value: false })),
            raiseAndon: { equipmentId: side.fill.id },
          },
          watch: async () => [
            await plant.admin.total(`/api/checklist-runs?jobId=${own.operatorJobs.probe.id}`),
            await plant.admin.total(`/api/andon?lineId=${side.line.id}`),
          ],
        }),
      },
    ],
  },

  // --- hour by hour and handover ---
  'GET /api/lines/{id}/hour-by-hour': {
    calls: [read('line', (side) => `/api/lines/${side.line.id}/hour-by-hour`)],
  },
  'GET /api/handovers': {
    calls: [read('lineId', (side) => `/api/handovers?lineId=${side.line.id}`)],
    list: {
      path: () => '/api/handovers?pageSize=200',
      sameAs: { path: (plant) => `/api/handovers?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'POST /api/handovers': {
    calls: [
      {
        name: 'lineId in the body',
        build: (side, { plant }) => ({
          path: '/api/handovers',
          body: {
            lineId: side.line.id,
            shiftId: side.shift.id,
            date: plant.fresh.handoverDate(),
            notes: 'Scope test',
          },
          watch: total(plant, `/api/handovers?lineId=${side.line.id}`),
        }),
      },
    ],
  },
  'GET /api/handovers/{id}': {
    calls: [read('handover', (side) => `/api/handovers/${side.handover.id}`)],
  },
  'POST /api/handovers/{id}/acknowledge': {
    calls: [
      {
        name: 'an open handover',
        build: async (side, { plant, mayAct }) => {
          const handover = mayAct ? await plant.fresh.handover(side) : side.handover;
          return {
            path: `/api/handovers/${handover.id}/acknowledge`,
            body: { note: 'Scope test' },
            watch: get(plant, `/api/handovers/${handover.id}`),
          };
        },
      },
    ],
  },
  'GET /api/lines/{id}/handover-draft': {
    calls: [read('line', (side) => `/api/lines/${side.line.id}/handover-draft`)],
  },

  // --- maintenance work orders: of the line of their equipment ---
  'GET /api/work-orders': {
    calls: [
      read('lineId', (side) => `/api/work-orders?lineId=${side.line.id}`),
      read('equipmentId', (side) => `/api/work-orders?equipmentId=${side.fill.id}`),
    ],
    list: {
      path: () => '/api/work-orders?pageSize=200',
      sameAs: { path: (plant) => `/api/work-orders?pageSize=200&lineId=${plant.A.line.id}` },
    },
  },
  'POST /api/work-orders': {
    calls: [
      {
        name: 'equipmentId in the body',
        build: (side, { plant }) => ({
          path: '/api/work-orders',
          body: workOrderBody(side, 'Request'),
          watch: total(plant, `/api/work-orders?lineId=${side.line.id}`),
        }),
      },
    ],
  },
  'GET /api/work-orders/assignees': {
    calls: [read('lineId', (side) => `/api/work-orders/assignees?lineId=${side.line.id}`)],
    // Those who see any of the user's lines: not a technician of line B alone.
    list: { path: () => '/api/work-orders/assignees?pageSize=200' },
  },
  'GET /api/work-orders/{id}': {
    calls: [read('work order', (side) => `/api/work-orders/${side.workOrder.id}`)],
  },
  'POST /api/work-orders/{id}/assign': {
    calls: [
      {
        name: 'an open work order, to a technician of every line',
        build: async (side, { plant, mayAct }) => {
          const order = mayAct ? await plant.fresh.openWorkOrder(side) : side.workOrder;
          return {
            path: `/api/work-orders/${order.id}/assign`,
            body: { assigneeIds: [plant.floorTechnician.id] },
            watch: get(plant, `/api/work-orders/${order.id}`),
          };
        },
      },
    ],
  },
  'POST /api/work-orders/{id}/start': {
    calls: [
      {
        name: 'an open, unassigned work order',
        build: async (side, { plant, mayAct }) => {
          const order = mayAct ? await plant.fresh.openWorkOrder(side) : side.workOrder;
          return {
            path: `/api/work-orders/${order.id}/start`,
            watch: get(plant, `/api/work-orders/${order.id}`),
          };
        },
      },
    ],
  },
  'POST /api/work-orders/{id}/cancel': {
    calls: [
      {
        name: 'an open work order',
        build: async (side, { plant, mayAct }) => {
          const order = mayAct ? await plant.fresh.openWorkOrder(side) : side.workOrder;
          return {
            path: `/api/work-orders/${order.id}/cancel`,
            body: { reason: 'Scope test' },
            watch: get(plant, `/api/work-orders/${order.id}`),
          };
        },
      },
    ],
  },
  // The crew's steps are on work orders assigned to the A-limited user itself (made before it was
  // limited), so that only the line can refuse them.
  'POST /api/work-orders/{id}/hold': {
    calls: [crewStep('hold', 'hold', { reason: 'Scope test' })],
  },
  'POST /api/work-orders/{id}/resume': { calls: [crewStep('resume', 'resume')] },
  'POST /api/work-orders/{id}/complete': {
    calls: [crewStep('complete', 'complete', { remedy: 'Scope test' })],
  },
  'POST /api/work-orders/{id}/labour': {
    calls: [
      crewStep('log', 'labour', () => ({
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        minutes: 15,
      })),
    ],
  },
  'POST /api/work-orders/{id}/parts': {
    calls: [crewStep('log', 'parts', () => ({ partNumber: `P-${nextSequence()}`, quantity: 1 }))],
  },
  'GET /api/work-orders/{id}/checklist': {
    calls: [read('work order', (side) => `/api/work-orders/${side.workOrder.id}/checklist`)],
  },
  // On line A a fresh order in progress, assigned to the user; on line B (or for a role that may
  // not act) the side's order: the line is refused before anything of the order is asked.
  'POST /api/work-orders/{id}/checklist': {
    calls: [
      {
        name: 'a work order in progress with a checklist, assigned to the user',
        build: async (side, { plant, role, mayAct, own }) => {
          const order =
            mayAct && side === own
              ? await plant.fresh.checklistWorkOrder(side, { assigneeId: plant.users[role].id })
              : side.workOrder;
          return {
            path: `/api/work-orders/${order.id}/checklist`,
            body: {
              answers: side.gateTemplate.items.map((item) => ({ itemId: item.id, value: true })),
            },
            watch: get(plant, `/api/work-orders/${order.id}/checklist`),
          };
        },
      },
    ],
  },
  'POST /api/work-orders/{id}/follow-ups': {
    calls: [
      {
        name: 'a work order whose checklist failed',
        build: async (side, { plant, mayAct }) => {
          const order = mayAct
            ? await plant.fresh.checklistWorkOrder(side, { failed: true })
            : side.workOrder;
          return {
            path: `/api/work-orders/${order.id}/follow-ups`,
            body: {},
            watch: get(plant, `/api/work-orders/${order.id}/checklist`),
          };
        },
      },
    ],
  },

  // --- preventive plans: of the line of their equipment ---
  'GET /api/maintenance-plans': {
    calls: [
      read('lineId', (side) => `/api/maintenance-plans?lineId=${side.line.id}`),
      read('equipmentId', (side) => `/api/maintenance-plans?equipmentId=${side.fill.id}`),
    ],
    list: {
      path: () => '/api/maintenance-plans?pageSize=200',
      sameAs: {
        path: (plant) => `/api/maintenance-plans?pageSize=200&lineId=${plant.A.line.id}`,
      },
    },
  },
  'POST /api/maintenance-plans': {
    calls: [
      {
        name: 'equipmentId in the body',
        build: (side, { plant }) => ({
          path: '/api/maintenance-plans',
          body: planBody(side, 'New plan'),
          watch: total(plant, `/api/maintenance-plans?lineId=${side.line.id}`),
        }),
      },
    ],
  },
  'GET /api/maintenance-plans/{id}': {
    calls: [read('plan', (side) => `/api/maintenance-plans/${side.plan.id}`)],
  },
  'PATCH /api/maintenance-plans/{id}': {
    calls: [
      {
        name: 'plan',
        build: (side, { plant }) => ({
          path: `/api/maintenance-plans/${side.plan.id}`,
          body: { title: `Plan ${side.key} ${nextSequence()}` },
          watch: get(plant, `/api/maintenance-plans/${side.plan.id}`),
        }),
      },
    ],
  },
  'DELETE /api/maintenance-plans/{id}': {
    calls: [
      {
        name: 'plan',
        build: async (side, { plant, mayAct }) => {
          const target = mayAct ? await plant.fresh.plan(side) : side.plan;
          return {
            path: `/api/maintenance-plans/${target.id}`,
            watch: get(plant, `/api/maintenance-plans/${target.id}`),
          };
        },
      },
    ],
  },

  // --- maintenance KPIs: of the user's lines (the whole scope without a filter) ---
  'GET /api/maintenance/kpis': {
    calls: byLineOrEquipment('/api/maintenance/kpis', window),
    // Figures without ids: the comparison with line A's (whose basis, the failures and the
    // run time, doubles with line B's) is the proof.
    list: {
      path: (plant) => `/api/maintenance/kpis?${query(plant.window)}`,
      holdsOwn: false,
      sameAs: {
        path: (plant) =>
          `/api/maintenance/kpis?${query({ lineId: plant.A.line.id, ...plant.window })}`,
        user: figures,
        admin: figures,
      },
    },
  },
  'GET /api/maintenance/overview': {
    // No line filter to compare with: nothing of line B, and line A's machines.
    list: { path: () => '/api/maintenance/overview' },
  },

  // --- the demo simulator ---
  'GET /api/simulator': {
    lineFree: 'the state of the one plant-wide demo driver (dev tool, simulator:read)',
  },
  'GET /api/simulator/runs': {
    lineFree: 'the demo driver’s run history: which lines it drove, no line’s data',
  },
  'POST /api/simulator/start': {
    calls: [
      {
        name: 'lineIds in the body',
        build: async (side, { plant, mayAct }) => {
          if (mayAct) await ensureSimulator(plant, side, 'stopped');
          return {
            path: '/api/simulator/start',
            body: { lineIds: [side.line.id], seed: 7, speed: 1 },
            watch: simulatorStatus(plant),
          };
        },
      },
      plantWide('a run over every line (no lineIds)', async (plant, { mayAct }) => {
        if (mayAct) await ensureSimulator(plant, plant.B, 'stopped');
        return {
          path: '/api/simulator/start',
          body: { seed: 7, speed: 1 },
          watch: simulatorStatus(plant),
        };
      }),
    ],
  },
  'POST /api/simulator/backfill': {
    calls: [
      {
        name: 'lineIds in the body',
        build: async (side, { plant, mayAct }) => {
          // No run meanwhile: it would add events to the line the watch counts.
          if (mayAct) await ensureSimulator(plant, side, 'stopped');
          return {
            path: '/api/simulator/backfill',
            body: { days: 1, seed: 7, lineIds: [side.line.id] },
            watch: () => plant.eventCount(side),
          };
        },
      },
      plantWide('every line (no lineIds)', async (plant, { mayAct }) => {
        if (mayAct) await ensureSimulator(plant, plant.B, 'stopped');
        return {
          path: '/api/simulator/backfill',
          body: { days: 1, seed: 8 },
          watch: () => plant.eventCount(plant.B),
        };
      }),
    ],
  },
  // The run's controls act on the run admin started on the side's line (in this order, each
  // role's taken one after the other, so that one run serves them).
  'POST /api/simulator/pause': { calls: [simulatorControl('pause', 'running')] },
  'POST /api/simulator/resume': { calls: [simulatorControl('resume', 'paused')] },
  'POST /api/simulator/stop': { calls: [simulatorControl('stop', 'running')] },
};

const simulatorStatus = (plant: ScopePlant) => async () =>
  (await plant.admin.get<{ status: string }>('/api/simulator')).status;

type SimulatorStatus = 'stopped' | 'running' | 'paused';

/**
 * Brings the simulator, as admin, to `want` — with its run on the side's line alone — changing
 * only what differs (each control waits for the driver: the calls reuse one run where they can).
 */
async function ensureSimulator(plant: ScopePlant, side: LineSide, want: SimulatorStatus) {
  const state = await plant.admin.get<{
    status: SimulatorStatus;
    run: { lineIds: string[] } | null;
  }>('/api/simulator');
  const onSide = state.run?.lineIds.length === 1 && state.run.lineIds[0] === side.line.id;
  let status = state.status;
  if (status !== 'stopped' && (want === 'stopped' || !onSide)) {
    await plant.admin.ok('post', '/api/simulator/stop', {});
    status = 'stopped';
  }
  if (want === 'stopped') return;
  if (status === 'stopped') {
    await plant.admin.ok('post', '/api/simulator/start', { lineIds: [side.line.id], seed: 7 });
    status = 'running';
  }
  if (want === 'paused' && status === 'running') {
    await plant.admin.ok('post', '/api/simulator/pause', {});
  }
  if (want === 'running' && status === 'paused') {
    await plant.admin.ok('post', '/api/simulator/resume', {});
  }
}

/** A control of a run admin started on the side's line (and paused, for `resume`). */
function simulatorControl(
  action: 'stop' | 'pause' | 'resume',
  from: 'running' | 'paused',
): ScopedCall {
  return {
    name: `a run on the line, ${from}`,
    // Last: a run drives events onto its line, which no other call's watch should see.
    phase: 3,
    build: async (side, { plant, mayAct }) => {
      if (mayAct) await ensureSimulator(plant, side, from);
      return { path: `/api/simulator/${action}`, watch: simulatorStatus(plant) };
    },
  };
}

/** A step of the crew member's own work order (a user who is not in the crew: line A's admin's). */
function crewStep(
  which: keyof CrewOrders,
  step: string,
  body: object | (() => object) = {},
): ScopedCall {
  return {
    name: 'a work order assigned to the user',
    actors: CREW_ROLES,
    build: (side, { plant, role }) => {
      const crew: CrewRole = (CREW_ROLES as readonly Role[]).includes(role)
        ? (role as CrewRole)
        : 'admin';
      const order = side.crewOrders[crew][which];
      return {
        path: `/api/work-orders/${order.id}/${step}`,
        body: typeof body === 'function' ? body() : body,
        watch: get(plant, `/api/work-orders/${order.id}`),
      };
    },
  };
}

function jobStep(step: 'accept' | 'start' | 'complete'): ScopedCall {
  return {
    name: 'the operator’s own job',
    actors: OPERATOR_ONLY,
    build: (side, { plant }) => {
      const job = side.operatorJobs[step];
      return { path: `/api/jobs/${job.id}/${step}`, watch: get(plant, `/api/jobs/${job.id}`) };
    },
  };
}

/** A count of one part on the side's packer, an hour ago, under an event id of its own. */
function countEvent(side: LineSide, plant: ScopePlant): object {
  return {
    eventId: `scope-${side.key}-${nextSequence()}`,
    equipmentId: side.pack.id,
    ts: new Date(Date.parse(plant.window.to) - 3_600_000).toISOString(),
    type: 'count',
    good: 1,
    reject: 0,
  };
}

/** Line B's ids (none may show to an A-limited user) and line A's (some must). */
export const lineIds = (plant: ScopePlant) => ({
  own: [...idsOf(plant.A), plant.users.operator.id, plant.users.maintenance.id],
  other: [...idsOf(plant.B), plant.operatorOfB.id, plant.technicianOfB.id],
});
