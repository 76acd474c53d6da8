import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type {
  AndonCall,
  AndonCallEventPayload,
  AuthTokens,
  Equipment,
  Line,
  MachineEventInput,
} from '@ms5/contracts';
import { OutboxDispatcher } from '../../src/platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../src/platform/realtime/outbox.repository.js';
import { sendAndonCall, stepAndonCall } from '../support/andon-factory.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import { createEquipment, createLine } from '../support/plant-factory.js';
import { socketClients } from '../support/realtime-client.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';
import { sleep, until } from '../support/wait.js';

/** The socket.io gateway: auth in handleConnection, origin, rooms, after-commit events, replay. */
describe('realtime gateway', () => {
  let t: TestApp;
  let origin: string;
  let operator: AuthTokens;
  let manager: AuthTokens;
  let lineA: Line;
  let lineB: Line;
  let fillerA: Equipment;
  let cutterB: Equipment;
  const sockets = socketClients();
  const connect = (auth: Record<string, unknown>, extraHeaders?: Record<string, string>) =>
    sockets.connect(origin, auth, extraHeaders);
  /** Connects and resolves once the server has put the client in its rooms. */
  const ready = (tokens: AuthTokens, lastSeq?: number) =>
    sockets.ready<AndonCallEventPayload>(origin, tokens, lastSeq);

  const raise = (tokens: AuthTokens, equipmentId: string) =>
    sendAndonCall(t, tokens, { equipmentId, type: 'maintenance', priority: 'critical' });

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const engineer = await t.userWithRole('engineer');
    [operator, manager] = await usersWithRoles(t, 'operator', 'shift_manager');
    lineA = await createLine(t, engineer, { code: 'RT-A', name: 'Realtime A' });
    lineB = await createLine(t, engineer, { code: 'RT-B', name: 'Realtime B' });
    fillerA = await createEquipment(t, engineer, {
      code: 'RT-A-1',
      name: 'Filler',
      lineId: lineA.id,
      idealCycleTimeSeconds: 1,
    });
    cutterB = await createEquipment(t, engineer, {
      code: 'RT-B-1',
      name: 'Cutter',
      lineId: lineB.id,
      idealCycleTimeSeconds: 1,
    });
  });

  afterAll(async () => {
    sockets.disconnectAll();
    await t.close();
  });

  it('tells the line when an equipment changes state, and that its OEE changed; a backfilled old state is no change', async () => {
    const gateway = await t.userWithRole('engineer');
    const board = await ready(manager);
    const ingest = (events: MachineEventInput[]) => ingestEvents(t, gateway, events);
    const now = Date.now();
    await ingest([
      {
        eventId: 'rt-s1',
        equipmentId: fillerA.id,
        ts: new Date(now - 60_000).toISOString(),
        type: 'state',
        state: 'running',
      },
      {
        eventId: 'rt-s2',
        equipmentId: fillerA.id,
        ts: new Date(now - 1_000).toISOString(),
        type: 'state',
        state: 'stopped',
        reasonCode: 'JAM',
      },
    ]);
    await until(
      () => board.received.some((m) => m.event === 'equipment.state.changed'),
      'the state change',
    );
    await until(() => board.received.some((m) => m.event === 'oee.line.updated'), 'the OEE notice');
    const changes = board.received.filter((m) => m.event === 'equipment.state.changed');
    expect(changes).toHaveLength(1); // one per equipment and batch: the newest state
    expect(changes[0]?.payload).toMatchObject({
      id: fillerA.id,
      lineId: lineA.id,
      state: 'stopped',
      reasonCode: 'JAM',
    });

    await ingest([
      {
        eventId: 'rt-old',
        equipmentId: fillerA.id,
        ts: new Date(now - 3_600_000).toISOString(),
        type: 'state',
        state: 'idle',
      },
    ]);
    await t.app.get(OutboxDispatcher).flush();
    await sleep(200);
    expect(board.received.filter((m) => m.event === 'equipment.state.changed')).toHaveLength(1);
    // That batch came within 5 s of the first notice: no notice at once, one when the 5 s are over.
    const notices = () => board.received.filter((m) => m.event === 'oee.line.updated').length;
    expect(notices()).toBe(1);
    await until(() => notices() === 2, 'the trailing OEE notice', 8000);
    await sleep(300);
    expect(notices()).toBe(2);
    board.client.disconnect();
  });

  it('refuses a connection without a token, or with a bad one', async () => {
    for (const auth of [{}, { token: 'not-a-jwt' }, { token: 42 }]) {
      const client = connect(auth);
      const outcome = await new Promise<string>((resolve) => {
        client.once('realtime.ready', () => resolve('ready'));
        client.once('disconnect', (reason) => resolve(`disconnect:${reason}`));
        client.once('connect_error', (error) => resolve(`error:${error.message}`));
      });
      expect(outcome).toBe('disconnect:io server disconnect');
    }
  });

  it('refuses a foreign Origin and accepts the same origin', async () => {
    const foreign = connect({ token: manager.accessToken }, { Origin: 'http://evil.example' });
    const error = await new Promise<Error>((resolve) => foreign.once('connect_error', resolve));
    expect(error.message).toBe('Origin not allowed');

    const same = connect({ token: manager.accessToken }, { Origin: origin });
    await new Promise<void>((resolve, reject) => {
      same.once('realtime.ready', () => resolve());
      same.once('connect_error', reject);
    });
    same.disconnect();
  });

  it('puts clients in the rooms their role and lines allow, and delivers events by line', async () => {
    const admin = await t.adminTokens();
    const limited = await t.userWithRole('operator');
    await assignLines(t, admin, limited, [lineB.id]);

    const board = await ready(manager);
    expect(board.hello.rooms.sort()).toEqual(['lines:all', 'role:shift_manager']);
    const tablet = await ready(limited);
    expect(tablet.hello.rooms).toEqual([`line:${lineB.id}`]);
    const join = await tablet.client.emitWithAck('rooms.join', ['lines:all', `line:${lineB.id}`]);
    expect(join).toEqual({ joined: [`line:${lineB.id}`] });

    const onA = (await raise(operator, fillerA.id).expect(201)).body as AndonCall;
    const onB = (await raise(operator, cutterB.id).expect(201)).body as AndonCall;
    await until(
      () => board.received.filter((m) => m.event === 'andon.call.raised').length === 2,
      'both raises on the board',
    );
    const raised = board.received.filter((m) => m.event === 'andon.call.raised');
    expect(raised.map((m) => m.payload.id)).toEqual([onA.id, onB.id]);
    expect(raised[0]!.payload).toMatchObject({
      id: onA.id,
      lineId: lineA.id,
      equipmentId: fillerA.id,
      status: 'open',
      priority: 'critical',
      type: 'maintenance',
      seq: expect.any(Number),
    });
    expect(raised[1]!.payload.seq).toBeGreaterThan(raised[0]!.payload.seq);
    const onTablet = () => tablet.received.filter((m) => m.event.startsWith('andon.'));
    await until(() => onTablet().length === 1, 'the line B raise on the tablet');
    await sleep(200);
    expect(onTablet().map((m) => m.payload.id)).toEqual([onB.id]);

    await stepAndonCall(t, manager, onA.id, 'acknowledge');
    await until(
      () => board.received.some((m) => m.event === 'andon.call.acknowledged'),
      'acknowledged event',
    );
    board.client.disconnect();
    tablet.client.disconnect();
  });

  it('emits nothing for a rolled-back raise', async () => {
    const board = await ready(manager);
    const outbox = t.app.get(OutboxRepository);
    const append = outbox.append.bind(outbox);
    const spy = jest.spyOn(outbox, 'append').mockImplementationOnce(async (manager, message) => {
      await append(manager, message); // the event is written, then the transaction fails
      throw new Error('simulated failure after the outbox write');
    });
    const failed = await raise(operator, fillerA.id).expect(500);
    expect(failed.body).toMatchObject({ statusCode: 500 });
    spy.mockRestore();
    await t.app.get(OutboxDispatcher).flush();

    const ok = (await raise(operator, fillerA.id).expect(201)).body as AndonCall;
    await until(() => board.received.some((m) => m.payload.id === ok.id), 'the second raise');
    await sleep(300);
    expect(board.received.filter((m) => m.event === 'andon.call.raised')).toHaveLength(1);

    await withClient(t.db.url, async (client) => {
      const calls = await client.query(
        'SELECT count(*)::int AS n FROM andon_calls WHERE line_id = $1',
        [lineA.id],
      );
      const events = await client.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE payload->>'lineId' = $1 AND event = 'andon.call.raised'`,
        [lineA.id],
      );
      expect(events.rows[0].n).toBe(calls.rows[0].n);
    });
    board.client.disconnect();
  });

  it('sends a reconnecting client what it missed, in order', async () => {
    const first = await ready(manager);
    const seen = (await raise(operator, fillerA.id).expect(201)).body as AndonCall;
    await until(() => first.received.some((m) => m.payload.id === seen.id), 'the first raise');
    const lastSeq = Math.max(...first.received.map((m) => m.payload.seq));
    first.client.disconnect();

    const missed1 = (await raise(operator, fillerA.id).expect(201)).body as AndonCall;
    const missed2 = (await raise(operator, cutterB.id).expect(201)).body as AndonCall;
    await stepAndonCall(t, manager, missed1.id, 'acknowledge');
    await t.app.get(OutboxDispatcher).flush();

    const again = await ready(manager, lastSeq);
    const replayed = again.received.filter((m) => m.event.startsWith('andon.'));
    expect(replayed.map((m) => [m.event, m.payload.id])).toEqual([
      ['andon.call.raised', missed1.id],
      ['andon.call.raised', missed2.id],
      ['andon.call.acknowledged', missed1.id],
    ]);
    expect(replayed.every((m) => m.payload.seq > lastSeq)).toBe(true);
    expect(again.hello.seq).toBe(Math.max(...replayed.map((m) => m.payload.seq)));

    // Nothing missed: nothing replayed.
    again.client.disconnect();
    const third = await ready(manager, again.hello.seq);
    expect(third.received.filter((m) => m.event.startsWith('andon.'))).toEqual([]);
    third.client.disconnect();
  });

  it('asks a client to refetch when what it missed is older than the replay window', async () => {
    await withClient(t.db.url, (client) =>
      client.query(`UPDATE outbox_events SET published_at = published_at - interval '5 minutes'`),
    );
    const stale = await ready(manager, 0);
    expect(stale.received.map((m) => m.event)).toEqual(['realtime.resync', 'realtime.ready']);
    stale.client.disconnect();
  });
});
