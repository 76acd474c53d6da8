import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AndonPolicy,
  AuthTokens,
  DowntimeStop,
  Equipment,
  Line,
  MachineEventInput,
  OeeLinesReport,
  OeeReport,
  Overview,
  Paginated,
  PlannedStop,
  Product,
  RollupStatus,
  Shift,
} from '@ms5/contracts';
import { OeeRollupService } from '../../src/domains/oee/oee-rollup.service.js';
import { fieldPaths, get, ok, send } from '../support/api.js';
import { ingestEvents, sendEvents } from '../support/ingestion-factory.js';
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
      // Sent back unchanged, as a form does: not a change of the plant-wide fields.
      code: product.code,
      idealCycleTimeSeconds: 3,
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

  it('adds and deletes a product only its lines use, not one another line uses', async () => {
    const body = (code: string, cycleTimes: object[]) => ({
      code,
      name: code,
      idealCycleTimeSeconds: 2,
      cycleTimes,
    });
    await refused(
      send(
        t,
        engineerA,
        'post',
        '/api/products',
        body('P-B', [{ lineId: lineB.id, idealCycleTimeSeconds: 1 }]),
      ),
    );
    await refused(
      send(
        t,
        engineerA,
        'post',
        '/api/products',
        body('P-AB', [
          { equipmentId: eqA.id, idealCycleTimeSeconds: 1 },
          { equipmentId: eqB.id, idealCycleTimeSeconds: 1 },
        ]),
      ),
    );
    const mine = await ok<Product>(
      t,
      engineerA,
      'post',
      '/api/products',
      body('P-A', [{ equipmentId: eqA.id, idealCycleTimeSeconds: 1 }]),
    );
    // A page of several products: each shows only line A's overrides.
    await ok(t, admin, 'patch', `/api/products/${mine.id}`, {
      cycleTimes: [
        { lineId: lineB.id, idealCycleTimeSeconds: 6 },
        { equipmentId: eqA.id, idealCycleTimeSeconds: 1 },
      ],
    });
    const page = await get<Paginated<Product>>(t, engineerA, '/api/products');
    expect(page.items.map((p) => [p.code, p.cycleTimes.map((c) => c.equipmentId)])).toEqual([
      ['P-A', [eqA.id]],
      [product.code, [eqA.id]],
    ]);
    // Once line B uses it too (an override of B's), it is no longer the engineer's to delete.
    await ok(t, admin, 'patch', `/api/products/${mine.id}`, {
      cycleTimes: [
        { equipmentId: eqA.id, idealCycleTimeSeconds: 1 },
        { lineId: lineB.id, idealCycleTimeSeconds: 3 },
      ],
    });
    await refused(send(t, engineerA, 'delete', `/api/products/${mine.id}`));
    await ok(t, admin, 'patch', `/api/products/${mine.id}`, {
      cycleTimes: [{ equipmentId: eqA.id, idealCycleTimeSeconds: 1 }],
    });
    await send(t, engineerA, 'delete', `/api/products/${mine.id}`).expect(204);
    await send(t, admin, 'get', `/api/products/${mine.id}`).expect(404);
    expect(
      (await get<Paginated<Product>>(t, admin, '/api/products')).items.map((p) => p.code),
    ).toEqual([product.code]);
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

const DAY = '2026-11-02';
const at = (time: string) => `${DAY}T${time}Z`;
const SHIFT_WINDOW = `from=${at('06:00:00')}&to=${at('14:00:00')}`;

/** Running from 06:00, a 40-minute stop at 07:00, `good` parts counted at 07:59. */
function morning(equipment: Equipment, good: number): MachineEventInput[] {
  const state = (id: string, time: string, s: 'running' | 'stopped'): MachineEventInput => ({
    eventId: `${equipment.code}-${id}`,
    equipmentId: equipment.id,
    ts: at(time),
    type: 'state',
    state: s,
  });
  return [
    state('s0', '06:00:00', 'running'),
    state('s1', '07:00:00', 'stopped'),
    state('s2', '07:40:00', 'running'),
    {
      eventId: `${equipment.code}-n1`,
      equipmentId: equipment.id,
      ts: at('07:59:00'),
      type: 'count',
      good,
      reject: 0,
    },
  ];
}

describe('line scope: OEE, downtime and ingestion', () => {
  let t: TestApp;
  let admin: AuthTokens;
  let engineerA: AuthTokens;
  let operatorA: AuthTokens;
  let lineA: Line;
  let lineB: Line;
  let eqA: Equipment;
  let eqB: Equipment;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminTokens();
    engineerA = await t.userWithRole('engineer');
    operatorA = await t.userWithRole('operator');
    lineA = await createLine(t, admin);
    lineB = await createLine(t, admin);
    eqA = await createEquipment(t, admin, { lineId: lineA.id, code: 'A-PRESS' });
    eqB = await createEquipment(t, admin, { lineId: lineB.id, code: 'B-PRESS' });
    for (const line of [lineA, lineB]) await createShift(t, admin, { lineId: line.id });
    await createDowntimeReason(t, admin, { code: 'JAM' });
    await ingestEvents(t, admin, [...morning(eqA, 100), ...morning(eqB, 40)]);
    await t.app.get(OeeRollupService).processQueue();
    for (const user of [engineerA, operatorA]) await assignLines(t, admin, user, [lineA.id]);
  });
  afterAll(() => t.close());

  it('refuses OEE and series of line B or its equipment; 404 for an unknown one', async () => {
    for (const path of [
      `/api/oee?lineId=${lineB.id}&${SHIFT_WINDOW}`,
      `/api/oee?equipmentId=${eqB.id}&${SHIFT_WINDOW}`,
      `/api/oee/series?lineId=${lineB.id}&${SHIFT_WINDOW}&bucket=hour`,
      `/api/oee/series?equipmentId=${eqB.id}&${SHIFT_WINDOW}&bucket=shift`,
    ]) {
      await refused(send(t, engineerA, 'get', path));
    }
    const mine = await get<OeeReport>(t, engineerA, `/api/oee?lineId=${lineA.id}&${SHIFT_WINDOW}`);
    expect(mine.goodCount).toBe(100);
    await send(
      t,
      engineerA,
      'get',
      `/api/oee?lineId=00000000-0000-4000-8000-000000000000&${SHIFT_WINDOW}`,
    ).expect(404);
  });

  it('sums the lines report and the overview over the user’s lines only', async () => {
    const all = await get<OeeLinesReport>(t, admin, `/api/oee/lines?${SHIFT_WINDOW}`);
    expect(all.plant.goodCount).toBe(140);
    const mine = await get<OeeLinesReport>(t, engineerA, `/api/oee/lines?${SHIFT_WINDOW}`);
    expect(mine.lines.map((line) => line.lineId)).toEqual([lineA.id]);
    expect(mine.plant.goodCount).toBe(100);

    const overview = await get<Overview>(t, engineerA, '/api/overview');
    expect(overview.lines.map((line) => line.id)).toEqual([lineA.id]);
    expect(overview.lines[0]?.equipment.map((e) => e.id)).toEqual([eqA.id]);
    await refused(send(t, engineerA, 'get', `/api/overview?lineId=${lineB.id}`));
    await send(
      t,
      engineerA,
      'get',
      '/api/overview?lineId=00000000-0000-4000-8000-000000000000',
    ).expect(404);

    const hoursAll = (await get<RollupStatus>(t, admin, '/api/oee/rollups/status')).storedHours;
    const hoursMine = (await get<RollupStatus>(t, engineerA, '/api/oee/rollups/status'))
      .storedHours;
    expect(hoursMine).toBeGreaterThan(0);
    expect(hoursMine).toBeLessThan(hoursAll);
  });

  it('refuses downtime lists, Pareto and reliability of line B', async () => {
    for (const path of [
      `/api/downtime?lineId=${lineB.id}&${SHIFT_WINDOW}`,
      `/api/downtime?equipmentId=${eqB.id}&${SHIFT_WINDOW}`,
      `/api/downtime/pareto?lineId=${lineB.id}&${SHIFT_WINDOW}`,
      `/api/downtime/pareto?equipmentId=${eqB.id}&${SHIFT_WINDOW}`,
      `/api/downtime/reliability?lineId=${lineB.id}&${SHIFT_WINDOW}`,
    ]) {
      await refused(send(t, engineerA, 'get', path));
    }
    const stops = await get<Paginated<DowntimeStop>>(
      t,
      engineerA,
      `/api/downtime?lineId=${lineA.id}&${SHIFT_WINDOW}`,
    );
    expect(stops.items.map((stop) => stop.equipmentId)).toEqual([eqA.id]);
  });

  it('refuses a stop reason on line B’s equipment and stores none', async () => {
    await refused(
      send(t, operatorA, 'put', '/api/downtime/reason', {
        equipmentId: eqB.id,
        startedAt: at('07:00:00'),
        reasonCode: 'JAM',
      }),
    );
    const [stopB] = (
      await get<Paginated<DowntimeStop>>(
        t,
        admin,
        `/api/downtime?equipmentId=${eqB.id}&${SHIFT_WINDOW}`,
      )
    ).items;
    expect(stopB).toMatchObject({ reasonCode: null, assignedBy: null });
    const mine = await ok<DowntimeStop>(t, operatorA, 'put', '/api/downtime/reason', {
      equipmentId: eqA.id,
      startedAt: at('07:00:00'),
      reasonCode: 'JAM',
    });
    expect(mine).toMatchObject({ reasonCode: 'JAM', reasonSource: 'operator' });
  });

  it('refuses a whole batch naming another line’s equipment, and stores nothing of it', async () => {
    const later = (equipment: Equipment, id: string): MachineEventInput => ({
      eventId: `${equipment.code}-${id}`,
      equipmentId: equipment.id,
      ts: at('09:00:00'),
      type: 'count',
      good: 7,
      reject: 0,
    });
    const response = await sendEvents(t, engineerA, [
      later(eqA, 'late-1'),
      later(eqB, 'late-1'),
      // A duplicate of a stored event of line B is refused too: no result about another line.
      morning(eqB, 40)[0],
    ]);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'LINE_NOT_ASSIGNED' });
    expect(fieldPaths(response.body)).toEqual(['events.1.equipmentId', 'events.2.equipmentId']);
    expect(JSON.stringify(response.body.fieldErrors)).toContain(eqB.id);

    // Nothing of the batch was stored: the same events from an unlimited gateway are all new.
    const stored = await ingestEvents(t, admin, [later(eqA, 'late-1'), later(eqB, 'late-1')]);
    expect(stored).toMatchObject({ accepted: 2, duplicates: 0 });
    // Its own line's events go through, with the usual idempotency.
    expect(
      await ingestEvents(t, engineerA, [later(eqA, 'late-1'), later(eqA, 'late-2')]),
    ).toMatchObject({
      accepted: 1,
      duplicates: 1,
    });
  });
});
