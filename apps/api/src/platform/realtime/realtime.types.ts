import type { ClientToServerEvents, ServerToClientEvents, SessionUser } from '@ms5/contracts';
import type { Server, Socket } from 'socket.io';

export interface SocketData {
  user?: SessionUser;
  /** The rooms this client may be in (joined on connection). */
  allowed?: string[];
  /** The session of the access token it connected with. */
  sessionId?: string;
}

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** How long a reconnecting client can be away and still receive what it missed. */
export const REPLAY_WINDOW_SECONDS = 120;
/** Published outbox rows are kept this long (longer than the replay window, to detect gaps). */
export const OUTBOX_RETENTION_SECONDS = 600;
