import { beforeEach, describe, expect, it } from '@jest/globals';
import type {
  LoginAttemptDecision,
  LoginAttemptKeys,
  LoginAttemptStore,
  LoginLimitPolicy,
} from '../../src/platform/auth/login-attempt-store.js';

/** Small numbers, so that each limit is reached in a few steps. */
export const casePolicy: LoginLimitPolicy = {
  backoffFreeFailures: 3,
  backoffBaseMs: 1000,
  backoffMaxMs: 8000,
  // High, so that the pair cases never reach it; `addressPolicy` for the address cases.
  addressMaxFailures: 1000,
  addressWindowMs: 60_000,
  usernameSlowAfter: 4,
  usernameWindowMs: 3_600_000,
};

export const addressPolicy: LoginLimitPolicy = { ...casePolicy, addressMaxFailures: 6 };

/**
 * The behaviour every {@link LoginAttemptStore} must have, run against each implementation (memory,
 * Redis) with the same expectations. `fresh` gives an empty store.
 */
export function loginAttemptStoreCases(name: string, fresh: () => Promise<LoginAttemptStore>) {
  describe(`${name}: the LoginAttemptStore behaviour`, () => {
    let store: LoginAttemptStore;
    let now: number;
    let ids = 0;
    const anna: LoginAttemptKeys = { username: 'anna', address: '10.0.0.1' };

    beforeEach(async () => {
      store = await fresh();
      now = 1_700_000_000_000;
    });

    const begin = (
      keys: LoginAttemptKeys,
      policy: LoginLimitPolicy = casePolicy,
    ): Promise<LoginAttemptDecision> => store.begin(keys, `attempt-${++ids}`, policy, now);

    /** Fails `count` times (each allowed), advancing `stepMs` after each. */
    async function fail(
      keys: LoginAttemptKeys,
      count: number,
      stepMs = 0,
      policy: LoginLimitPolicy = casePolicy,
    ) {
      for (let i = 0; i < count; i++) {
        expect(await begin(keys, policy)).toMatchObject({ allowed: true });
        now += stepMs;
      }
    }

    it('lets a pair fail 3 times for free, then makes it wait 1 s, 2 s, 4 s, up to the 8 s maximum', async () => {
      await fail(anna, 3);
      expect(await begin(anna)).toEqual({ allowed: true, slow: false }); // 4th failure: 1 s
      expect(await begin(anna)).toEqual({ allowed: false, limit: 'pair', retryAfterMs: 1000 });
      const waits: number[] = [];
      for (let i = 0; i < 5; i++) {
        now += 400;
        const decision = await begin(anna);
        expect(decision).toMatchObject({ allowed: false, limit: 'pair' });
        const wait = decision.allowed ? 0 : decision.retryAfterMs;
        now += wait;
        expect(await begin({ ...anna, address: `10.9.0.${i}` })).toMatchObject({ allowed: true });
        expect(await begin(anna)).toMatchObject({ allowed: true });
        waits.push(wait);
      }
      // Each wait is the back-off of the last failure less the 400 ms already waited.
      expect(waits).toEqual([600, 1600, 3600, 7600, 7600]);
    });

    it('counts nothing for a refused attempt', async () => {
      await fail(anna, 4);
      for (let i = 0; i < 10; i++) expect(await begin(anna)).toMatchObject({ allowed: false });
      now += 1000;
      await fail(anna, 1); // the 5th failure: 2 s, not more
      now += 1999;
      expect(await begin(anna)).toMatchObject({ allowed: false, retryAfterMs: 1 });
      now += 1;
      expect(await begin(anna)).toMatchObject({ allowed: true });
    });

    it('keeps pairs apart: another address, or another username, is not held back', async () => {
      await fail(anna, 4);
      expect(await begin(anna)).toMatchObject({ allowed: false, limit: 'pair' });
      expect(await begin({ ...anna, address: '10.0.0.2' })).toMatchObject({ allowed: true });
      expect(await begin({ ...anna, username: 'bob' })).toMatchObject({ allowed: true });
    });

    it('starts a pair afresh on success, and takes the successful attempt back from every count', async () => {
      await fail(anna, 4);
      now += 1000;
      const attemptId = 'the-right-password';
      expect(await store.begin(anna, attemptId, casePolicy, now)).toMatchObject({ allowed: true });
      await store.succeeded(anna, attemptId);
      // Three free failures again.
      await fail(anna, 3);
      expect(await begin(anna)).toMatchObject({ allowed: true });
      expect(await begin(anna)).toMatchObject({ allowed: false, retryAfterMs: 1000 });
    });

    it('refuses an address after 6 failures across usernames, until the oldest leaves the window', async () => {
      for (let i = 0; i < 6; i++) {
        expect(
          await begin({ username: `guess-${i}`, address: '10.0.0.9' }, addressPolicy),
        ).toMatchObject({ allowed: true });
        now += 1000;
      }
      // Failures at 0 … 5 s; now 6 s: the first leaves the 60 s window at 60 s.
      expect(await begin({ username: 'admin', address: '10.0.0.9' }, addressPolicy)).toEqual({
        allowed: false,
        limit: 'address',
        retryAfterMs: 54_000,
      });
      expect(await begin({ username: 'admin', address: '10.0.0.10' }, addressPolicy)).toMatchObject(
        { allowed: true },
      );
      now += 54_000;
      expect(await begin({ username: 'admin', address: '10.0.0.9' }, addressPolicy)).toMatchObject({
        allowed: true,
      });
    });

    it('takes a successful attempt back from its address', async () => {
      for (let i = 0; i < 5; i++)
        await fail({ username: `guess-${i}`, address: '10.0.0.9' }, 1, 0, addressPolicy);
      for (let i = 0; i < 3; i++) {
        const id = `success-${i}`;
        const keys = { username: 'admin', address: '10.0.0.9' };
        expect(await store.begin(keys, id, addressPolicy, now)).toMatchObject({ allowed: true });
        await store.succeeded(keys, id);
      }
      // 5 failures, so one more is allowed, then the sixth refuses.
      await fail({ username: 'guess-x', address: '10.0.0.9' }, 1, 0, addressPolicy);
      expect(
        await begin({ username: 'guess-y', address: '10.0.0.9' }, addressPolicy),
      ).toMatchObject({
        allowed: false,
        limit: 'address',
      });
    });

    it('slows a username past 4 failures from anywhere, but never refuses it', async () => {
      for (let i = 0; i < 4; i++) {
        expect(await begin({ username: 'admin', address: `10.1.0.${i}` })).toEqual({
          allowed: true,
          slow: false,
        });
      }
      for (let i = 0; i < 20; i++) {
        expect(await begin({ username: 'admin', address: `10.2.0.${i}` })).toEqual({
          allowed: true,
          slow: true,
        });
      }
      expect(await begin({ username: 'Someone-else', address: '10.2.0.1' })).toMatchObject({
        slow: false,
      });
      now += casePolicy.usernameWindowMs;
      expect(await begin({ username: 'admin', address: '10.3.0.1' })).toEqual({
        allowed: true,
        slow: false,
      });
    });

    it('forgets a pair once its maximum back-off has passed after its last wait ended', async () => {
      await fail(anna, 4); // waits 1 s, forgotten 8 s after that
      now += 1000 + 8000;
      await fail(anna, 3);
      expect(await begin(anna)).toMatchObject({ allowed: true });
      expect(await begin(anna)).toMatchObject({ allowed: false, retryAfterMs: 1000 });
    });

    it('takes an abandoned attempt back and lifts the wait it set', async () => {
      await fail(anna, 3);
      const id = 'database-was-down';
      expect(await store.begin(anna, id, casePolicy, now)).toMatchObject({ allowed: true });
      await store.abandoned(anna, id);
      // Still three failures: the next one is the 4th, and only it sets a wait.
      expect(await begin(anna)).toMatchObject({ allowed: true });
      expect(await begin(anna)).toMatchObject({ allowed: false, retryAfterMs: 1000 });
    });

    it('lets only the free failures and one more through when many attempts of a pair arrive at once', async () => {
      const decisions = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.begin(anna, `parallel-${i}`, casePolicy, now)),
      );
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(4);
    });
  });
}
