import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AndonPolicy,
  AuthTokens,
  Equipment,
  Line,
  Paginated,
  PlannedStop,
  Product,
  Shift,
} from '@ms5/contracts';
import { get, ok, send } from '../support/api.js';
import {
  createDowntimeReason,
  createEquipment,
  createLine,
  createPlannedStop,
  createProduct,
  createShift,
} from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { assignLines } from '../support/user-factory.js';

const ids = (page: Paginated<{ id: string }>): string[] => page.items.map((item) => item.id);

/** A 403 `LINE_NOT_ASSIGNED` (never a 2xx, never a silent 404). */
async function refused(request: PromiseLike<{ status: number; body: unknown }>): Promise<void> {
  const response = await request;
  expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({
    status: 403,
    code: 'LINE_NOT_ASSIGNED',
  });
}

describe('line scope: plant configuration and escalation policies', () => {
  let t: TestApp;
  let admin: AuthTokens;
  /** An engineer limited to line A. */
  let engineerA: AuthTokens;
  let lineA: Line;
  let lineB: Line;
  let eqA: Equipment;
  let eqB: Equipment;
  let shiftB: Shift;
  let stopLineB: PlannedStop;
  let stopEqB: PlannedStop;
  let stopEqA: PlannedStop;
  let product: Product;
  let policyA: AndonPolicy;
  let policyB: AndonPolicy;
  let policyPlant: AndonPolicy;

  const policy = (name: string, lineId: string | null) =>
    ok<AndonPolicy>(t, admin, 'post', '/api/andon-policies', {
      name,
      priority: 'high',
      lineId,
      levels: [{ afterMinutes: 5, condition: 'unacknowledged', notifyRoles: ['shift_manager'] }],
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminTokens();
    engineerA = await t.userWithRole('engineer');
    lineA = await createLine(t, admin);
    lineB = await createLine(t, admin);
    eqA = await createEquipment(t, admin, { lineId: lineA.id });
    eqB = await createEquipment(t, admin, { lineId: lineB.id });
    shiftB = await createShift(t, admin, { lineId: lineB.id });
    const window = { startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T11:00:00Z' };
    stopLineB = await createPlannedStop(t, admin, { lineId: lineB.id, reason: 'B', ...window });
    stopEqB = await createPlannedStop(t, admin, { equipmentId: eqB.id, reason: 'B', ...window });
    stopEqA = await createPlannedStop(t, admin, { equipmentId: eqA.id, reason: 'A', ...window });
    product = await createProduct(t, admin, {
      idealCycleTimeSeconds: 3,
      cycleTimes: [
        { lineId: lineA.id, idealCycleTimeSeconds: 2.5 },
        { lineId: lineB.id, idealCycleTimeSeconds: 4 },
        { equipmentId: eqB.id, idealCycleTimeSeconds: 5 },
      ],
    });
    policyA = await policy('A high', lineA.id);
    policyB = await policy('B high', lineB.id);
    policyPlant = await policy('Plant high', null);
    await assignLines(t, admin, engineerA, [lineA.id]);
  });
  afterAll(() => t.close());

  it('refuses to read, change or delete line B and its equipment, and changes nothing', async () => {
    await refused(send(t, engineerA, 'get', `/api/lines/${lineB.id}`));
    await refused(send(t, engineerA, 'patch', `/api/lines/${lineB.id}`, { name: 'Mine now' }));
    await refused(send(t, engineerA, 'delete', `/api/lines/${lineB.id}`));
    await refused(send(t, engineerA, 'get', `/api/equipment/${eqB.id}`));
    await refused(
      send(t, engineerA, 'patch', `/api/equipment/${eqB.id}`, { idealCycleTimeSeconds: 99 }),
    );
    await refused(send(t, engineerA, 'delete', `/api/equipment/${eqB.id}`));
    expect(await get<Line>(t, admin, `/api/lines/${lineB.id}`)).toMatchObject({
      name: lineB.name,
    });
    expect(await get<Equipment>(t, admin, `/api/equipment/${eqB.id}`)).toMatchObject({
      idealCycleTimeSeconds: 2,
    });
  });

  it('edits its own line and equipment, but does not move equipment to line B nor create there', async () => {
    await ok(t, engineerA, 'patch', `/api/equipment/${eqA.id}`, { idealCycleTimeSeconds: 1.5 });
    await refused(send(t, engineerA, 'patch', `/api/equipment/${eqA.id}`, { lineId: lineB.id }));
    expect(await get<Equipment>(t, admin, `/api/equipment/${eqA.id}`)).toMatchObject({
      lineId: lineA.id,
      idealCycleTimeSeconds: 1.5,
    });
    await refused(
      send(t, engineerA, 'post', '/api/equipment', {
        code: 'SNEAK',
        name: 'Sneak',
        lineId: lineB.id,
        idealCycleTimeSeconds: 1,
      }),
    );
    const onB = await get<Paginated<Equipment>>(t, admin, `/api/equipment?lineId=${lineB.id}`);
    expect(onB.items.map((e) => e.code)).toEqual([eqB.code]);
    // A new line is on nobody's list: adding lines is for users of every line.
    await refused(send(t, engineerA, 'post', '/api/lines', { code: 'NEW', name: 'New' }));
  });

  it('answers 404 for an id that does not exist, and 400 for an unknown line in a body', async () => {
    await send(t, engineerA, 'get', '/api/equipment/00000000-0000-4000-8000-000000000000').expect(
      404,
    );
    await send(t, engineerA, 'post', '/api/equipment', {
      code: 'GHOST',
      name: 'Ghost',
      lineId: '00000000-0000-4000-8000-000000000000',
      idealCycleTimeSeconds: 1,
    }).expect(400);
  });

  it('lists only its lines, and refuses a filter naming line B', async () => {
    expect(ids(await get<Paginated<Line>>(t, engineerA, '/api/lines'))).toEqual([lineA.id]);
    expect(ids(await get<Paginated<Equipment>>(t, engineerA, '/api/equipment'))).toEqual([eqA.id]);
    expect(ids(await get<Paginated<Shift>>(t, engineerA, '/api/shifts'))).toEqual([]);
    expect(ids(await get<Paginated<PlannedStop>>(t, engineerA, '/api/planned-stops'))).toEqual([
      stopEqA.id,
    ]);
    for (const path of ['lines', 'equipment', 'shifts', 'planned-stops', 'products', 'sites']) {
      await refused(send(t, engineerA, 'get', `/api/${path}?lineId=${lineB.id}`));
    }
    const all = await get<Paginated<Line>>(t, admin, '/api/lines');
    expect(all.total).toBe(2);
  });

  it('scopes shifts and planned stops of line B (by line and by its equipment)', async () => {
    await refused(send(t, engineerA, 'get', `/api/shifts/${shiftB.id}`));
    await refused(send(t, engineerA, 'patch', `/api/shifts/${shiftB.id}`, { name: 'Late' }));
    await refused(
      send(t, engineerA, 'post', '/api/shifts', {
        lineId: lineB.id,
        name: 'Night',
        startTime: '22:00',
        endTime: '06:00',
        timezone: 'UTC',
      }),
    );
    for (const stop of [stopLineB, stopEqB]) {
      await refused(send(t, engineerA, 'get', `/api/planned-stops/${stop.id}`));
      await refused(send(t, engineerA, 'delete', `/api/planned-stops/${stop.id}`));
    }
    await refused(
      send(t, engineerA, 'post', '/api/planned-stops', {
        equipmentId: eqB.id,
        startsAt: '2026-01-02T10:00:00Z',
        endsAt: '2026-01-02T11:00:00Z',
        reason: 'Sneak',
      }),
    );
    expect(await get<Shift>(t, admin, `/api/shifts/${shiftB.id}`)).toMatchObject({
      name: 'Early',
    });
    const stops = await get<Paginated<PlannedStop>>(t, admin, '/api/planned-stops');
    expect(stops.total).toBe(3);
  });

  it('shows a product with its lines’ cycle times only, and changes only those', async () => {
    const seen = await get<Product>(t, engineerA, `/api/products/${product.id}`);
    expect(seen.cycleTimes).toEqual([
      { lineId: lineA.id, equipmentId: null, idealCycleTimeSeconds: 2.5 },
    ]);
    const listed = await get<Paginated<Product>>(t, engineerA, '/api/products');
    expect(listed.items[0]?.cycleTimes).toEqual(seen.cycleTimes);

    await refused(
      send(t, engineerA, 'patch', `/api/products/${product.id}`, {
        cycleTimes: [{ equipmentId: eqB.id, idealCycleTimeSeconds: 99 }],
      }),
    );
    await refused(
      send(t, engineerA, 'patch', `/api/products/${product.id}`, { idealCycleTimeSeconds: 99 }),
    );
    await refused(send(t, engineerA, 'delete', `/api/products/${product.id}`));
    await refused(
      send(t, engineerA, 'post', '/api/products', {
        code: 'P-NEW',
        name: 'New',
        idealCycleTimeSeconds: 1,
      }),
    );

    const changed = await ok<Product>(t, engineerA, 'patch', `/api/products/${product.id}`, {
      cycleTimes: [{ equipmentId: eqA.id, idealCycleTimeSeconds: 1.25 }],
    });
    expect(changed.cycleTimes).toEqual([
      { lineId: null, equipmentId: eqA.id, idealCycleTimeSeconds: 1.25 },
    ]);
    const stored = await get<Product>(t, admin, `/api/products/${product.id}`);
    expect(stored.idealCycleTimeSeconds).toBe(3);
    expect(stored.cycleTimes).toEqual(
      expect.arrayContaining([
        { lineId: lineB.id, equipmentId: null, idealCycleTimeSeconds: 4 },
        { lineId: null, equipmentId: eqB.id, idealCycleTimeSeconds: 5 },
        { lineId: null, equipmentId: eqA.id, idealCycleTimeSeconds: 1.25 },
      ]),
    );
    expect(stored.cycleTimes).toHaveLength(3);
  });

  it('reads plant-wide sites, areas and reasons, but may not change them', async () => {
    await ok(t, engineerA, 'get', '/api/sites');
    await ok(t, engineerA, 'get', '/api/downtime-reasons');
    await refused(
      send(t, engineerA, 'post', '/api/sites', { code: 'S2', name: 'Second', timezone: 'UTC' }),
    );
    await refused(
      send(t, engineerA, 'post', '/api/downtime-reasons', {
        code: 'NEWR',
        name: 'New',
        category: 'Machine',
        lossClass: 'availability',
      }),
    );
    const reason = await createDowntimeReason(t, admin);
    await refused(
      send(t, engineerA, 'patch', `/api/downtime-reasons/${reason.id}`, { name: 'Renamed' }),
    );
    await ok(t, engineerA, 'get', `/api/downtime-reasons/${reason.id}`);
  });

  it('scopes escalation policies: line B’s refused, plant-wide ones read but not changed', async () => {
    const listed = await get<Paginated<AndonPolicy>>(t, engineerA, '/api/andon-policies');
    expect(ids(listed).sort()).toEqual([policyA.id, policyPlant.id].sort());
    await refused(send(t, engineerA, 'get', `/api/andon-policies/${policyB.id}`));
    await refused(
      send(t, engineerA, 'patch', `/api/andon-policies/${policyB.id}`, { enabled: false }),
    );
    await refused(send(t, engineerA, 'delete', `/api/andon-policies/${policyB.id}`));
    await refused(
      send(t, engineerA, 'patch', `/api/andon-policies/${policyA.id}`, { lineId: lineB.id }),
    );
    await refused(
      send(t, engineerA, 'patch', `/api/andon-policies/${policyA.id}`, { lineId: null }),
    );
    await refused(
      send(t, engineerA, 'patch', `/api/andon-policies/${policyPlant.id}`, { enabled: false }),
    );
    await refused(
      send(t, engineerA, 'post', '/api/andon-policies', {
        name: 'Sneak',
        priority: 'low',
        lineId: lineB.id,
        levels: [{ afterMinutes: 1, condition: 'unacknowledged', notifyRoles: ['admin'] }],
      }),
    );
    await ok(t, engineerA, 'get', `/api/andon-policies/${policyPlant.id}`);
    await ok(t, engineerA, 'patch', `/api/andon-policies/${policyA.id}`, { name: 'A urgent' });

    const stored = await get<Paginated<AndonPolicy>>(t, admin, '/api/andon-policies');
    expect(stored.total).toBe(3);
    expect(stored.items.find((p) => p.id === policyB.id)).toMatchObject({
      enabled: true,
      lineId: lineB.id,
    });
    expect(stored.items.find((p) => p.id === policyA.id)).toMatchObject({
      name: 'A urgent',
      lineId: lineA.id,
    });
  });
});
