import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type {
  AuthTokens,
  ChecklistRun,
  ChecklistTemplate,
  ClientToServerEvents,
  JobAssignment,
  Line,
  Product,
  ProductionOrder,
  ServerToClientEvents,
} from '@ms5/contracts';
import { type Socket, io } from 'socket.io-client';
import { OutboxDispatcher } from '../../src/platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../src/platform/realtime/outbox.repository.js';
import { type TestApp, bearer, createTestApp } from '../support/test-app.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Received = { event: string; payload: Record<string, unknown> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (hour: number) => `2030-07-08T${String(hour).padStart(2, '0')}:00:00.000Z`;

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
  const clients: Client[] = [];

  async function ready(tokens: AuthTokens) {
    const received: Received[] = [];
    const client: Client = io(origin, {
      auth: { token: tokens.accessToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    clients.push(client);
    client.onAny((event: string, payload: Record<string, unknown>) =>
      received.push({ event, payload }),
    );
    const hello = await new Promise<{ seq: number; rooms: string[] }>((resolve, reject) => {
      client.once('realtime.ready', resolve);
      client.once('connect_error', reject);
      client.once('disconnect', (reason) => reject(new Error(`disconnected: ${reason}`)));
    });
    return { client, received, hello };
  }

  async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  }

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
    [engineer, manager, operator, otherLineOperator] = await Promise.all([
      t.userWithRole('engineer'),
      t.userWithRole('shift_manager'),
      t.userWithRole('operator'),
      t.userWithRole('operator'),
    ]);
    const post = async <T>(path: string, body: object) =>
      (
        await t
          .http()
          .post(path)
          .set(...bearer(engineer))
          .send(body)
          .expect(201)
      ).body as T;
    line = await post<Line>('/api/lines', { code: 'PRT-A', name: 'Realtime orders A' });
    otherLine = await post<Line>('/api/lines', { code: 'PRT-B', name: 'Realtime orders B' });
    product = await post<Product>('/api/products', {
      code: 'PRT-1',
      name: 'Realtime product',
      idealCycleTimeSeconds: 1,
    });
    const admin = await t.adminTokens();
    for (const [user, lineId] of [
      [operator, line.id],
      [otherLineOperator, otherLine.id],
    ] as const) {
      await t
        .http()
        .put(`/api/users/${user.user.id}/lines`)
        .set(...bearer(admin))
        .send({ lineIds: [lineId] })
        .expect(200);
    }
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await t.close();
  });

  it('sends production.order.changed, production.job.changed and checklist.run.completed to the line after each step', async () => {
    const board = await ready(manager);
    expect(board.hello.rooms.sort()).toEqual(['lines:all', 'role:shift_manager']);
    const tablet = await ready(operator);
    expect(tablet.hello.rooms).toEqual([`line:${line.id}`]);
    const elsewhere = await ready(otherLineOperator);
    expect(elsewhere.hello.rooms).toEqual([`line:${otherLine.id}`]);

    const step = async <T>(tokens: AuthTokens, path: string, body: object = {}, status = 200) =>
      (
        await t
          .http()
          .post(path)
          .set(...bearer(tokens))
          .send(body)
          .expect(status)
      ).body as T;

    const order = await step<ProductionOrder>(
      manager,
      '/api/orders',
      {
        lineId: line.id,
        productId: product.id,
        quantity: 10,
        plannedStart: at(6),
        plannedEnd: at(7),
      },
      201,
    );
    await t
      .http()
      .patch(`/api/orders/${order.id}`)
      .set(...bearer(manager))
      .send({ quantity: 12 })
      .expect(200);
    await step(manager, `/api/orders/${order.id}/release`);
    const job = await step<JobAssignment>(
      manager,
      '/api/jobs',
      { orderId: order.id, operatorId: operator.user.id },
      201,
    );
    await step(operator, `/api/jobs/${job.id}/accept`);
    const template = await step<ChecklistTemplate>(
      engineer,
      '/api/checklist-templates',
      {
        name: 'Start-up',
        lineId: line.id,
        items: [{ label: 'Guards', kind: 'yes_no', critical: true }],
      },
      201,
    );
    const run = await step<ChecklistRun>(
      operator,
      `/api/jobs/${job.id}/checklists`,
      { templateId: template.id, answers: [{ itemId: template.items[0]!.id, value: true }] },
      201,
    );
    await step(operator, `/api/jobs/${job.id}/start`);

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
    const order = (
      await t
        .http()
        .post('/api/orders')
        .set(...bearer(manager))
        .send({
          lineId: otherLine.id,
          productId: product.id,
          quantity: 5,
          plannedStart: at(9),
          plannedEnd: at(10),
        })
        .expect(201)
    ).body as ProductionOrder;
    await t
      .http()
      .post(`/api/checklist-templates`)
      .set(...bearer(engineer))
      .send({
        name: 'B start-up',
        lineId: otherLine.id,
        items: [{ label: 'Ready', kind: 'yes_no' }],
      })
      .expect(201);
    await t
      .http()
      .post(`/api/orders/${order.id}/release`)
      .set(...bearer(manager))
      .send({})
      .expect(200);
    const job = (
      await t
        .http()
        .post('/api/jobs')
        .set(...bearer(manager))
        .send({ orderId: order.id, operatorId: otherLineOperator.user.id })
        .expect(201)
    ).body as JobAssignment;
    await t
      .http()
      .post(`/api/jobs/${job.id}/accept`)
      .set(...bearer(otherLineOperator))
      .send({})
      .expect(200);
    await until(
      () => board.received.some((m) => m.payload.id === job.id && m.payload.status === 'accepted'),
      'the accept',
    );
    const seen = production(board.received).length;

    // No checklist yet: 409, and neither the job nor the order is said to have changed.
    const refused = await t
      .http()
      .post(`/api/jobs/${job.id}/start`)
      .set(...bearer(otherLineOperator))
      .send({})
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'CHECKLIST_REQUIRED' });

    // A failure after the outbox write rolls the whole change back, its event with it.
    const outbox = t.app.get(OutboxRepository);
    const append = outbox.append.bind(outbox);
    const spy = jest.spyOn(outbox, 'append').mockImplementationOnce(async (manager, message) => {
      await append(manager, message);
      throw new Error('simulated failure after the outbox write');
    });
    await t
      .http()
      .post('/api/orders')
      .set(...bearer(manager))
      .send({
        lineId: otherLine.id,
        productId: product.id,
        quantity: 5,
        plannedStart: at(11),
        plannedEnd: at(12),
      })
      .expect(500);
    spy.mockRestore();
    const orders = await t
      .http()
      .get(`/api/orders?lineId=${otherLine.id}`)
      .set(...bearer(manager))
      .expect(200);
    expect((orders.body as { total: number }).total).toBe(1);

    await t.app.get(OutboxDispatcher).flush();
    await sleep(200);
    expect(production(board.received)).toHaveLength(seen);
  });
});
