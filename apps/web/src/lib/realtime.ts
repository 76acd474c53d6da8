import { useEffect, useRef, useState } from 'react';
import type { ClientToServerEvents, ServerEventName, ServerToClientEvents } from '@ms5/contracts';
import { type Socket, io } from 'socket.io-client';
import { api } from '@/lib/api-client';

export type RealtimeStatus = 'connecting' | 'live' | 'offline';

type Payload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
export type RealtimeHandlers = { [E in ServerEventName]?: (payload: Payload<E>) => void };

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket.io connection for the whole app, opened while at least one screen listens. The
 * server replays what was missed after a short disconnect (from the last `seq` seen), sends
 * `realtime.resync` when it cannot, and refuses an expired token: then the client refreshes its
 * token and connects again.
 */
class RealtimeConnection {
  private socket: AppSocket | undefined;
  private users = 0;
  private lastSeq: number | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  status: RealtimeStatus = 'connecting';
  private readonly statusListeners = new Set<(status: RealtimeStatus) => void>();

  acquire(): AppSocket {
    this.users++;
    this.socket ??= this.open();
    return this.socket;
  }

  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0 || !this.socket) return;
    if (this.retry !== undefined) clearTimeout(this.retry);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.socket = undefined;
    this.lastSeq = undefined;
    this.setStatus('connecting');
  }

  onStatus(listener: (status: RealtimeStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Every delivered event carries a `seq`; remember the highest for replay. */
  seen(payload: unknown): void {
    const seq = (payload as { seq?: unknown } | null)?.seq;
    if (typeof seq === 'number')
      this.lastSeq = this.lastSeq === undefined ? seq : Math.max(this.lastSeq, seq);
  }

  private setStatus(status: RealtimeStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private open(): AppSocket {
    const socket: AppSocket = io({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      auth: (send) =>
        send(
          this.lastSeq === undefined
            ? { token: api.getAccessToken() }
            : { token: api.getAccessToken(), lastSeq: this.lastSeq },
        ),
    });
    socket.on('realtime.ready', ({ seq }) => {
      this.seen({ seq });
      this.setStatus('live');
    });
    socket.on('connect_error', () => this.setStatus('offline'));
    socket.on('disconnect', (reason) => {
      this.setStatus('offline');
      // The server refused us (an expired token): reconnect shortly with a refreshed one.
      if (reason === 'io server disconnect') {
        this.retry = setTimeout(() => {
          void api
            .refresh()
            .catch(() => false)
            .finally(() => socket.connect());
        }, 2000);
      }
    });
    return socket;
  }
}

const connection = new RealtimeConnection();

/**
 * Subscribes a screen to server events while it is mounted. Handlers should invalidate query
 * keys (the cache stays the only copy of the data), not keep state of their own.
 * `realtime.ready` is also delivered to handlers: a screen refetches then what it may have missed
 * between its first fetch and the connection.
 */
export function useRealtime(handlers: RealtimeHandlers): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>(connection.status);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(() => {
    const socket = connection.acquire();
    const names = Object.keys(handlersRef.current) as ServerEventName[];
    const listeners = names.map((name) => {
      const listener = (payload: unknown) => {
        connection.seen(payload);
        (handlersRef.current[name] as ((payload: unknown) => void) | undefined)?.(payload);
      };
      socket.on(name as 'realtime.resync', listener);
      return { name, listener };
    });
    const stopStatus = connection.onStatus(setStatus);
    return () => {
      for (const { name, listener } of listeners) {
        socket.off(name as 'realtime.resync', listener);
      }
      stopStatus();
      connection.release();
    };
    // Subscriptions are fixed per mount; handlers are read through the ref.
  }, []);

  return status;
}
