import { describe, expect, it } from '@jest/globals';
import { GuardedClient, SessionRetirement } from './guarded-pool.js';

describe('SessionRetirement', () => {
  it('retires the sessions opened before the mark and keeps the later ones', () => {
    const retirement = new SessionRetirement();
    const [a, b] = [retirement.take(), retirement.take()];
    const mark = retirement.nextSerial;
    const c = retirement.take();
    retirement.retireBelow(mark);
    expect([a, b, c].map((serial) => retirement.isRetired(serial))).toEqual([true, true, false]);
  });

  it('never takes a retirement back', () => {
    const retirement = new SessionRetirement();
    retirement.retireBelow(5);
    retirement.retireBelow(2);
    expect(retirement.isRetired(4)).toBe(true);
  });
});

describe('GuardedClient', () => {
  it('drops a connection that does not answer within the deadline, failing its query', async () => {
    // A server that accepts the TCP connection and then says nothing, like a paused PostgreSQL.
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const client = new GuardedClient({ host: '127.0.0.1', port, answerDeadlineMs: 300 });
    client.on('error', () => undefined);
    try {
      // The query waits behind the handshake the server never answers; its deadline still holds.
      const started = Date.now();
      const connecting = client.connect().catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const query = client.query('SELECT 1').catch((error: unknown) => error);
      const error = await query;
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toBeInstanceOf(Error);
      await connecting;
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
