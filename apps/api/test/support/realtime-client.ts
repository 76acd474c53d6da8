import type { AuthTokens, ClientToServerEvents, ServerToClientEvents } from '@ms5/contracts';
import { type Socket, io } from 'socket.io-client';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Socket.io clients of one test file, disconnected all at once at its end. */
export function socketClients() {
  const clients: Client[] = [];

  function connect(
    origin: string,
    auth: Record<string, unknown>,
    extraHeaders?: Record<string, string>,
  ): Client {
    const client: Client = io(origin, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders,
    });
    clients.push(client);
    return client;
  }

  /**
   * Connects as `tokens`' user (replaying from `lastSeq` when given), recording every event it
   * receives, and resolves once the server has put the client in its rooms.
   */
  async function ready<P>(origin: string, tokens: AuthTokens, lastSeq?: number) {
    const received: Array<{ event: string; payload: P }> = [];
    const client = connect(
      origin,
      lastSeq === undefined
        ? { token: tokens.accessToken }
        : { token: tokens.accessToken, lastSeq },
    );
    client.onAny((event: string, payload: P) => received.push({ event, payload }));
    const hello = await new Promise<{ seq: number; rooms: string[] }>((resolve, reject) => {
      client.once('realtime.ready', resolve);
      client.once('connect_error', reject);
      client.once('disconnect', (reason) => reject(new Error(`disconnected: ${reason}`)));
    });
    return { client, received, hello };
  }

  return {
    connect,
    ready,
    disconnectAll: () => {
      for (const client of clients) client.disconnect();
    },
  };
}
