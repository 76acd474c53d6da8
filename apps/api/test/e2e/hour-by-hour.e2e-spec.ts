import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuthTokens,
  Equipment,
  ErrorBody,
  HourByHour,
  JobAssignment,
  Line,
  Product,
  ProductionOrder,
  Shift,
} from '@ms5/contracts';
import { DemoSeeder } from '../../src/dev/demo/demo-seeder.js';
import { DEMO_AREAS } from '../../src/dev/demo-plant/demo-plant.js';
import { fieldPaths, get, send } from '../support/api.js';
import { clockSetter } from '../support/clock.js';
import { assignDowntimeReason, ingestEvents } from '../support/ingestion-factory.js';
import { DAY, at, createPackingLine, packingLineEvents } from '../support/packing-line.js';
import { createEquipment, createLine, createShift } from '../support/plant-factory.js';
import { createJob, createOrder, stepOrder } from '../support/production-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { usersWithRoles } from '../support/user-factory.js';

/**
 * Line HBH: a filler (FILL) feeding a case packer (PACK, the line's output). Early shift
 * 06:00–14:00 UTC, breaks 09:00 (15 min) and 12:00 (30 min); the line stopped (planned)
 * 10:30–11:00. Product: 10 s by default, 20 s on this line, 30 s on PACK — so the output's pace is
 * 30 s a part. One order planned 06:00–14:00, started at 06:00; the board is read at 11:30.
 *
 *   hour   planned s           target               PACK good   cum T / cum A / gap
 *   06–07  3600                3600/30 = 120        120         120 / 120 / 0
 *   07–08  3600                120                  60  short   240 / 180 / −60   JAM 07:10–07:40
 *   08–09  3600                120                  125         360 / 305 / −55
 *   09–10  3600 − 900 = 2700   2700/30 = 90         90          450 / 395 / −55
 *   10–11  3600 − 1800 = 1800  1800/30 = 60         50  short   510 / 445 / −65   no reason 10:05–10:15
 *   11–12  3600 (current)      120                  40          630 / 485 / −145  (11:45's 30 not yet)
 *   12–13  3600 − 1800 = 1800  60 (future)          0           690 / 485
 *   13–14  3600                120 (future)         0           810 / 485
 *
 * FILL counts 500 at 06:30: not the line's output, so not in the board. A count's parts are those
 * made since the previous count, spread over the running time in between (see packing-line.ts),
 * and only reports made by now count: at 11:30 the 11:45 report (30 parts) is not known yet.
 */
describe('hour-by-hour board over HTTP', () => {
  let t: TestApp;
  let engineer: AuthTokens;
  let manager: AuthTokens;
  let operator: AuthTokens;
  let viewer: AuthTokens;
  let line: Line;
  let fill: Equipment;
  let pack: Equipment;
  let shift: Shift;
  let product: Product;
  let order: ProductionOrder;
  let setNow: (iso: string) => void;

  const patchLine = (body: Record<string, unknown>) =>
    send(t, engineer, 'patch', `/api/lines/${line.id}`, body);
  const board = (query = '', tokens = viewer) =>
    get<HourByHour>(t, tokens, `/api/lines/${line.id}/hour-by-hour${query}`);
  beforeAll(async () => {
    t = await createTestApp();
    [engineer, manager, operator, viewer] = await usersWithRoles(
      t,
      'engineer',
      'shift_manager',
      'operator',
      'viewer',
    );
    setNow = clockSetter(t.app);

    ({ line, fill, pack, shift, product } = await createPackingLine(t, engineer, {
      code: 'HBH',
      name: 'Hour by hour',
    }));

    order = await createOrder(t, manager, {
      lineId: line.id,
      productId: product.id,
      quantity: 1000,
      plannedStart: at('06:00'),
      plannedEnd: at('14:00'),
      reference: 'PO-HBH-1',
    });
    // A cancelled order never counts, even in the same slot on the next day.
    const cancelled = await createOrder(t, manager, {
      lineId: line.id,
      productId: product.id,
      quantity: 50,
      plannedStart: at('06:00', '2024-03-05'),
      plannedEnd: at('14:00', '2024-03-05'),
    });
    await stepOrder(t, manager, cancelled.id, 'cancel');
    await stepOrder(t, manager, order.id, 'release');
    setNow(at('06:00'));
    order = await stepOrder(t, manager, order.id, 'start');
    expect(order.actualStart).toBe(at('06:00'));

    await ingestEvents(t, engineer, packingLineEvents(fill, pack));
    // The operator says why the packer stopped at 07:10.
    await assignDowntimeReason(t, operator, {
      equipmentId: pack.id,
      startedAt: at('07:10'),
      reasonCode: 'JAM',
      comment: 'Carton jam',
    });
  });
  afterAll(() => t.close());

  it('takes an output equipment of the line only, naming outputEquipmentId otherwise', async () => {
    const other = await createLine(t, engineer, { code: 'HBH-OTHER', name: 'Other' });
    const foreign = await createEquipment(t, engineer, {
      code: 'HBH-OTHER-1',
      name: 'Elsewhere',
      lineId: other.id,
      idealCycleTimeSeconds: 5,
    });
    const wrong = await patchLine({ outputEquipmentId: foreign.id }).expect(400);
    expect(fieldPaths(wrong.body)).toEqual(['outputEquipmentId']);
    const unknown = await patchLine({
      outputEquipmentId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    expect(fieldPaths(unknown.body)).toEqual(['outputEquipmentId']);
    const notUuid = await patchLine({ outputEquipmentId: 'pack' }).expect(400);
    expect(fieldPaths(notUuid.body)).toEqual(['outputEquipmentId']);
    const onCreate = await send(t, engineer, 'post', '/api/lines', {
      code: 'HBH-NEW',
      name: 'New',
      outputEquipmentId: pack.id,
    }).expect(400);
    expect(fieldPaths(onCreate.body)).toEqual(['outputEquipmentId']);

    const set = (await patchLine({ outputEquipmentId: pack.id }).expect(200)).body as Line;
    expect(set.outputEquipmentId).toBe(pack.id);
    const read = await send(t, viewer, 'get', `/api/lines/${line.id}`).expect(200);
    expect((read.body as Line).outputEquipmentId).toBe(pack.id);
    expect((await send(t, viewer, 'get', `/api/lines/${other.id}`)).body).toMatchObject({
      outputEquipmentId: null,
    });

    // The output stays on its line: moving it away is refused, naming lineId.
    const move = await send(t, engineer, 'patch', `/api/equipment/${pack.id}`, {
      lineId: other.id,
    }).expect(400);
    expect(fieldPaths(move.body)).toEqual(['lineId']);
    expect((move.body as ErrorBody).fieldErrors?.[0]?.message).toContain('HBH');
  });

  it('works the shift out hour by hour at 11:30: targets, actuals, gap, short hours and their top loss', async () => {
    await patchLine({ outputEquipmentId: pack.id }).expect(200);
    setNow(at('11:30'));
    const result = await board();
    expect(result).toMatchObject({
      lineId: line.id,
      lineCode: 'HBH',
      outputEquipmentId: pack.id,
      shift: { id: shift.id, name: 'Early', date: DAY, timezone: 'UTC' },
      from: at('06:00'),
      to: at('14:00'),
      generatedAt: at('11:30'),
    });
    const hours = result.hours;
    expect(hours.map((h) => [h.start, h.end])).toEqual(
      ['06', '07', '08', '09', '10', '11', '12', '13'].map((h) => [
        at(`${h}:00`),
        at(`${String(Number(h) + 1).padStart(2, '0')}:00`),
      ]),
    );
    // 06–09: 3600/30 = 120; 09–10: (3600 − 900)/30 = 90; 10–11: (3600 − 1800 planned stop)/30 = 60;
    // 11–12: 120; 12–13: (3600 − 1800)/30 = 60; 13–14: 120.
    expect(hours.map((h) => h.plannedSeconds)).toEqual([
      3600, 3600, 3600, 2700, 1800, 3600, 1800, 3600,
    ]);
    expect(hours.map((h) => h.target)).toEqual([120, 120, 120, 90, 60, 120, 60, 120]);
    expect(hours.map((h) => h.cumulativeTarget)).toEqual([120, 240, 360, 450, 510, 630, 690, 810]);
    // Only the packer's parts, and none reported after now (11:45).
    expect(hours.map((h) => h.actualGood)).toEqual([120, 60, 125, 90, 50, 40, 0, 0]);
    expect(hours.map((h) => h.actualReject)).toEqual([2, 0, 1, 0, 0, 0, 0, 0]);
    expect(hours.map((h) => h.cumulativeActual)).toEqual([120, 180, 305, 395, 445, 485, 485, 485]);
    expect(hours.map((h) => h.cumulativeGap)).toEqual([0, -60, -55, -55, -65, -145, -205, -325]);
    expect(hours.map((h) => h.phase)).toEqual([
      'past',
      'past',
      'past',
      'past',
      'past',
      'current',
      'future',
      'future',
    ]);
    expect(hours.map((h) => h.short)).toEqual([
      false,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
    // 07–08: the packer's jam, 07:10–07:40, reason given by the operator.
    expect(hours[1]?.topLoss).toEqual({ reasonCode: 'JAM', reasonName: 'Jam', seconds: 1800 });
    // 10–11: the packer's JAM stop lies in the planned stop and CLEAN is a planned reason, so the
    // filler's 10 minutes without a reason are the top loss.
    expect(hours[4]?.topLoss).toEqual({
      reasonCode: 'UNASSIGNED',
      reasonName: 'No reason given',
      seconds: 600,
    });
    expect(hours.filter((h) => !h.short).every((h) => h.topLoss === null)).toBe(true);
    expect(hours[0]?.orders).toEqual([
      { id: order.id, reference: 'PO-HBH-1', productCode: 'HBH-CASE', idealCycleTimeSeconds: 30 },
    ]);
    expect(result.totals).toEqual({
      plannedSeconds: 24300,
      target: 810,
      actualGood: 485,
      actualReject: 3,
      gap: 485 - 810,
      // Due by 11:30: 120 + 120 + 120 + 90 + 60 for 06–11, and 1800 s / 30 of 11:00–11:30.
      targetSoFar: 570,
      gapSoFar: 485 - 570,
    });

    // The same occurrence by shift and date.
    const named = await board(`?shiftId=${shift.id}&date=${DAY}`);
    expect(named.hours.map((h) => h.target)).toEqual(hours.map((h) => h.target));
    expect(named.shift?.date).toBe(DAY);
  });

  it('shows the whole shift once it has ended, and the day before without orders', async () => {
    setNow(at('15:00'));
    const after = await board();
    expect(after.shift?.date).toBe(DAY);
    expect(after.hours.every((h) => h.phase === 'past')).toBe(true);
    expect(after.hours.map((h) => h.actualGood)).toEqual([120, 60, 125, 90, 50, 70, 0, 0]);
    // 11–12 made 70 of 120 with no stop on the line: short, nothing to blame.
    expect(after.hours[5]).toMatchObject({ short: true, topLoss: null });
    expect(after.hours[6]).toMatchObject({ short: true, target: 60, actualGood: 0 });
    expect(after.totals).toMatchObject({ target: 810, actualGood: 515, gap: 515 - 810 });

    const dayBefore = await board(`?shiftId=${shift.id}&date=2024-03-03`);
    expect(dayBefore).toMatchObject({
      from: at('06:00', '2024-03-03'),
      to: at('14:00', '2024-03-03'),
    });
    expect(dayBefore.hours.map((h) => h.target)).toEqual(Array(8).fill(0));
    expect(dayBefore.hours.every((h) => h.orders.length === 0 && !h.short)).toBe(true);
    // The next day's order was cancelled: nothing is planned then either.
    const dayAfter = await board(`?shiftId=${shift.id}&date=2024-03-05`);
    expect(dayAfter.totals.target).toBe(0);

    // Before 06:00 the latest occurrence that began is the previous day's.
    setNow(at('05:00'));
    expect((await board()).shift?.date).toBe('2024-03-03');

    // A late shift: at 15:20 it is the one running. The order still runs past its planned end
    // (14:00), so it counts until now: 14–15 3600/30 = 120, 15–16 20 min = 1200/30 = 40, then none.
    const late = await createShift(t, engineer, {
      lineId: line.id,
      name: 'Late',
      startTime: '14:00',
      endTime: '22:00',
      timezone: 'UTC',
      breaks: [],
    });
    try {
      setNow(at('15:20'));
      const overrun = await board();
      expect(overrun.shift).toMatchObject({ id: late.id, name: 'Late', date: DAY });
      expect(overrun.hours.map((h) => h.target)).toEqual([120, 40, 0, 0, 0, 0, 0, 0]);
      expect(overrun.hours.map((h) => h.phase).slice(0, 3)).toEqual(['past', 'current', 'future']);
    } finally {
      await send(t, engineer, 'delete', `/api/shifts/${late.id}`).expect(204);
    }
  });

  it('counts every equipment without an output, at the summed pace of the machines', async () => {
    setNow(at('11:30'));
    await patchLine({ outputEquipmentId: null }).expect(200);
    try {
      const all = await board();
      expect(all.outputEquipmentId).toBeNull();
      // FILL at the line's 20 s and PACK at its own 30 s: 3600 × (1/20 + 1/30) = 300 an hour.
      expect(all.hours[0]).toMatchObject({ target: 300, actualGood: 620 }); // 120 + FILL's 500
      expect(all.hours[0]?.orders[0]?.idealCycleTimeSeconds).toBe(12);
      expect(all.hours[3]?.target).toBe(225); // 2700 s / 12 s
    } finally {
      await patchLine({ outputEquipmentId: pack.id }).expect(200);
    }
  });

  it("counts a job's progress at the line's output", async () => {
    // After the shift, every report is in (at 11:30 the one of 11:45 would not be yet).
    setNow(at('14:30'));
    const job = await createJob(t, manager, {
      orderId: order.id,
      operatorId: operator.user.id,
    });
    // 120 + 60 + 125 + 90 + 50 + 40 + 30: the packer only, not the filler's 500.
    expect(job.progress.goodCount).toBe(515);
    await patchLine({ outputEquipmentId: null }).expect(200);
    try {
      const all = await get<JobAssignment>(t, manager, `/api/jobs/${job.id}`);
      expect(all.progress.goodCount).toBe(1015);
    } finally {
      await patchLine({ outputEquipmentId: pack.id }).expect(200);
    }
  });

  it('answers bad queries with 400 naming the field, 404 for an unknown line, 409 without shifts', async () => {
    setNow(at('11:30'));
    const other = await createLine(t, engineer, { code: 'HBH-DST', name: 'DST' });
    const otherShift = await createShift(t, engineer, {
      lineId: other.id,
      name: 'Small hours',
      startTime: '02:00',
      endTime: '03:00',
      timezone: 'Europe/Berlin',
      breaks: [],
    });
    const get = (lineId: string, query: string) =>
      send(t, viewer, 'get', `/api/lines/${lineId}/hour-by-hour${query}`);

    const foreignShift = await get(line.id, `?shiftId=${otherShift.id}&date=${DAY}`).expect(400);
    expect(fieldPaths(foreignShift.body)).toEqual(['shiftId']);
    expect(fieldPaths((await get(line.id, `?shiftId=${shift.id}`).expect(400)).body)).toEqual([
      'date',
    ]);
    expect(fieldPaths((await get(line.id, `?shiftId=x&date=4.3.2024`).expect(400)).body)).toEqual(
      expect.arrayContaining(['shiftId', 'date']),
    );
    expect(fieldPaths((await get(line.id, `?hour=7`).expect(400)).body)).toEqual(['hour']);
    // 02:00–03:00 does not exist in Berlin on the spring-forward night of 2025-03-30.
    const noOccurrence = await get(other.id, `?shiftId=${otherShift.id}&date=2025-03-30`).expect(
      400,
    );
    expect(fieldPaths(noOccurrence.body)).toEqual(['date']);

    await get('00000000-0000-4000-8000-000000000000', '').expect(404);
    await get('not-a-uuid', '').expect(400);
    const bare = await createLine(t, engineer, { code: 'HBH-BARE', name: 'No shifts' });
    const noShifts = await get(bare.id, '').expect(409);
    expect((noShifts.body as ErrorBody).message).toContain('no shifts');
    await t.http().get(`/api/lines/${line.id}/hour-by-hour`).expect(401);
  });

  it('sets each demo line’s output to its last station', async () => {
    await t.app.get(DemoSeeder).seed();
    const lines = await get<{ items: Line[] }>(t, viewer, '/api/lines?pageSize=200');
    const equipment = await get<{ items: Equipment[] }>(t, viewer, '/api/equipment?pageSize=200');
    const codeOf = new Map(equipment.items.map((e) => [e.id, e.code]));
    for (const demoLine of DEMO_AREAS.flatMap((area) => area.lines)) {
      const found = lines.items.find((l) => l.code === demoLine.code);
      expect(codeOf.get(found?.outputEquipmentId ?? '')).toBe(demoLine.equipment.at(-1)?.code);
    }
  });

  it('documents the route in OpenAPI', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths as Record<string, unknown>)).toEqual(
      expect.arrayContaining(['/api/lines/{id}/hour-by-hour']),
    );
  });
});
