import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AuthTokens,
  backfillSimulatorSchema,
  type Equipment,
  type Line,
  startSimulatorSchema,
} from '@ms5/contracts';
import fc from 'fast-check';
import type { z } from 'zod';
import { post, send } from '../support/api.js';
import { raiseAndonCall } from '../support/andon-factory.js';
import { createMaintenancePlan, createWorkOrder } from '../support/maintenance-factory.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import {
  createDowntimeReason,
  createEquipment,
  createLine,
  createPlannedStop,
  createProduct,
  createShift,
} from '../support/plant-factory.js';
import {
  createChecklistTemplate,
  createJob,
  createOrder,
  stepOrder,
} from '../support/production-factory.js';
import { ADMIN_PASSWORD, type TestApp, bearer, createTestApp } from '../support/test-app.js';

/**
 * Every operation of the OpenAPI document, sent requests generated from its own description:
 * valid ones (built from the request schema and the query parameters, with the ids of a seeded
 * plant, so that the handler, the service and the SQL are reached) and broken ones (NUL bytes,
 * lone surrogates, huge, negative and fractional numbers, wrong types, very long strings, deep
 * nesting, unknown properties, arrays for objects, bad ids). Whatever comes in, nothing may
 * answer 5xx. A fixed seed makes a failure repeatable; a time budget keeps CI fast.
 */

/** Fixed, so that CI repeats itself; `FUZZ_SEED` and `FUZZ_BUDGET_MS` explore further locally. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
/** The whole fuzzing budget, shared evenly by the operations. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 55_000);
/** Requests per operation as admin, at most (fewer when its share of the budget runs out). */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 60);
/** A request slower than this is listed after the run (it eats the others' budget). */
const SLOW_MS = 1000;
/** Requests per operation without a token. */
const UNAUTHENTICATED_RUNS = 3;

type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As in the document: `/api/lines/{id}`. */
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
  secured: boolean;
}

interface FuzzRequest {
  path: string;
  query: [string, string][];
  /** The JSON text of the body, or undefined for none. */
  body: string | undefined;
  /** Mostly `application/json`; now and then what a confused client sends. */
  contentType: string;
  /** Without a token: what goes in `Authorization`, if anything. */
  anonymousAuthorization: string | undefined;
  variant: string;
}

interface Failure {
  operation: string;
  variant: string;
  authenticated: boolean;
  request: { url: string; body: string | undefined };
  status: number;
  response: unknown;
}

// --- hostile values ---------------------------------------------------------------------------

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'Filler\u0000line',
  '\uD800',
  'x\uDC00y',
  '🙂',
  'x'.repeat(10_000),
  '%00',
  '%',
  '../../etc/passwd',
  "' or 1=1 --",
  '"; drop table lines; --',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '1.5',
  '1e309',
  '0x10',
  '9'.repeat(40),
  'true',
  '[]',
  '{}',
  ',',
  'a,,b',
  '2026-02-30T00:00:00Z',
  '2026-03-01T25:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:00:00-23:00',
  '0000-01-01T00:00:00-23:59',
  '1969-12-31T23:59:59Z',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13T00:00:00.000Z',
  '2026-03-01',
  '10000-01-01',
  '00:00',
  '24:00',
  '23:59:60',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '7F1D3C2E-4B5A-4C6D-8E9F-0A1B2C3D4E5F',
  '7f1d3c2e4b5a4c6d8e9f0a1b2c3d4e5f',
  'Europe/Nowhere',
  'constructor',
  '__proto__',
];

const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  -0.5,
  0.1 + 0.2,
  1e-320,
  1e308,
  -1e308,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER,
  86_401,
  100_000_001,
];

const HOSTILE_KEYS = ['unexpected', '__proto__', 'constructor', '', '\u0000', 'a.b', '0'];

/** An object nested `depth` levels: past the 32 the API allows, and just under. */
const nested = (depth: number, leaf: unknown = 'x'): unknown => {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
};

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': '' }) },
  { weight: 1, arbitrary: fc.constantFrom(nested(40), nested(31), nested(10, '\u0000')) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 2000 }, (_, index) => index)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A query-string value: hostile text, or a hostile number written out. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS).map(String) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

// --- valid values from a schema -----------------------------------------------------------------

/** The ids of the seeded plant, by the field (or path resource) that names them. */
type KnownIds = Record<string, string[]>;

const BASE_TIME = Date.now();
const DAY_MS = 86_400_000;

/** A time within a week or so of now, as the API's clients send them. */
const recentInstant = fc
  .integer({ min: -8 * DAY_MS, max: 2 * DAY_MS })
  .map((offset) => new Date(BASE_TIME + offset).toISOString());
const recentDate = fc
  .integer({ min: -3, max: 1 })
  .map((days) => new Date(BASE_TIME + days * DAY_MS).toISOString().slice(0, 10));

/** `lineIds` → `lineId`: the id an array's items are. */
const singular = (name: string): string => (name.endsWith('Ids') ? name.slice(0, -1) : name);

function idFor(name: string, known: KnownIds): fc.Arbitrary<string> {
  const ids = known[name] ?? (name === 'outputEquipmentId' ? known.equipmentId : undefined);
  const random = fc.uuid({ version: 4 });
  if (!ids || ids.length === 0) return random;
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: random },
  );
}

function stringFor(schema: JsonSchema, name: string, known: KnownIds): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return idFor(name, known);
  if (schema.format === 'date-time') return recentInstant;
  if (schema.format === 'date') return recentDate;
  if (name === 'timezone') return fc.constantFrom('UTC', 'Europe/Berlin', 'America/Chicago');
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((text) => text.length <= (schema.maxLength ?? 200));
    } catch {
      // A pattern fast-check cannot generate from: plain text below.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  return fc
    .string({ minLength, maxLength })
    .map((text) => (minLength > 0 && !text.trim() ? `${text}x` : text));
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMin =
    typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exclusiveMax =
    typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  const step = integer ? 1 : 0.001;
  let min = schema.minimum ?? (exclusiveMin !== undefined ? exclusiveMin + step : 0);
  let max = schema.maximum ?? (exclusiveMax !== undefined ? exclusiveMax - step : min + 1000);
  if (schema.exclusiveMinimum === true) min += step;
  if (schema.exclusiveMaximum === true) max -= step;
  // Mostly small values, as a plant sends; the schema's own bounds now and then.
  const small = Math.min(max, min + 500);
  const typical = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(small) })
    : fc.double({ min, max: small, noNaN: true, noDefaultInfinity: true });
  const edges = fc.constantFrom(min, max).map((value) => (integer ? Math.round(value) : value));
  return fc.oneof({ weight: 5, arbitrary: typical }, { weight: 1, arbitrary: edges });
}

/** A value the schema accepts (as far as a JSON schema can say; refinements are not in it). */
function valueOf(
  schema: JsonSchema | undefined,
  name: string,
  known: KnownIds,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  const plain = plainValueOf(schema, name, known, depth);
  return schema.nullable
    ? fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: fc.constant(null) })
    : plain;
}

function plainValueOf(
  schema: JsonSchema,
  name: string,
  known: KnownIds,
  depth: number,
): fc.Arbitrary<unknown> {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((alternative) => valueOf(alternative, name, known, depth)));
  }
  if (schema.allOf)
    return valueOf(Object.assign({}, ...schema.allOf) as JsonSchema, name, known, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringFor(schema, name, known);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(valueOf(schema.items, singular(name), known, depth + 1), {
        minLength,
        maxLength,
      });
    }
    case 'object':
    case undefined: {
      if (!schema.properties) {
        if (typeof schema.additionalProperties === 'object') {
          return fc.dictionary(
            fc.string({ minLength: 1, maxLength: 8 }),
            valueOf(schema.additionalProperties, name, known, depth + 1),
            { maxKeys: 3 },
          );
        }
        return schema.type === 'object' ? fc.constant({}) : valueOf(undefined, name, known);
      }
      const model = Object.fromEntries(
        Object.entries(schema.properties).map(([key, property]) => [
          key,
          valueOf(property, key, known, depth + 1),
        ]),
      );
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    default:
      return valueOf(undefined, name, known);
  }
}

// --- mutations --------------------------------------------------------------------------------

type Container = Record<string, unknown> | unknown[];

/** Every place in a value that a mutation can hit: the root, then each property and item. */
function places(value: unknown): { parent: Container | undefined; key: string | number }[] {
  const found: { parent: Container | undefined; key: string | number }[] = [
    { parent: undefined, key: '' },
  ];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        found.push({ parent: node, key: index });
        visit(item);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        found.push({ parent: node as Record<string, unknown>, key });
        visit(child);
      }
    }
  };
  visit(value);
  return found;
}

const setOwn = (target: Container, key: string | number, value: unknown) =>
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

type Mutation = 'replace' | 'wrap-in-array' | 'remove' | 'unknown-property' | 'root';

/** The valid value with one thing broken at a place chosen by `pick`. */
function mutate(
  valid: unknown,
  mutation: Mutation,
  pick: number,
  hostile: unknown,
  key: string,
): unknown {
  const value = structuredClone(valid);
  if (mutation === 'root') return hostile;
  const spots = places(value);
  const spot = spots[pick % spots.length]!;
  const current =
    spot.parent === undefined ? value : (spot.parent as Record<string | number, unknown>)[spot.key];
  if (mutation === 'unknown-property') {
    const objects = spots
      .map((s) =>
        s.parent === undefined ? value : (s.parent as Record<string | number, unknown>)[s.key],
      )
      .filter(
        (node): node is Record<string, unknown> =>
          node !== null && typeof node === 'object' && !Array.isArray(node),
      );
    const target = objects[pick % Math.max(objects.length, 1)];
    if (!target) return { [key]: hostile };
    setOwn(target, key, hostile);
    return value;
  }
  const replacement = mutation === 'wrap-in-array' ? [current] : hostile;
  if (spot.parent === undefined) return mutation === 'remove' ? undefined : replacement;
  if (mutation === 'remove') {
    if (Array.isArray(spot.parent)) spot.parent.splice(Number(spot.key), 1);
    else delete spot.parent[spot.key];
  } else {
    setOwn(spot.parent, spot.key, replacement);
  }
  return value;
}

const mutationArb = fc.constantFrom<Mutation>(
  'replace',
  'replace',
  'replace',
  'wrap-in-array',
  'remove',
  'unknown-property',
  'root',
);

// --- requests ---------------------------------------------------------------------------------

/** `/api/lines/{id}/schedule` → `lines`: which seeded entity a path's id names. */
const resourceOf = (path: string): string => path.split('/')[2] ?? '';

const queryText = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(queryText)
    : value === undefined
      ? []
      : [typeof value === 'string' ? value : JSON.stringify(value)];

function requestArb(operation: Operation, known: KnownIds): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const pathValue = (param: Parameter): fc.Arbitrary<string> => {
    const ids = known[`path:${resourceOf(operation.path)}`] ?? [];
    const valid = ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid({ version: 4 });
    return fc.oneof(
      {
        weight: 6,
        arbitrary:
          param.schema?.format === 'uuid'
            ? valid
            : stringFor(param.schema ?? {}, param.name, known),
      },
      { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
      { weight: 2, arbitrary: hostileText.filter((text) => text !== '') },
    );
  };
  const paths = fc
    .tuple(...pathParams.map(pathValue))
    .map((values) =>
      pathParams.reduce(
        (path, param, index) => path.replace(`{${param.name}}`, encode(values[index]!)),
        operation.path,
      ),
    );
  const validQuery = fc.record(
    Object.fromEntries(
      queryParams.map((param) => [param.name, valueOf(param.schema, param.name, known)]),
    ),
    { requiredKeys: queryParams.filter((param) => param.required).map((param) => param.name) },
  );
  const query = fc
    .tuple(
      validQuery,
      fc.constantFrom(
        'valid',
        'valid',
        'hostile-value',
        'repeated',
        'unknown-parameter',
        'removed',
      ),
      fc.nat(),
      hostileText,
      fc.constantFrom(...HOSTILE_KEYS),
    )
    .map(([values, how, pick, hostile, key]): [[string, string][], string] => {
      const entries = Object.entries(values).flatMap(([name, value]) =>
        queryText(value).map((text): [string, string] => [name, text]),
      );
      const names = queryParams.map((param) => param.name);
      const target = names[pick % Math.max(names.length, 1)];
      if (how === 'valid' || target === undefined) {
        return how === 'unknown-parameter' || target === undefined
          ? [[...entries, [key, hostile]], 'query:unknown']
          : [entries, 'query:valid'];
      }
      const others = entries.filter(([name]) => name !== target);
      if (how === 'hostile-value')
        return [[...others, [target, hostile]], `query:hostile ${target}`];
      if (how === 'repeated')
        return [[...entries, [target, hostile], [target, hostile]], `query:repeated ${target}`];
      if (how === 'unknown-parameter') return [[...entries, [key, hostile]], 'query:unknown'];
      return [others, `query:removed ${target}`];
    });
  const validBody = operation.body ? valueOf(operation.body, '', known) : fc.constant(undefined);
  const body = fc
    .tuple(
      validBody,
      fc.constantFrom('valid', 'mutated', 'mutated', 'mutated', 'scratch'),
      mutationArb,
      fc.nat(),
      hostileValue,
      fc.constantFrom(...HOSTILE_KEYS),
      fc.jsonValue({ maxDepth: 4 }),
    )
    .map(([valid, how, mutation, pick, hostile, key, scratch]): [string | undefined, string] => {
      if (!operation.body) {
        // No body in the description: mostly none, now and then one from scratch.
        return how === 'scratch'
          ? [JSON.stringify(scratch), 'body:scratch']
          : [undefined, 'body:none'];
      }
      if (how === 'valid') return [JSON.stringify(valid), 'body:valid'];
      if (how === 'scratch') return [JSON.stringify(scratch), 'body:scratch'];
      const broken = mutate(valid, mutation, pick, hostile, key);
      return [broken === undefined ? undefined : JSON.stringify(broken), `body:${mutation}`];
    });
  return fc
    .tuple(paths, query, body, contentTypeArb, anonymousAuthorizationArb)
    .map(
      ([
        path,
        [queryEntries, queryVariant],
        [bodyText, bodyVariant],
        contentType,
        authorization,
      ]) => ({
        path,
        query: queryEntries,
        body: bodyText,
        contentType,
        anonymousAuthorization: authorization,
        variant: `${queryVariant}, ${bodyVariant}${contentType === JSON_TYPE ? '' : `, ${contentType}`}`,
      }),
    );
}

const JSON_TYPE = 'application/json';
const contentTypeArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant(JSON_TYPE) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/merge-patch+json',
      'multipart/form-data; boundary=x',
    ),
  },
);
/** No header, a token that is not one, another scheme. */
const anonymousAuthorizationArb = fc.constantFrom(
  undefined,
  undefined,
  'Bearer ',
  'Bearer not.a.jwt',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
  'Basic YWRtaW46YWRtaW4=',
);

/** Percent-encoding that also carries lone surrogates (as the bytes a sloppy client would send). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text, (char) => {
      const code = char.charCodeAt(0);
      if (code < 0xd800 || code > 0xdfff || char.length > 1) return encodeURIComponent(char);
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      return bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    }).join('');
  }
}

const urlOf = (request: FuzzRequest): string =>
  request.query.length === 0
    ? request.path
    : `${request.path}?${request.query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&')}`;

const shorten = (text: string | undefined, max = 2000): string | undefined =>
  text === undefined || text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length} characters)`;

/** Requests that would start background work (the simulator) are left to simulator.e2e-spec. */
const STARTS_BACKGROUND_WORK: Record<string, z.ZodType> = {
  'post /api/simulator/start': startSimulatorSchema,
  'post /api/simulator/backfill': backfillSimulatorSchema,
};

function startsBackgroundWork(operation: Operation, request: FuzzRequest): boolean {
  const schema = STARTS_BACKGROUND_WORK[`${operation.method} ${operation.path}`];
  if (!schema || request.body === undefined) return false;
  return schema.safeParse(JSON.parse(request.body)).success;
}

function operationsOf(document: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method] as
        | {
            parameters?: Parameter[];
            requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
            security?: unknown[];
          }
        | undefined;
      if (!operation) continue;
      operations.push({
        method,
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
        // Secured unless one of its alternatives is `{}` (anonymous allowed, e.g. /health/info).
        secured:
          (operation.security ?? []).length > 0 &&
          !(operation.security ?? []).some(
            (requirement) =>
              typeof requirement === 'object' &&
              requirement !== null &&
              Object.keys(requirement).length === 0,
          ),
      });
    }
  }
  // Deletes last, so that the other operations still find the seeded plant.
  return [
    ...operations.filter((o) => o.method !== 'delete'),
    ...operations.filter((o) => o.method === 'delete'),
  ];
}

/**
 * Ids that name no row of ours: a gateway's own `eventId`, and the audit log's `entityId` (a
 * text column that also holds non-UUID keys).
 */
const NOT_ROW_IDS = new Set(['eventId', 'entityId']);

/** A stable seed per operation, so adding a route does not change the others' requests. */
const seedOf = (name: string): number =>
  Array.from(name).reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, SEED);

describe('the OpenAPI document, fuzzed', () => {
  let t: TestApp;
  let admin: AuthTokens;
  const known: KnownIds = {};

  const remember = (field: string, resource: string, id: string) => {
    (known[field] ??= []).push(id);
    (known[`path:${resource}`] ??= []).push(id);
  };

  /** A small plant with one of everything, so that valid requests reach the SQL. */
  async function seed(): Promise<void> {
    const engineer = await t.userWithRole('engineer');
    const site = await post<{ id: string }>(t, admin, '/api/sites', {
      code: 'FZ',
      name: 'Fuzz site',
    });
    remember('siteId', 'sites', site.id);
    const area = await post<{ id: string }>(t, admin, '/api/areas', {
      siteId: site.id,
      code: 'FZA',
      name: 'Fuzz area',
    });
    remember('areaId', 'areas', area.id);
    const line: Line = await createLine(t, admin, { areaId: area.id });
    remember('lineId', 'lines', line.id);
    const filler: Equipment = await createEquipment(t, admin, { lineId: line.id });
    const packer: Equipment = await createEquipment(t, admin, { lineId: line.id });
    for (const equipment of [filler, packer]) remember('equipmentId', 'equipment', equipment.id);
    const product = await createProduct(t, admin);
    remember('productId', 'products', product.id);
    const shift = await createShift(t, admin, {
      lineId: line.id,
      startTime: '00:00',
      endTime: '23:59',
    });
    remember('shiftId', 'shifts', shift.id);
    const stop = await createPlannedStop(t, admin, {
      lineId: line.id,
      startsAt: new Date(BASE_TIME - DAY_MS).toISOString(),
      endsAt: new Date(BASE_TIME - DAY_MS + 3_600_000).toISOString(),
      reason: 'Cleaning',
    });
    remember('plannedStopId', 'planned-stops', stop.id);
    const reason = await createDowntimeReason(t, admin);
    remember('reasonId', 'downtime-reasons', reason.id);
    known.reasonCode = [reason.code];
    const hour = (offset: number) => new Date(BASE_TIME - offset * 3_600_000).toISOString();
    await ingestEvents(t, admin, [
      { eventId: 'fz-1', equipmentId: filler.id, ts: hour(5), type: 'state', state: 'running' },
      { eventId: 'fz-2', equipmentId: filler.id, ts: hour(3), type: 'count', good: 500, reject: 3 },
      {
        eventId: 'fz-3',
        equipmentId: filler.id,
        ts: hour(2),
        type: 'state',
        state: 'stopped',
        reasonCode: reason.code,
      },
      { eventId: 'fz-4', equipmentId: filler.id, ts: hour(1), type: 'state', state: 'running' },
    ]);
    const planned = await createOrder(t, admin, { lineId: line.id, productId: product.id });
    const released = await createOrder(t, admin, {
      lineId: line.id,
      productId: product.id,
      plannedStart: hour(4),
      plannedEnd: hour(-4),
    });
    await stepOrder(t, admin, released.id, 'release');
    for (const order of [planned, released]) remember('orderId', 'orders', order.id);
    const operator = await t.userWithRole('operator');
    remember('operatorId', 'users', operator.user.id);
    const viewer = await t.userWithRole('viewer');
    remember('userId', 'users', viewer.user.id);
    const job = await createJob(t, admin, { orderId: released.id, operatorId: operator.user.id });
    remember('jobId', 'jobs', job.id);
    const template = await createChecklistTemplate(t, engineer, {
      name: 'Start-up',
      lineId: line.id,
      items: [
        { label: 'Guards closed', kind: 'yes_no', critical: true, expected: true },
        { label: 'Pressure', kind: 'number', min: 1, max: 3, unit: 'bar' },
      ],
    });
    remember('templateId', 'checklist-templates', template.id);
    known.itemId = template.items.map((item) => item.id);
    const call = await raiseAndonCall(t, admin, { equipmentId: filler.id });
    remember('andonCallId', 'andon', call.id);
    const technician = await t.userWithRole('maintenance');
    known.assigneeId = [technician.user.id];
    const workOrder = await createWorkOrder(t, admin, { equipmentId: filler.id });
    remember('workOrderId', 'work-orders', workOrder.id);
    const plan = await createMaintenancePlan(t, admin, {
      equipmentId: filler.id,
      triggers: [
        { kind: 'calendar', every: 1, unit: 'week' },
        { kind: 'runtime', everyHours: 200 },
        { kind: 'parts', everyParts: 10_000 },
      ],
    });
    remember('planId', 'maintenance-plans', plan.id);
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminTokens();
    await seed();
  });

  afterAll(async () => {
    if (t) await send(t, admin, 'post', '/api/simulator/stop', {});
    await t?.close();
  });

  it('describes every id of a path, query or body as a UUID (bar the two that are not rows)', async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body;
    const notUuid: string[] = [];
    const visit = (schema: JsonSchema | undefined, where: string, name: string): void => {
      if (!schema) return;
      for (const alternative of [
        ...(schema.oneOf ?? []),
        ...(schema.anyOf ?? []),
        ...(schema.allOf ?? []),
      ]) {
        visit(alternative, where, name);
      }
      if (schema.items) visit(schema.items, where, singular(name));
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        visit(property, `${where}.${key}`, key);
      }
      const isId = name === 'id' || /[a-z]Id$/.test(name);
      if (isId && schema.type === 'string' && schema.format !== 'uuid' && !NOT_ROW_IDS.has(name)) {
        notUuid.push(where);
      }
    };
    for (const operation of operationsOf(document)) {
      const name = `${operation.method.toUpperCase()} ${operation.path}`;
      for (const parameter of operation.parameters) {
        visit(parameter.schema, `${name} ${parameter.in}:${parameter.name}`, parameter.name);
      }
      visit(operation.body, `${name} body`, '');
    }
    expect(notUuid).toEqual([]);
  });

  it('answers no request of any operation with a 5xx', async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(100);
    const failures: Failure[] = [];
    let skipped = 0;
    let sessionsEnded = 0;
    const slow: string[] = [];
    let sent = 0;
    const statuses: Record<string, number> = {};
    const started = Date.now();

    const exchange = async (operation: Operation, request: FuzzRequest, authenticated: boolean) => {
      const name = `${operation.method.toUpperCase()} ${operation.path}`;
      if (startsBackgroundWork(operation, request)) {
        skipped += 1;
        return;
      }
      const url = urlOf(request);
      let call = t.http()[operation.method](url);
      if (authenticated) call = call.set(...bearer(admin));
      else if (request.anonymousAuthorization !== undefined) {
        call = call.set('Authorization', request.anonymousAuthorization);
      }
      if (request.body !== undefined)
        call = call.set('Content-Type', request.contentType).send(request.body);
      const before = Date.now();
      const response = await call;
      const took = Date.now() - before;
      if (took > SLOW_MS)
        slow.push(
          `${took} ms ${name} [${request.variant}] ${shorten(url, 200)} ${shorten(request.body, 300) ?? ''}`,
        );
      sent += 1;
      // A logout, or a password or role change of the admin's own user, ends the session the
      // sweep signs in with (its tokens are refused from then on): sign in again and go on.
      if (authenticated && response.status === 401) {
        admin = await t.login('admin', ADMIN_PASSWORD);
        sessionsEnded += 1;
      }
      const kind = `${Math.floor(response.status / 100)}xx`;
      statuses[kind] = (statuses[kind] ?? 0) + 1;
      const tooLenient = !authenticated && operation.secured && response.status < 300;
      if (response.status >= 500 || tooLenient) {
        failures.push({
          operation: name,
          variant: request.variant,
          authenticated,
          request: { url: shorten(url, 500)!, body: shorten(request.body) },
          status: response.status,
          response: response.body,
        });
      }
    };

    for (const [index, operation] of operations.entries()) {
      const name = `${operation.method} ${operation.path}`;
      const remaining = BUDGET_MS - (Date.now() - started);
      const share = Math.max(remaining / (operations.length - index), 0);
      const requests = requestArb(operation, known);
      // Generated up front from the operation's own seed; sent until its share of the budget is
      // spent (at least one always goes).
      const deadline = Date.now() + share;
      for (const request of fc.sample(requests, {
        seed: seedOf(name),
        numRuns: RUNS_PER_OPERATION,
      })) {
        await exchange(operation, request, true);
        if (Date.now() > deadline) break;
      }
      for (const request of fc.sample(requests, {
        seed: seedOf(`anonymous ${name}`),
        numRuns: UNAUTHENTICATED_RUNS,
      })) {
        await exchange(operation, request, false);
      }
    }

    if (process.env.FUZZ_DEBUG) {
      for (const route of ['/api/simulator', '/api/oee/rollups/status']) {
        const state = await send(t, admin, 'get', route);
        process.stdout.write(`${route}: ${JSON.stringify(state.body)}\n`);
      }
    }
    // The API is still whole after all that.
    await t.http().get('/health/ready').expect(200);
    // A fresh sign-in: the sweep's last requests may have ended the session it used.
    admin = await t.login('admin', ADMIN_PASSWORD);
    await send(t, admin, 'get', '/api/auth/me').expect(200);
    const report = failures
      .map(
        (failure) =>
          `${failure.status} from ${failure.operation} [${failure.variant}${failure.authenticated ? '' : ', no token'}]\n` +
          `  request:  ${failure.request.url}${failure.request.body === undefined ? '' : `\n  body:     ${failure.request.body}`}\n` +
          `  response: ${JSON.stringify(failure.response)}`,
      )
      .join('\n\n');
    process.stdout.write(
      `openapi fuzz: ${operations.length} operations, ${sent} requests in ${Date.now() - started} ms, ` +
        `${JSON.stringify(statuses)}, ${failures.length} failures, ${skipped} simulator starts not sent, ${sessionsEnded} sessions ended and signed in again\n` +
        slow.map((line) => `  slow: ${line}\n`).join(''),
    );
    expect(report).toBe('');
  });
});
