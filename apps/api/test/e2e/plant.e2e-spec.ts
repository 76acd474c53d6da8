import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, Equipment, Line, Shift } from '@ms5/contracts';
import { type TestApp, bearer, createTestApp } from '../support/test-app.js';

describe('plant configuration over HTTP', () => {
  let t: TestApp;
  let engineer: AuthTokens;

  beforeAll(async () => {
    t = await createTestApp();
    engineer = await t.userWithRole('engineer');
  });
  afterAll(() => t.close());

  async function createLine(code: string): Promise<Line> {
    const response = await t
      .http()
      .post('/api/lines')
      .set(...bearer(engineer))
      .send({ code, name: `Line ${code}` })
      .expect(201);
    return response.body as Line;
  }

  it('creates a line, equipment and a shift with breaks in the contract shapes', async () => {
    const line = await createLine('L1');
    expect(line).toMatchObject({
      id: expect.any(String),
      code: 'L1',
      name: 'Line L1',
      microStopThresholdSeconds: 120,
    });

    const equipment = (
      await t
        .http()
        .post('/api/equipment')
        .set(...bearer(engineer))
        .send({ code: 'L1-FILL', name: 'Filler', lineId: line.id, idealCycleTimeSeconds: 1.5 })
        .expect(201)
    ).body as Equipment;
    expect(equipment).toMatchObject({ lineId: line.id, idealCycleTimeSeconds: 1.5 });

    const shift = (
      await t
        .http()
        .post('/api/shifts')
        .set(...bearer(engineer))
        .send({
          lineId: line.id,
          name: 'Early',
          startTime: '06:00',
          endTime: '14:00',
          timezone: 'UTC',
          breaks: [{ startTime: '09:00', durationMinutes: 15 }],
        })
        .expect(201)
    ).body as Shift;
    expect(shift).toMatchObject({
      id: expect.any(String),
      breaks: [{ startTime: '09:00', durationMinutes: 15 }],
    });

    await t
      .http()
      .get(`/api/lines/${line.id}`)
      .set(...bearer(engineer))
      .expect(200);
    await t
      .http()
      .get(`/api/equipment/${equipment.id}`)
      .set(...bearer(engineer))
      .expect(200);
    await t
      .http()
      .get(`/api/shifts/${shift.id}`)
      .set(...bearer(engineer))
      .expect(200);
    const list = await t
      .http()
      .get(`/api/equipment?lineId=${line.id}`)
      .set(...bearer(engineer))
      .expect(200);
    expect(list.body).toMatchObject({
      items: [expect.objectContaining({ code: 'L1-FILL' })],
      total: 1,
      page: 1,
      pageSize: 50,
      totalPages: 1,
    });
  });

  it('names bad fields: a bad cycle time, an unknown line, a duplicate code, a bad time zone', async () => {
    const bad = await t
      .http()
      .post('/api/equipment')
      .set(...bearer(engineer))
      .send({ code: 'X 1', name: '', lineId: 'nope', idealCycleTimeSeconds: 0 })
      .expect(400);
    expect((bad.body.fieldErrors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual([
      'code',
      'idealCycleTimeSeconds',
      'lineId',
      'name',
    ]);

    const unknownLine = await t
      .http()
      .post('/api/equipment')
      .set(...bearer(engineer))
      .send({ code: 'ORPHAN', name: 'Orphan', lineId: randomUUID(), idealCycleTimeSeconds: 2 })
      .expect(400);
    expect(unknownLine.body.fieldErrors).toEqual([{ path: 'lineId', message: 'Does not exist' }]);

    await createLine('DUP');
    const duplicate = await t
      .http()
      .post('/api/lines')
      .set(...bearer(engineer))
      .send({ code: 'DUP', name: 'Again' })
      .expect(409);
    expect(duplicate.body.fieldErrors).toEqual([{ path: 'code', message: 'Already taken' }]);

    const line = await createLine('TZ');
    const tz = await t
      .http()
      .post('/api/shifts')
      .set(...bearer(engineer))
      .send({
        lineId: line.id,
        name: 'Night',
        startTime: '22:00',
        endTime: '06:00',
        timezone: 'Atlantis/Nowhere',
      })
      .expect(400);
    expect(tz.body.fieldErrors).toEqual([
      { path: 'timezone', message: expect.stringContaining('time zone') },
    ]);
  });

  it('patches and deletes, refusing to delete a line that still has equipment', async () => {
    const line = await createLine('PATCH');
    const patched = await t
      .http()
      .patch(`/api/lines/${line.id}`)
      .set(...bearer(engineer))
      .send({ name: 'Renamed', microStopThresholdSeconds: 90 })
      .expect(200);
    expect(patched.body).toMatchObject({
      name: 'Renamed',
      microStopThresholdSeconds: 90,
      code: 'PATCH',
    });
    const equipment = await t
      .http()
      .post('/api/equipment')
      .set(...bearer(engineer))
      .send({ code: 'PATCH-1', name: 'Cell', lineId: line.id, idealCycleTimeSeconds: 3 })
      .expect(201);
    const inUse = await t
      .http()
      .delete(`/api/lines/${line.id}`)
      .set(...bearer(engineer))
      .expect(409);
    expect(inUse.body.code).toBe('IN_USE');
    await t
      .http()
      .delete(`/api/equipment/${equipment.body.id as string}`)
      .set(...bearer(engineer))
      .expect(204);
    await t
      .http()
      .delete(`/api/lines/${line.id}`)
      .set(...bearer(engineer))
      .expect(204);
    await t
      .http()
      .get(`/api/lines/${line.id}`)
      .set(...bearer(engineer))
      .expect(404);
  });

  it('keeps per-line and per-equipment product cycle times', async () => {
    const line = await createLine('PROD');
    const product = await t
      .http()
      .post('/api/products')
      .set(...bearer(engineer))
      .send({
        code: 'BOTTLE-1L',
        name: 'Bottle 1 l',
        idealCycleTimeSeconds: 2,
        cycleTimes: [{ lineId: line.id, idealCycleTimeSeconds: 1.6 }],
      })
      .expect(201);
    expect(product.body.cycleTimes).toEqual([
      { lineId: line.id, equipmentId: null, idealCycleTimeSeconds: 1.6 },
    ]);
    const replaced = await t
      .http()
      .patch(`/api/products/${product.body.id as string}`)
      .set(...bearer(engineer))
      .send({ cycleTimes: [] })
      .expect(200);
    expect(replaced.body.cycleTimes).toEqual([]);
  });

  it('lets viewers read but not change, and audits every change', async () => {
    const viewer = await t.userWithRole('viewer');
    await t
      .http()
      .get('/api/lines')
      .set(...bearer(viewer))
      .expect(200);
    await t
      .http()
      .post('/api/lines')
      .set(...bearer(viewer))
      .send({ code: 'V', name: 'V' })
      .expect(403);
    const operator = await t.userWithRole('operator');
    await t
      .http()
      .post('/api/shifts')
      .set(...bearer(operator))
      .send({})
      .expect(403);

    const line = await createLine('AUDIT');
    await t
      .http()
      .patch(`/api/lines/${line.id}`)
      .set(...bearer(engineer))
      .send({ name: 'Audited line' })
      .expect(200);
    const admin = await t.adminTokens();
    const log = await t
      .http()
      .get(`/api/audit-log?entityType=line&entityId=${line.id}`)
      .set(...bearer(admin))
      .expect(200);
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
