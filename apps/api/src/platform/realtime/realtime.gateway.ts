import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import { type SessionUser, hasPermission } from '@ms5/contracts';
import { Redis } from 'ioredis';
import { Gauge } from 'prom-client';
import { LineAccessService } from '../line-access/line-access.service.js';
import { TokenService } from '../auth/token.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { UsersService } from '../users/users.service.js';
import { isOriginAllowed } from './origin-allowlist.js';
import { OutboxRepository, type PublishedMessage } from './outbox.repository.js';
import {
  REPLAY_WINDOW_SECONDS,
  type RealtimeServer,
  type RealtimeSocket,
} from './realtime.types.js';
import { rooms } from './rooms.js';

/** An outbox row's event name and payload are typed when appended; here they are just passed on. */
interface UntypedEmitter {
  emit(event: string, payload: unknown): boolean;
}

/**
 * socket.io at `/socket.io` on the HTTP port. The access token (`auth.token`) is checked in
 * `handleConnection` (global guards do not run here); a bad or missing one is disconnected. The
 * Origin is checked before that. A client joins only the rooms its role and lines allow (and the
 * room of its session, closed when the session ends on any instance), and with
 * `auth.lastSeq` it is sent what it missed in the last two minutes.
 */
@WebSocketGateway({ serveClient: false, transports: ['websocket', 'polling'] })
export class RealtimeGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  @WebSocketServer() server!: RealtimeServer;
  private readonly logger = new Logger('RealtimeGateway');
  private redis: Redis[] = [];
  private stopWatchingSessions: (() => void) | undefined;
  private readonly connections: Gauge;

  constructor(
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly lineAccess: LineAccessService,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    const existing = metrics.registry.getSingleMetric('socketio_connected_clients');
    this.connections =
      existing instanceof Gauge
        ? existing
        : new Gauge({
            name: 'socketio_connected_clients',
            help: 'Authenticated socket.io clients connected to this process',
            registers: [metrics.registry],
          });
  }

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      const { origin, host } = socket.handshake.headers;
      if (isOriginAllowed(origin, host, this.config.corsOrigins)) return next();
      next(new Error('Origin not allowed'));
    });
    if (this.config.REDIS_URL) {
      const pub = new Redis(this.config.REDIS_URL, { lazyConnect: false });
      const sub = pub.duplicate();
      for (const client of [pub, sub]) {
        client.on('error', (error: Error) => this.logger.warn(`redis: ${error.message}`));
      }
      this.redis = [pub, sub];
      server.adapter(createAdapter(pub, sub));
    }
    // A session ended here or on another instance: its sockets on this instance are closed.
    this.stopWatchingSessions = this.tokens.onSessionsEnded((sessionIds) => {
      if (sessionIds.length === 0) return;
      server.local
        .in(sessionIds.map((sessionId) => rooms.session(sessionId)))
        .disconnectSockets(true);
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    // Nest does not await this: a rejection (the database gone between two queries) would be
    // unhandled and end the process. The client is disconnected instead and reconnects later.
    try {
      await this.admit(socket);
    } catch (error) {
      this.logger.warn(
        `socket ${socket.id} not admitted: ${error instanceof Error ? error.message : String(error)}`,
      );
      socket.disconnect(true);
    }
  }

  private async admit(socket: RealtimeSocket): Promise<void> {
    let session: { user: SessionUser; sessionId: string };
    try {
      session = await this.authenticate(socket);
    } catch {
      socket.disconnect(true);
      return;
    }
    if (socket.disconnected) return;
    const { user, sessionId } = session;
    const allowed = await this.roomsFor(user);
    socket.data.user = user;
    socket.data.allowed = allowed;
    socket.data.sessionId = sessionId;
    await socket.join([rooms.session(sessionId), ...allowed]);
    // Ended while we were admitting: the revocation may have missed the room just joined.
    if (!(await this.tokens.isSessionOpen(sessionId, user.id))) {
      socket.disconnect(true);
      return;
    }
    this.connections.inc();

    const lastSeq = (socket.handshake.auth as { lastSeq?: unknown }).lastSeq;
    const head = await this.outbox.head();
    if (typeof lastSeq === 'number' && Number.isSafeInteger(lastSeq) && lastSeq >= 0) {
      if (allowed.length > 0 && lastSeq < head) {
        const { messages, complete } = await this.outbox.missed(
          lastSeq,
          allowed,
          REPLAY_WINDOW_SECONDS,
        );
        if (!complete) socket.emit('realtime.resync', { reason: 'missed events are too old' });
        for (const message of messages) this.send(socket, message);
      }
    }
    socket.emit('realtime.ready', { seq: head, rooms: allowed });
  }

  handleDisconnect(socket: RealtimeSocket): void {
    if (socket.data.user) this.connections.dec();
  }

  /** Joins the asked rooms this client may be in; answers with the ones it is in. */
  @SubscribeMessage('rooms.join')
  async joinRooms(socket: RealtimeSocket, asked: unknown): Promise<{ joined: string[] }> {
    const allowed = socket.data.allowed ?? [];
    const wanted = Array.isArray(asked) ? asked.filter((room) => typeof room === 'string') : [];
    const joined = wanted.filter((room) => allowed.includes(room));
    await socket.join(joined);
    return { joined };
  }

  /** Emits published outbox messages to their rooms (across processes with the Redis adapter). */
  broadcast(messages: readonly PublishedMessage[]): void {
    for (const message of messages) {
      this.send(this.server.to(message.rooms), message);
    }
  }

  onApplicationShutdown(): void {
    this.stopWatchingSessions?.();
    // disconnect, not quit: quit would wait for a Redis that may be gone.
    for (const client of this.redis) client.disconnect();
  }

  private send(target: UntypedEmitter, message: PublishedMessage): void {
    target.emit(message.event, { ...message.payload, seq: message.seq });
  }

  private async authenticate(
    socket: RealtimeSocket,
  ): Promise<{ user: SessionUser; sessionId: string }> {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    if (typeof token !== 'string' || token.length === 0) throw new Error('missing token');
    const { userId, sessionId } = await this.tokens.verifyAccess(token);
    const user = await this.users.findActiveSession(userId);
    if (!user) throw new Error('inactive user');
    return { user, sessionId };
  }

  private async roomsFor(user: SessionUser): Promise<string[]> {
    if (!hasPermission(user.role, 'andon:read')) return [];
    const lines = await this.lineAccess.visibleLines(user.id);
    if (lines === null) return [rooms.allLines, rooms.role(user.role)];
    return lines.map((lineId) => rooms.line(lineId));
  }
}
