import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { SessionRevocationCache } from './session-revocation-cache.js';
import { type SessionEndReason, SessionsRepository } from './sessions.repository.js';

/** The Redis channel on which every instance announces the sessions it ended. */
export const SESSIONS_REVOKED_CHANNEL = 'ms5:auth:sessions-revoked';
/** Allowance for clocks of instances that disagree slightly. */
const CLOCK_SKEW_MS = 60_000;
const MAX_CACHED_SESSIONS = 100_000;

const announcementSchema = z.array(z.uuid()).max(100_000);

export type SessionsEndedListener = (sessionIds: readonly string[]) => void;

/**
 * Which sessions are still open: PostgreSQL (`auth_sessions`) is the record, a
 * {@link SessionRevocationCache} in front of it spares most requests a query. Ending a session
 * marks it revoked in this process at once and, with `REDIS_URL`, publishes it so every instance
 * marks it within milliseconds. While the subscription is down (or before it is confirmed), open
 * sessions are not cached: every check asks PostgreSQL, so no revocation can be missed; when it
 * comes back the open entries are dropped.
 */
@Injectable()
export class SessionRevocationService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SessionRevocation');
  private readonly cache: SessionRevocationCache;
  private readonly listeners = new Set<SessionsEndedListener>();
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  private feedLive = false;

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache = new SessionRevocationCache({
      revokedTtlMs: config.ACCESS_TOKEN_TTL_SECONDS * 1000 + CLOCK_SKEW_MS,
      openTtlMs: config.SESSION_CACHE_SECONDS * 1000,
      maxEntries: MAX_CACHED_SESSIONS,
    });
  }

  onModuleInit(): void {
    if (!this.config.REDIS_URL) return;
    const publisher = new Redis(this.config.REDIS_URL);
    const subscriber = new Redis(this.config.REDIS_URL, { autoResubscribe: false });
    for (const client of [publisher, subscriber]) {
      client.on('error', (error: Error) => this.logger.warn(`redis: ${error.message}`));
    }
    subscriber.on('ready', () => void this.subscribe(subscriber));
    subscriber.on('close', () => this.feedDown());
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === SESSIONS_REVOKED_CHANNEL) this.receive(message);
    });
    this.publisher = publisher;
    this.subscriber = subscriber;
  }

  onApplicationShutdown(): void {
    this.feedDown();
    // disconnect, not quit: quit would wait for a Redis that may be gone.
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }

  /** Whether the session is open and belongs to the user. */
  async isOpen(sessionId: string, userId: string): Promise<boolean> {
    const cached = this.cache.get(sessionId);
    if (cached?.state === 'revoked') return false;
    if (cached?.state === 'open' && this.cachesOpenSessions()) return cached.userId === userId;
    const epoch = this.cache.epoch;
    const state = await this.sessions.findState(sessionId);
    if (!state) return false;
    if (state.revoked) {
      this.cache.markRevoked([sessionId]);
      return false;
    }
    if (this.cachesOpenSessions()) this.cache.markOpen(sessionId, state.userId, epoch);
    return state.userId === userId;
  }

  /** Ends one session (only if it is the user's, when `userId` is given) everywhere. */
  async revoke(sessionId: string, reason: SessionEndReason, userId?: string): Promise<void> {
    if (await this.sessions.revoke(sessionId, reason, userId)) this.announce([sessionId]);
  }

  /**
   * Tells this process and every other that the sessions have ended, after the revocation is
   * committed (e.g. {@link SessionsRepository.revokeAllOfUser} in a transaction).
   */
  announce(sessionIds: readonly string[]): void {
    if (sessionIds.length === 0) return;
    this.ended(sessionIds);
    this.publisher
      ?.publish(SESSIONS_REVOKED_CHANNEL, JSON.stringify(sessionIds))
      .catch((error: unknown) =>
        this.logger.warn(
          `could not publish a revocation: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }

  /** Calls `listener` with the ids of sessions ended here or on another instance. */
  onSessionsEnded(listener: SessionsEndedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private cachesOpenSessions(): boolean {
    return this.subscriber === undefined || this.feedLive;
  }

  private async subscribe(subscriber: Redis): Promise<void> {
    try {
      await subscriber.subscribe(SESSIONS_REVOKED_CHANNEL);
    } catch (error) {
      this.logger.warn(
        `could not subscribe to revocations: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    // Revocations published while we were not listening are unknown: ask PostgreSQL again.
    this.cache.clearOpen();
    this.feedLive = true;
  }

  private feedDown(): void {
    this.feedLive = false;
    this.cache.clearOpen();
  }

  private receive(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = undefined;
    }
    const result = announcementSchema.safeParse(parsed);
    if (!result.success) {
      this.logger.warn('ignored a malformed revocation message');
      return;
    }
    this.ended(result.data);
  }

  private ended(sessionIds: readonly string[]): void {
    this.cache.markRevoked(sessionIds);
    for (const listener of this.listeners) listener(sessionIds);
  }
}
