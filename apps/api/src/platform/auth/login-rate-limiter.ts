import { Injectable } from '@nestjs/common';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface RateLimitPolicy {
  maxFailures: number;
  windowMs: number;
}

/**
 * Counts failed logins per key (username, address) in a sliding window.
 * Kept in memory: with several instances each counts its own share, which still caps guessing.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock = systemClock) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string, policy: RateLimitPolicy): number {
    const recent = this.recent(key, policy);
    if (recent.length < policy.maxFailures) return 0;
    const oldestThatCounts = recent[recent.length - policy.maxFailures] ?? this.clock.now();
    return Math.max(1, Math.ceil((oldestThatCounts + policy.windowMs - this.clock.now()) / 1000));
  }

  recordFailure(key: string, policy: RateLimitPolicy): void {
    const recent = this.recent(key, policy);
    recent.push(this.clock.now());
    this.failures.set(key, recent);
    if (this.failures.size > 100_000) this.prune(policy);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, policy: RateLimitPolicy): number[] {
    const since = this.clock.now() - policy.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private prune(policy: RateLimitPolicy): void {
    for (const key of this.failures.keys()) {
      if (this.recent(key, policy).length === 0) this.failures.delete(key);
    }
  }
}
