import { randomUUID } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { TooManyRequestsException } from '../common/too-many-requests.exception.js';
import type { AppConfig } from '../config/app-config.js';
import type {
  LoginAttemptDecision,
  LoginAttemptKeys,
  LoginAttemptStore,
  LoginLimitPolicy,
} from './login-attempt-store.js';
import { MemoryLoginAttemptStore } from './memory-login-attempt-store.js';

export function loginLimitPolicy(config: AppConfig): LoginLimitPolicy {
  return {
    backoffFreeFailures: config.LOGIN_BACKOFF_FREE_FAILURES,
    backoffBaseMs: config.LOGIN_BACKOFF_BASE_SECONDS * 1000,
    backoffMaxMs: config.LOGIN_BACKOFF_MAX_SECONDS * 1000,
    addressMaxFailures: config.LOGIN_ADDRESS_MAX_FAILURES,
    addressWindowMs: config.LOGIN_ADDRESS_WINDOW_SECONDS * 1000,
    usernameSlowAfter: config.LOGIN_USERNAME_SLOW_AFTER,
    usernameWindowMs: config.LOGIN_USERNAME_WINDOW_SECONDS * 1000,
  };
}

/** One login attempt that passed the limits: say how it ended. */
export interface LoginAttempt {
  /** The password was right. */
  succeeded(): Promise<void>;
  /** The password was wrong (the attempt is already counted as a failure). */
  failed(): void;
  /** Neither: something else went wrong (it is not held against anyone). */
  abandoned(): Promise<void>;
}

export interface LoginLimiterOptions {
  store: LoginAttemptStore;
  policy: LoginLimitPolicy;
  /** How long an attempt on a username past its slow ceiling waits before it is answered. */
  slowDelayMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Releases the store's connection on shutdown. */
  close?: () => void;
}

/**
 * Login anti-automation without lockout (ASVS 5.0 6.3.1): an exponential back-off per
 * (username, address) pair, a ceiling per address across usernames, and a slow ceiling per
 * username that only delays. No limit ever refuses a correct password from an address that has
 * not failed: a third party cannot lock anyone out. The limits are checked before the password, so
 * a refused attempt tells nothing about it.
 *
 * When the shared store (Redis) fails, attempts are counted in this process until it answers
 * again: limits hold per instance rather than not at all, and logins keep working.
 */
export class LoginLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger('LoginLimiter');
  private readonly fallback = new MemoryLoginAttemptStore();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: LoginLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Admits one attempt of `username` from `address`, or throws `429` with `Retry-After`. Resolves
   * after the slow delay when the username is past its ceiling.
   */
  async begin(username: string, address: string): Promise<LoginAttempt> {
    const keys: LoginAttemptKeys = {
      username: normaliseUsername(username),
      address: limitAddressOf(address),
    };
    const attemptId = randomUUID();
    let store = this.options.store;
    let decision: LoginAttemptDecision;
    try {
      decision = await store.begin(keys, attemptId, this.options.policy, this.now());
    } catch (error) {
      this.warn('count a login attempt', error);
      store = this.fallback;
      decision = await store.begin(keys, attemptId, this.options.policy, this.now());
    }
    if (!decision.allowed) {
      throw new TooManyRequestsException(
        Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
        decision.limit === 'pair'
          ? 'Too many failed logins for this user from your address, try again later'
          : 'Too many failed logins from your address, try again later',
      );
    }
    if (decision.slow && this.options.slowDelayMs > 0) await this.sleep(this.options.slowDelayMs);
    return {
      succeeded: () =>
        store
          .succeeded(keys, attemptId)
          .catch((error: unknown) => this.warn('reset a login pair', error)),
      failed: () => undefined,
      abandoned: () =>
        store
          .abandoned(keys, attemptId)
          .catch((error: unknown) => this.warn('take back a login attempt', error)),
    };
  }

  onApplicationShutdown(): void {
    this.options.close?.();
  }

  private warn(what: string, error: unknown): void {
    this.logger.warn(
      `could not ${what} in the shared store, counting in this process: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
}

/** The username as the database compares it (case-insensitive), surrounding blanks removed. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The address a limit counts: IPv4 as is (also when written IPv4-mapped, `::ffff:10.0.0.7`);
 * IPv6 by its /64, since one host commonly holds a whole /64 and could otherwise step through it.
 */
export function limitAddressOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address)) return address;
  const plain = address.split('%')[0] ?? '';
  if (!isIPv6(plain)) return address;
  const groupsOf = (part: string): string[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const halves = plain.split('::');
  const left = groupsOf(halves[0] ?? '');
  const right = halves.length > 1 ? groupsOf(halves[1] ?? '') : [];
  const zeros: string[] =
    halves.length > 1 ? Array.from({ length: 8 - left.length - right.length }, () => '0') : [];
  const prefix = [...left, ...zeros, ...right]
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
