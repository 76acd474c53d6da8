/**
 * The numbers of login anti-automation (all times in milliseconds). See `docs/security-auth.md`.
 */
export interface LoginLimitPolicy {
  /** Failures of one (username, address) pair that cost nothing. */
  backoffFreeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  backoffBaseMs: number;
  /** The longest wait of a pair; the pair is forgotten this long after its wait ends. */
  backoffMaxMs: number;
  /** Failures one address may make, across usernames, within `addressWindowMs`. */
  addressMaxFailures: number;
  addressWindowMs: number;
  /** Past this many failures of a username within `usernameWindowMs`, its attempts are slowed. */
  usernameSlowAfter: number;
  usernameWindowMs: number;
}

/** Who is trying: the normalised username and the client address (see `LoginLimiter`). */
export interface LoginAttemptKeys {
  username: string;
  address: string;
}

export type LoginAttemptDecision =
  | {
      allowed: true;
      /** The username is past its slow ceiling: delay the answer (never refuse it). */
      slow: boolean;
    }
  | {
      allowed: false;
      /** Which limit refused: the pair is backing off, or the address failed too often. */
      limit: 'pair' | 'address';
      retryAfterMs: number;
    };

/**
 * Where login attempts are counted: in this process, or in Redis so that every instance sees the
 * same counts. Each operation is atomic.
 *
 * `begin` counts the attempt as a failure before the password is checked, so that parallel
 * guesses cannot all pass a check made before any of them failed; `succeeded` and `abandoned` take
 * the count back. Only failures therefore stay counted.
 */
export interface LoginAttemptStore {
  /**
   * Refuses when the pair is backing off or the address is at its limit (counting nothing);
   * otherwise counts the attempt (`attemptId`, unique) as a failure of the pair, the address and the
   * username, and says whether the username was already past its slow ceiling.
   */
  begin(
    keys: LoginAttemptKeys,
    attemptId: string,
    policy: LoginLimitPolicy,
    nowMs: number,
  ): Promise<LoginAttemptDecision>;
  /** The password was right: the pair starts afresh, and the attempt's counts are taken back. */
  succeeded(keys: LoginAttemptKeys, attemptId: string): Promise<void>;
  /**
   * The attempt ended without an answer on the password (e.g. the database was unreachable): its
   * counts are taken back and the pair's wait is lifted, so that an outage costs no one a wait.
   */
  abandoned(keys: LoginAttemptKeys, attemptId: string): Promise<void>;
}

/**
 * The wait a pair must keep after its `failures`-th failure: none for the free ones, then
 * `base`, `2 × base`, `4 × base`, … up to `max`.
 */
export function backoffDelayMs(failures: number, policy: LoginLimitPolicy): number {
  const past = failures - policy.backoffFreeFailures;
  if (past <= 0) return 0;
  // 2^40 × base is far past any max: stop doubling there rather than overflow.
  return Math.min(policy.backoffBaseMs * 2 ** Math.min(past - 1, 40), policy.backoffMaxMs);
}
