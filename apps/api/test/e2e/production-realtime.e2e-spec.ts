import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AuthTokens, Line, Product } from '@ms5/contracts';
import { OutboxDispatcher } from '../../src/platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../src/platform/realtime/outbox.repository.js';
import { get, send } from '../support/api.js';
import { hoursOn } from '../support/clock.js';
import { createLine, createProduct } from '../support/plant-factory.js';
import {
  createChecklistTemplate,
  createJob,
  createOrder,
  sendJobStep,
  sendOrder,
  stepJob,
  stepOrder,
  submitChecklistRun,
} from '../support/production-factory.js';
import { socketClients } from '../support/realtime-client.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';
import { sleep, until } from '../support/wait.js';

type Received = { event: string; payload: Record<string, unknown> };
const at = hoursOn('2030-07-08');

/**
 * Production orders, jobs and checklist runs tell their line's rooms through the outbox: the
 * shift manager's board (all lines) and an operator's tablet limited to its line get the events
 * after the commit; a tablet of another line does not.
 */
describe('production realtime events', () => {
  let t: TestApp;
  let origin: string;
  let engineer: AuthTokens;
  let manager: AuthTokens;
  let operator: AuthTokens;
  let otherLineOperator: AuthTokens;
  let line: Line;
  let otherLine: Line;
  let product: Product;
  const sockets = socketClients();
  const ready = (tokens: AuthTokens) => sockets.ready<Received['payload']>(origin, tokens);

  const production = (received: Received[]) =>
    received
      .filter((m) => m.event.startsWith('production.') || m.event.startsWith('checklist.'))
      .map(({ event, payload }) => {
        const { at: when, seq, ...rest } = payload;
        expect(typeof when).toBe('string');
        expect(typeof seq).toBe('number');
        return { event, ...rest };
      });

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    [engineer, manager, operator, otherLineOperator] = await usersWithRoles(
      t,
      'engineer',
      'shift_manager',
      'operator',
      'operator',
    );
    line = await createLine(t, engineer, { code: 'PRT-A', name: 'Realtime orders A' });
    otherLine = await createLine(t, engineer, { code: 'PRT-B', name: 'Realtime orders B' });
    product = await createProduct(t, engineer, {
      code: 'PRT-1',
      name: 'Realtime product',
      idealCycleTimeSeconds: 1,
    });
    const admin = await t.adminTokens();
    for (const [user, lineId] of [
      [operator, line.id],
      [otherLineOperator, otherLine.id],
    ] as const) {
      await assignLines(t, admin, user, [lineId]);
    }
  });

  afterAll(async () => {
    sockets.disconnectAll();
    await t.close();
  });

  it('sends production.order.changed, production.job.changed and checklist.run.completed to the line after each step', async () => {
    const board = await ready(manager);
    expect(board.hello.rooms.sort()).toEqual(['lines:all', 'role:shift_manager']);
    const tablet = await ready(operator);
    expect(tablet.hello.rooms).toEqual([`line:${line.id}`]);
    const elsewhere = await ready(otherLineOperator);
    expect(elsewhere.hello.rooms).toEqual([`line:${otherLine.id}`]);

    const order = await createOrder(t, manager, {
      lineId: line.id,
      productId: product.id,
      quantity: 10,
      plannedStart: at(6),
      plannedEnd: at(7),
    });
    await send(t, manager, 'patch', `/api/orders/${order.id}`, { quantity: 12 }).expect(200);
    await stepOrder(t, manager, order.id, 'release');
    const job = await createJob(t, manager, { orderId: order.id, operatorId: operator.user.id });
    await stepJob(t, operator, job.id, 'accept');
    const template = await createChecklistTemplate(t, engineer, {
      name: 'Start-up',
      lineId: line.id,
      items: [{ label: 'Guards', kind: 'yes_no', critical: true }],
    });
    const run = await submitChecklistRun(t, operator, job.id, {
      templateId: template.id,
      answers: [{ itemId: template.items[0]!.id, value: true }],
    });
    await stepJob(t, operator, job.id, 'start');

    const expected = [
      { event: 'production.order.changed', id: order.id, lineId: line.id, status: 'planned' },
      { event: 'production.order.changed', id: order.id, lineId: line.id, status: 'planned' },
      { event: 'production.order.changed', id: order.id, lineId: line.id, status: 'released' },
      {
        event: 'production.job.changed',
        id: job.id,
        lineId: line.id,
        status: 'assigned',
        operatorId: operator.user.id,
      },
      {
        event: 'production.job.changed',
        id: job.id,
        lineId: line.id,
        status: 'accepted',
        operatorId: operator.user.id,
      },
      {
        event: 'checklist.run.completed',
        id: run.id,
        lineId: line.id,
        jobId: job.id,
        blocking: false,
      },
      // Starting the job starts the released order, in the same transaction.
      { event: 'production.order.changed', id: order.id, lineId: line.id, status: 'running' },
      {
        event: 'production.job.changed',
        id: job.id,
        lineId: line.id,
        status: 'started',
        operatorId: operator.user.id,
      },
    ];
    await until(() => production(board.received).length === expected.length, 'the board events');
    await until(() => production(tablet.received).length === expected.length, 'the tablet events');
    expect(production(board.received)).toEqual(expected);
    expect(production(tablet.received)).toEqual(expected);

    await t.app.get(OutboxDispatcher).flush();
    await sleep(200);
    expect(production(elsewhere.received)).toEqual([]);
  });

  it('tells nothing of a refused start, nor of a rolled-back step', async () => {
    const board = await ready(manager);
    const order = await createOrder(t, manager, {
      lineId: otherLine.id,
      productId: product.id,
      quantity: 5,
      plannedStart: at(9),
      plannedEnd: at(10),
    });
    await createChecklistTemplate(t, engineer, {
      name: 'B start-up',
      lineId: otherLine.id,
      items: [{ label: 'Ready', kind: 'yes_no' }],
    });
    await stepOrder(t, manager, order.id, 'release');
    const job = await createJob(t, manager, {
      orderId: order.id,
      operatorId: otherLineOperator.user.id,
    });
    await stepJob(t, otherLineOperator, job.id, 'accept');
    await until(
      () => board.received.some((m) => m.payload.id === job.id && m.payload.status === 'accepted'),
      'the accept',
    );
    const seen = production(board.received).length;

    // No checklist yet: 409, and neither the job nor the order is said to have changed.
    const refused = await sendJobStep(t, otherLineOperator, job.id, 'start').expect(409);
    expect(refused.body).toMatchObject({ code: 'CHECKLIST_REQUIRED' });

    // A failure after the outbox write rolls the whole change back, its event with it.
    const outbox = t.app.get(OutboxRepository);
    const append = outbox.append.bind(outbox);
    const spy = jest.spyOn(outbox, 'append').mockImplementationOnce(async (manager, message) => {
      await append(manager, message);
      throw new Error('simulated failure after the outbox write');
    });
    await sendOrder(t, manager, {
      lineId: otherLine.id,
      productId: product.id,
      quantity: 5,
      plannedStart: at(11),
      plannedEnd: at(12),
    }).expect(500);
    spy.mockRestore();
    const orders = await get<{ total: number }>(t, manager, `/api/orders?lineId=${otherLine.id}`);
    expect(orders.total).toBe(1);

    await t.app.get(OutboxDispatcher).flush();
    await sleep(200);
    expect(production(board.received)).toHaveLength(seen);
  });
});
