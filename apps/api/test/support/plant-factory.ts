import type {
  AuthTokens,
  DowntimeReason,
  Equipment,
  Line,
  PlannedStop,
  Product,
  Shift,
  createDowntimeReasonSchema,
  createEquipmentSchema,
  createLineSchema,
  createPlannedStopSchema,
  createProductSchema,
  createShiftSchema,
} from '@ms5/contracts';
import type { z } from 'zod';
import { post } from './api.js';
import type { TestApp } from './test-app.js';

/**
 * The plant, created over HTTP as `tokens`' user (an engineer or an admin), each with defaults
 * that any field of the body overrides: `createLine(t, engineer, { code: 'L2' })`.
 */

let sequence = 0;
const freshCode = (prefix: string) => `${prefix}-${++sequence}`;

export type LineOverrides = Partial<z.input<typeof createLineSchema>>;
export type EquipmentOverrides = Partial<z.input<typeof createEquipmentSchema>> & {
  lineId: string;
};
export type ProductOverrides = Partial<z.input<typeof createProductSchema>>;
export type ShiftOverrides = Partial<z.input<typeof createShiftSchema>> & { lineId: string };
export type DowntimeReasonOverrides = Partial<z.input<typeof createDowntimeReasonSchema>>;

/** A line: a fresh code unless given, named `Line <code>`. */
export function createLine(
  t: TestApp,
  tokens: AuthTokens,
  overrides: LineOverrides = {},
): Promise<Line> {
  const code = overrides.code ?? freshCode('LINE');
  return post<Line>(t, tokens, '/api/lines', { code, name: `Line ${code}`, ...overrides });
}

/** Equipment on a line: named `Equipment <code>`, 2 s a part. */
export function createEquipment(
  t: TestApp,
  tokens: AuthTokens,
  overrides: EquipmentOverrides,
): Promise<Equipment> {
  const code = overrides.code ?? freshCode('EQ');
  return post<Equipment>(t, tokens, '/api/equipment', {
    code,
    name: `Equipment ${code}`,
    idealCycleTimeSeconds: 2,
    ...overrides,
  });
}

/** A product: named `Product <code>`, 2 s a part, no cycle times of lines or equipment. */
export function createProduct(
  t: TestApp,
  tokens: AuthTokens,
  overrides: ProductOverrides = {},
): Promise<Product> {
  const code = overrides.code ?? freshCode('PRODUCT');
  return post<Product>(t, tokens, '/api/products', {
    code,
    name: `Product ${code}`,
    idealCycleTimeSeconds: 2,
    ...overrides,
  });
}

/** A shift of a line: `Early`, 06:00–14:00 UTC. */
export function createShift(
  t: TestApp,
  tokens: AuthTokens,
  overrides: ShiftOverrides,
): Promise<Shift> {
  return post<Shift>(t, tokens, '/api/shifts', {
    name: 'Early',
    startTime: '06:00',
    endTime: '14:00',
    timezone: 'UTC',
    ...overrides,
  });
}

/** A planned stop of a line or an equipment. */
export function createPlannedStop(
  t: TestApp,
  tokens: AuthTokens,
  body: z.input<typeof createPlannedStopSchema>,
): Promise<PlannedStop> {
  return post<PlannedStop>(t, tokens, '/api/planned-stops', body);
}

/** A downtime reason: named by its code, in category `Machine`, an availability loss. */
export function createDowntimeReason(
  t: TestApp,
  tokens: AuthTokens,
  overrides: DowntimeReasonOverrides = {},
): Promise<DowntimeReason> {
  const code = overrides.code ?? freshCode('REASON');
  return post<DowntimeReason>(t, tokens, '/api/downtime-reasons', {
    code,
    name: code,
    category: 'Machine',
    lossClass: 'availability',
    ...overrides,
  });
}
