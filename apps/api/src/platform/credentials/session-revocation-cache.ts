/** What the cache knows of a session: open (and whose), or revoked. */
export type CachedSession = { state: 'open'; userId: string } | { state: 'revoked' };

export interface SessionRevocationCacheOptions {
  /** How long a revoked session is remembered: the access-token lifetime (no token outlives it). */
  revokedTtlMs: number;
  /** How long "this session is open" is trusted before PostgreSQL is asked again (0: never). */
  openTtlMs: number;
  /** At most this many sessions are held; the oldest entries go first. */
  maxEntries: number;
  now?: () => number;
}

interface Entry {
  value: CachedSession;
  until: number;
}

/**
 * The in-process view of which sessions are open and which are revoked, in front of
 * `auth_sessions`. A revocation always wins: an answer "open" read from the database before a
 * revocation arrived never overwrites it, and an answer read before {@link clearOpen} (the
 * revocation feed may have missed messages) is dropped, thanks to the epoch taken when the read
 * began.
 */
export class SessionRevocationCache {
  private readonly entries = new Map<string, Entry>();
  private currentEpoch = 0;
  private readonly now: () => number;

  constructor(private readonly options: SessionRevocationCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Taken before reading a session from the database; handed back to {@link markOpen}. */
  get epoch(): number {
    return this.currentEpoch;
  }

  get size(): number {
    return this.entries.size;
  }

  get(sessionId: string): CachedSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  /** Records a session read as open, unless it was revoked or the cache cleared since `epoch`. */
  markOpen(sessionId: string, userId: string, epoch: number): void {
    if (epoch !== this.currentEpoch || this.options.openTtlMs <= 0) return;
    if (this.get(sessionId)?.state === 'revoked') return;
    this.set(sessionId, { state: 'open', userId }, this.options.openTtlMs);
  }

  markRevoked(sessionIds: readonly string[]): void {
    for (const sessionId of sessionIds) {
      this.set(sessionId, { state: 'revoked' }, this.options.revokedTtlMs);
    }
  }

  /** Forgets every open session (revocations are kept): the next check of each asks PostgreSQL. */
  clearOpen(): void {
    this.currentEpoch++;
    for (const [sessionId, entry] of this.entries) {
      if (entry.value.state === 'open') this.entries.delete(sessionId);
    }
  }

  private set(sessionId: string, value: CachedSession, ttlMs: number): void {
    // Re-inserting moves the entry to the end: Map order is then oldest-written first.
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { value, until: this.now() + ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
