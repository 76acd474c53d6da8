import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens } from '@ms5/contracts';
import { send } from '../support/api.js';
import {
  createEquipment,
  createLine,
  createProduct,
  createShift,
} from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

describe('plant configuration over HTTP', () => {
  let t: TestApp;
  let engineer: AuthTokens;

  beforeAll(async () => {
    t = await createTestApp();
    engineer = await t.userWithRole('engineer');
  });
  afterAll(() => t.close());

  it('creates a line, equipment and a shift with breaks in the contract shapes', async () => {
    const line = await createLine(t, engineer, { code: 'L1' });
    expect(line).toMatchObject({
      id: expect.any(String),
      code: 'L1',
      name: 'Line L1',
      microStopThresholdSeconds: 120,
    });

    const equipment = await createEquipment(t, engineer, {
      code: 'L1-FILL',
      name: 'Filler',
      lineId: line.id,
      idealCycleTimeSeconds: 1.5,
    });
    expect(equipment).toMatchObject({ lineId: line.id, idealCycleTimeSeconds: 1.5 });

    const shift = await createShift(t, engineer, {
      lineId: line.id,
      name: 'Early',
      startTime: '06:00',
      endTime: '14:00',
      timezone: 'UTC',
      breaks: [{ startTime: '09:00', durationMinutes: 15 }],
    });
    expect(shift).toMatchObject({
      id: expect.any(String),
      breaks: [{ startTime: '09:00', durationMinutes: 15 }],
    });

    await send(t, engineer, 'get', `/api/lines/${line.id}`).expect(200);
    await send(t, engineer, 'get', `/api/equipment/${equipment.id}`).expect(200);
    await send(t, engineer, 'get', `/api/shifts/${shift.id}`).expect(200);
    const list = await send(t, engineer, 'get', `/api/equipment?lineId=${line.id}`).expect(200);
    expect(list.body).toMatchObject({
      items: [expect.objectContaining({ code: 'L1-FILL' })],
      total: 1,
      page: 1,
      pageSize: 50,
      totalPages: 1,
    });
  });

  it('names bad fields: a bad cycle time, an unknown line, a duplicate code, a bad time zone', async () => {
    const bad = await send(t, engineer, 'post', '/api/equipment', {
      code: 'X 1',
      name: '',
      lineId: 'nope',
      idealCycleTimeSeconds: 0,
    }).expect(400);
    expect((bad.body.fieldErrors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual([
      'code',
      'idealCycleTimeSeconds',
      'lineId',
      'name',
    ]);

    const unknownLine = await send(t, engineer, 'post', '/api/equipment', {
      code: 'ORPHAN',
      name: 'Orphan',
      lineId: randomUUID(),
      idealCycleTimeSeconds: 2,
    }).expect(400);
    expect(unknownLine.body.fieldErrors).toEqual([{ path: 'lineId', message: 'Does not exist' }]);

    await createLine(t, engineer, { code: 'DUP' });
    const duplicate = await send(t, engineer, 'post', '/api/lines', {
      code: 'DUP',
      name: 'Again',
    }).expect(409);
    expect(duplicate.body.fieldErrors).toEqual([{ path: 'code', message: 'Already taken' }]);

    const line = await createLine(t, engineer, { code: 'TZ' });
    const tz = await send(t, engineer, 'post', '/api/shifts', {
      lineId: line.id,
      name: 'Night',
      startTime: '22:00',
      endTime: '06:00',
      timezone: 'Atlantis/Nowhere',
    }).expect(400);
    expect(tz.body.fieldErrors).toEqual([
      { path: 'timezone', message: expect.stringContaining('time zone') },
    ]);
  });

  it('patches and deletes, refusing to delete a line that still has equipment', async () => {
    const line = await createLine(t, engineer, { code: 'PATCH' });
    const patched = await send(t, engineer, 'patch', `/api/lines/${line.id}`, {
      name: 'Renamed',
      microStopThresholdSeconds: 90,
    }).expect(200);
    expect(patched.body).toMatchObject({
      name: 'Renamed',
      microStopThresholdSeconds: 90,
      code: 'PATCH',
    });
    const equipment = await createEquipment(t, engineer, {
      code: 'PATCH-1',
      name: 'Cell',
      lineId: line.id,
      idealCycleTimeSeconds: 3,
    });
    const inUse = await send(t, engineer, 'delete', `/api/lines/${line.id}`).expect(409);
    expect(inUse.body.code).toBe('IN_USE');
    await send(t, engineer, 'delete', `/api/equipment/${equipment.id}`).expect(204);
    await send(t, engineer, 'delete', `/api/lines/${line.id}`).expect(204);
    await send(t, engineer, 'get', `/api/lines/${line.id}`).expect(404);
  });

  it('keeps per-line and per-equipment product cycle times', async () => {
    const line = await createLine(t, engineer, { code: 'PROD' });
    const product = await createProduct(t, engineer, {
      code: 'BOTTLE-1L',
      name: 'Bottle 1 l',
      idealCycleTimeSeconds: 2,
      cycleTimes: [{ lineId: line.id, idealCycleTimeSeconds: 1.6 }],
    });
    expect(product.cycleTimes).toEqual([
      { lineId: line.id, equipmentId: null, idealCycleTimeSeconds: 1.6 },
    ]);
    const replaced = await send(t, engineer, 'patch', `/api/products/${product.id}`, {
      cycleTimes: [],
    }).expect(200);
    expect(replaced.body.cycleTimes).toEqual([]);
  });

  it('lets viewers read but not change, and audits every change', async () => {
    const viewer = await t.userWithRole('viewer');
    await send(t, viewer, 'get', '/api/lines').expect(200);
    await send(t, viewer, 'post', '/api/lines', { code: 'V', name: 'V' }).expect(403);
    const operator = await t.userWithRole('operator');
    await send(t, operator, 'post', '/api/shifts', {}).expect(403);

    const line = await createLine(t, engineer, { code: 'AUDIT' });
    await send(t, engineer, 'patch', `/api/lines/${line.id}`, { name: 'Audited line' }).expect(200);
    const admin = await t.adminTokens();
    const log = await send(
      t,
      admin,
      'get',
      `/api/audit-log?entityType=line&entityId=${line.id}`,
    ).expect(200);
    expect((log.body.items as Array<{ action: string }>).map((entry) => entry.action)).toEqual([
      'line.updated',
      'line.created',
    ]);
    expect(log.body.items[0]).toMatchObject({
      before: expect.objectContaining({ name: 'Line AUDIT' }),
      after: expect.objectContaining({ name: 'Audited line' }),
    });
  });
});
