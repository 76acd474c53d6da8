import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type {
  AndonCallEscalatedPayload,
  AndonCallEventPayload,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@ms5/contracts';
import { type Socket, io } from 'socket.io-client';
import { api } from '@/lib/api-client';
import { andonKeys } from '@/features/andon/api/andon-query-keys';

export type AndonSocketStatus = 'connecting' | 'live' | 'offline';

export type AndonEvent =
  | { name: 'andon.call.raised'; payload: AndonCallEventPayload }
  | { name: 'andon.call.acknowledged'; payload: AndonCallEventPayload }
  | { name: 'andon.call.resolved'; payload: AndonCallEventPayload }
  | { name: 'andon.call.escalated'; payload: AndonCallEscalatedPayload };

/**
 * Keeps the andon queries fresh from socket.io: each `andon.call.*` event invalidates the andon
 * query keys (the cache stays the only copy of the data). After a short disconnect the server
 * replays what was missed from the last sequence seen; `realtime.resync` refetches everything.
 * `onEvent` lets a screen react to an event (the board's alert) without keeping its own copy.
 */
export function useAndonSocket(onEvent?: (event: AndonEvent) => void): AndonSocketStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AndonSocketStatus>('connecting');
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    let lastSeq: number | undefined;
    const seen = (seq: number) => {
      lastSeq = lastSeq === undefined ? seq : Math.max(lastSeq, seq);
    };
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      auth: (send) =>
        send(
          lastSeq === undefined
            ? { token: api.getAccessToken() }
            : { token: api.getAccessToken(), lastSeq },
        ),
    });
    const invalidate = () => void queryClient.invalidateQueries({ queryKey: andonKeys.all });
    const handle = (event: AndonEvent) => {
      seen(event.payload.seq);
      invalidate();
      onEventRef.current?.(event);
    };
    socket.on('andon.call.raised', (payload) => handle({ name: 'andon.call.raised', payload }));
    socket.on('andon.call.acknowledged', (payload) =>
      handle({ name: 'andon.call.acknowledged', payload }),
    );
    socket.on('andon.call.resolved', (payload) => handle({ name: 'andon.call.resolved', payload }));
    socket.on('andon.call.escalated', (payload) =>
      handle({ name: 'andon.call.escalated', payload }),
    );
    socket.on('realtime.resync', invalidate);
    socket.on('realtime.ready', ({ seq }) => {
      const first = lastSeq === undefined;
      seen(seq);
      setStatus('live');
      if (first) invalidate(); // anything raised between the page's fetch and the connection
    });
    socket.on('connect_error', () => setStatus('offline'));
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on('disconnect', (reason) => {
      setStatus('offline');
      // The server refused us (an expired token): reconnect shortly with the refreshed one.
      if (reason === 'io server disconnect') {
        retry = setTimeout(() => {
          void api
            .refresh()
            .catch(() => false)
            .finally(() => socket.connect());
        }, 2000);
      }
    });
    return () => {
      if (retry !== undefined) clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [queryClient]);

  return status;
}
