import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, Equipment, SessionUser } from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { raiseAndonCall } from '../../../test/support/andon-factory.js';
import { freezeClock } from '../../../test/support/clock.js';
import { assignDowntimeReason, ingestEvents } from '../../../test/support/ingestion-factory.js';
import {
  createDowntimeReason,
  createEquipment,
  createLine,
} from '../../../test/support/plant-factory.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { WorkOrdersRepository } from './work-orders.repository.js';
import { WorkOrdersService } from './work-orders.service.js';

const MINUTE = 60_000;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;
const before = (minutes: number) => new Date(NOW - minutes * MINUTE).toISOString();

/**
 * The work-order SQL on real PostgreSQL: numbers under concurrent creation, one work order per
 * andon call under a race, the linked stops and their unplanned time, and the list's order.
 */
describe('work orders on real PostgreSQL', () => {
  let t: TestApp;
  let admin: AuthTokens;
  let actor: SessionUser;
  let service: WorkOrdersService;
  let repository: WorkOrdersRepository;
  let press: Equipment;
  let setNow: (next: Date) => void;

  const open = (title: string, extra: Record<string, unknown> = {}) =>
    service.create(
      { equipmentId: press.id, type: 'corrective', priority: 'medium', title, ...extra },
      actor,
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminTokens();
    actor = admin.user;
    service = t.app.get(WorkOrdersService);
    repository = t.app.get(WorkOrdersRepository);
    const line = await createLine(t, admin, { code: 'WOR-L' });
    press = await createEquipment(t, admin, { lineId: line.id, code: 'WOR-P' });
    setNow = freezeClock(t.app, new Date(NOW));
  });
  afterAll(() => t.close());

  it('numbers concurrent creations one after another, without gaps, and starts again each year', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => open(`Concurrent ${i}`)));
    const year = new Date(NOW).getUTCFullYear();
    expect(created.map((order) => order.number).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `WO-${year}-${String(i + 1).padStart(5, '0')}`),
    );
    setNow(new Date(Date.UTC(year + 1, 0, 1, 0, 0, 30)));
    try {
      expect((await open('New year')).number).toBe(`WO-${year + 1}-00001`);
    } finally {
      setNow(new Date(NOW));
    }
    expect((await open('Back in this year')).number).toBe(`WO-${year}-00009`);
  });

  it('lets only one of two simultaneous creations claim an andon call', async () => {
    const call = await raiseAndonCall(t, admin, { equipmentId: press.id });
    const results = await Promise.allSettled([
      open('First', { andonCallId: call.id }),
      open('Second', { andonCallId: call.id }),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((result) => (result.reason as { code?: string }).code)).toEqual([
      'CONFLICT',
    ]);
  });

  it("sums the unplanned time of the order's stop and its call's stop, each once, up to now", async () => {
    const planned = await createDowntimeReason(t, admin, {
      code: 'WOR-PLANNED',
      planned: true,
      lossClass: 'setup',
    });
    const jam = await createDowntimeReason(t, admin, { code: 'WOR-JAM' });
    await ingestEvents(t, admin, [
      { eventId: 'r1', equipmentId: press.id, ts: before(100), type: 'state', state: 'running' },
      {
        eventId: 'r2',
        equipmentId: press.id,
        ts: before(90),
        type: 'state',
        state: 'stopped',
        reasonCode: jam.code,
      },
      // Still stopped (same state): the stop goes on through this event.
      { eventId: 'r3', equipmentId: press.id, ts: before(85), type: 'state', state: 'stopped' },
      { eventId: 'r4', equipmentId: press.id, ts: before(75), type: 'state', state: 'running' },
      { eventId: 'r5', equipmentId: press.id, ts: before(60), type: 'state', state: 'idle' },
      { eventId: 'r6', equipmentId: press.id, ts: before(50), type: 'state', state: 'running' },
    ]);
    const ids = await t.app
      .get(DataSource)
      .query<Array<{ id: string; event_id: string }>>(
        `SELECT id::text, event_id FROM machine_events WHERE equipment_id = $1 AND event_id IN ('r2', 'r5')`,
        [press.id],
      );
    const eventOf = (name: string) => ids.find((row) => row.event_id === name)?.id ?? '';
    // The idle stretch was a planned stop, as the operator said afterwards.
    await assignDowntimeReason(t, admin, {
      equipmentId: press.id,
      startedAt: before(60),
      reasonCode: planned.code,
    });

    // The call opens a stop now; ten minutes later it still lasts.
    const call = await raiseAndonCall(t, admin, { equipmentId: press.id, openDowntime: true });
    const order = await open('Jam then call', {
      andonCallId: call.id,
      downtimeEventId: Number(eventOf('r2')),
    });
    expect(order.failureReason?.code).toBe(jam.code);
    const stops = await repository.stops(order.id, new Date(NOW + 10 * MINUTE));
    expect(stops.map((stop) => [stop.startedAt, stop.endedAt, stop.durationSeconds])).toEqual([
      [before(90), before(75), 900],
      [before(0), null, 600],
    ]);
    setNow(new Date(NOW + 10 * MINUTE));
    try {
      expect((await service.get(order.id, actor)).downtimeSeconds).toBe(1500);
    } finally {
      setNow(new Date(NOW));
    }

    const idle = await open('Planned idle', { downtimeEventId: Number(eventOf('r5')) });
    expect(idle.stops).toEqual([
      expect.objectContaining({ state: 'idle', durationSeconds: 600, planned: true }),
    ]);
    expect(idle.downtimeSeconds).toBe(0);
  });

  it('lists the most urgent first: priority, then the earliest due, then number', async () => {
    const line = await createLine(t, admin, { code: 'WOR-ORDER' });
    const drill = await createEquipment(t, admin, { lineId: line.id, code: 'WOR-D' });
    const make = (title: string, priority: 'low' | 'high' | 'critical', dueAt?: string) =>
      service.create(
        { equipmentId: drill.id, type: 'corrective', priority, title, ...(dueAt ? { dueAt } : {}) },
        actor,
      );
    await make('high, no due', 'high');
    await make('low', 'low', before(-60));
    await make('high, due later', 'high', before(-120));
    await make('critical', 'critical');
    await make('high, due sooner', 'high', before(-30));
    const [items, total] = await repository.list({ lineId: line.id, lineIds: null }, 1, 10);
    expect(total).toBe(5);
    expect(items.map((item) => item.title)).toEqual([
      'critical',
      'high, due sooner',
      'high, due later',
      'high, no due',
      'low',
    ]);
  });
});
