import {
  type LoginAttemptDecision,
  type LoginAttemptKeys,
  type LoginAttemptStore,
  type LoginLimitPolicy,
  backoffDelayMs,
} from './login-attempt-store.js';

interface PairState {
  failures: number;
  blockedUntil: number;
  forgetAt: number;
}

interface Failure {
  id: string;
  at: number;
}

/** Past this many tracked keys of a kind, expired ones are swept (keeps memory bounded). */
const SWEEP_ABOVE = 100_000;

/**
 * Login attempts counted in this process: right for one instance (and the fallback while Redis
 * cannot be reached). Same semantics as {@link RedisLoginAttemptStore}, checked by the same tests.
 */
export class MemoryLoginAttemptStore implements LoginAttemptStore {
  private readonly pairs = new Map<string, PairState>();
  private readonly addresses = new Map<string, Failure[]>();
  private readonly usernames = new Map<string, Failure[]>();

  begin(
    keys: LoginAttemptKeys,
    attemptId: string,
    policy: LoginLimitPolicy,
    nowMs: number,
  ): Promise<LoginAttemptDecision> {
    return Promise.resolve(this.beginNow(keys, attemptId, policy, nowMs));
  }

  succeeded(keys: LoginAttemptKeys, attemptId: string): Promise<void> {
    this.pairs.delete(pairKey(keys));
    this.takeBack(keys, attemptId);
    return Promise.resolve();
  }

  abandoned(keys: LoginAttemptKeys, attemptId: string): Promise<void> {
    const pair = this.pairs.get(pairKey(keys));
    if (pair) {
      pair.failures = Math.max(0, pair.failures - 1);
      pair.blockedUntil = 0;
    }
    this.takeBack(keys, attemptId);
    return Promise.resolve();
  }

  private beginNow(
    keys: LoginAttemptKeys,
    attemptId: string,
    policy: LoginLimitPolicy,
    nowMs: number,
  ): LoginAttemptDecision {
    this.sweepIfLarge(policy, nowMs);
    const key = pairKey(keys);
    let pair = this.pairs.get(key);
    if (pair && pair.forgetAt <= nowMs) {
      this.pairs.delete(key);
      pair = undefined;
    }
    const addressFailures = recent(this.addresses.get(keys.address), nowMs, policy.addressWindowMs);
    const pairWait = pair && pair.blockedUntil > nowMs ? pair.blockedUntil - nowMs : 0;
    const oldestCounted = addressFailures[addressFailures.length - policy.addressMaxFailures];
    const addressWait =
      addressFailures.length >= policy.addressMaxFailures && oldestCounted
        ? oldestCounted.at + policy.addressWindowMs - nowMs
        : 0;
    if (pairWait > 0 || addressWait > 0) {
      return {
        allowed: false,
        limit: pairWait >= addressWait ? 'pair' : 'address',
        retryAfterMs: Math.max(pairWait, addressWait),
      };
    }

    const failures = (pair?.failures ?? 0) + 1;
    const delay = backoffDelayMs(failures, policy);
    this.pairs.set(key, {
      failures,
      blockedUntil: delay > 0 ? nowMs + delay : 0,
      forgetAt: nowMs + delay + policy.backoffMaxMs,
    });
    this.addresses.set(
      keys.address,
      capped([...addressFailures, { id: attemptId, at: nowMs }], policy.addressMaxFailures),
    );
    const usernameFailures = recent(
      this.usernames.get(keys.username),
      nowMs,
      policy.usernameWindowMs,
    );
    const slow = usernameFailures.length >= policy.usernameSlowAfter;
    this.usernames.set(
      keys.username,
      capped([...usernameFailures, { id: attemptId, at: nowMs }], policy.usernameSlowAfter),
    );
    return { allowed: true, slow };
  }

  private takeBack(keys: LoginAttemptKeys, attemptId: string): void {
    for (const [map, key] of [
      [this.addresses, keys.address],
      [this.usernames, keys.username],
    ] as const) {
      const failures = map.get(key);
      if (!failures) continue;
      const rest = failures.filter((failure) => failure.id !== attemptId);
      if (rest.length > 0) map.set(key, rest);
      else map.delete(key);
    }
  }

  private sweepIfLarge(policy: LoginLimitPolicy, nowMs: number): void {
    if (this.pairs.size > SWEEP_ABOVE) {
      for (const [key, pair] of this.pairs) if (pair.forgetAt <= nowMs) this.pairs.delete(key);
    }
    for (const [map, windowMs] of [
      [this.addresses, policy.addressWindowMs],
      [this.usernames, policy.usernameWindowMs],
    ] as const) {
      if (map.size <= SWEEP_ABOVE) continue;
      for (const [key, failures] of map) {
        if (recent(failures, nowMs, windowMs).length === 0) map.delete(key);
      }
    }
  }
}

function pairKey(keys: LoginAttemptKeys): string {
  return JSON.stringify([keys.username, keys.address]);
}

function recent(failures: Failure[] | undefined, nowMs: number, windowMs: number): Failure[] {
  return (failures ?? []).filter((failure) => failure.at > nowMs - windowMs);
}

/**
 * The newest `limit` failures only: enough to know whether the limit is reached and when the
 * oldest of them leaves the window, however many failures an attacker sends.
 */
function capped(failures: Failure[], limit: number): Failure[] {
  return failures.slice(-Math.max(1, limit));
}
