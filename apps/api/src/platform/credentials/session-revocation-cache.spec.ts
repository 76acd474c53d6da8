import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  SessionRevocationCache,
  type SessionRevocationCacheOptions,
} from './session-revocation-cache.js';

describe('SessionRevocationCache', () => {
  function cacheAt(options: Partial<SessionRevocationCacheOptions> = {}) {
    const clock = { t: 5_000_000 };
    const settings = { revokedTtlMs: 900_000, openTtlMs: 30_000, maxEntries: 1000, ...options };
    const cache = new SessionRevocationCache({ ...settings, now: () => clock.t });
    return { clock, cache, settings };
  }
  const sid = () => randomUUID();

  it('trusts an open session for the open lifetime, then asks again', () => {
    const { clock, cache, settings } = cacheAt();
    const session = sid();
    const user = randomUUID();
    expect(cache.get(session)).toBeUndefined();
    cache.markOpen(session, user, cache.epoch);
    expect(cache.get(session)).toEqual({ state: 'open', userId: user });
    clock.t += settings.openTtlMs - 1;
    expect(cache.get(session)?.state).toBe('open');
    clock.t += 1;
    expect(cache.get(session)).toBeUndefined();
  });

  it('remembers a revocation for the access-token lifetime and turns an open entry revoked', () => {
    const { clock, cache, settings } = cacheAt();
    const session = sid();
    cache.markOpen(session, randomUUID(), cache.epoch);
    cache.markRevoked([session]);
    expect(cache.get(session)).toEqual({ state: 'revoked' });
    clock.t += settings.revokedTtlMs - 1;
    expect(cache.get(session)?.state).toBe('revoked');
    clock.t += 1;
    expect(cache.get(session)).toBeUndefined();
  });

  it('never lets an open answer read before a revocation overwrite it', () => {
    const { cache } = cacheAt();
    const session = sid();
    const epoch = cache.epoch; // the database read begins
    cache.markRevoked([session]); // the revocation arrives while it runs
    cache.markOpen(session, randomUUID(), epoch); // the (stale) answer comes back
    expect(cache.get(session)).toEqual({ state: 'revoked' });
  });

  it('forgets open sessions on clearOpen, keeps revocations, and drops answers read before it', () => {
    const { cache } = cacheAt();
    const [open, revoked, inFlight] = [sid(), sid(), sid()];
    cache.markOpen(open, randomUUID(), cache.epoch);
    cache.markRevoked([revoked]);
    const epoch = cache.epoch;
    cache.clearOpen();
    cache.markOpen(inFlight, randomUUID(), epoch);
    expect(cache.get(open)).toBeUndefined();
    expect(cache.get(inFlight)).toBeUndefined();
    expect(cache.get(revoked)).toEqual({ state: 'revoked' });
    cache.markOpen(inFlight, randomUUID(), cache.epoch);
    expect(cache.get(inFlight)?.state).toBe('open');
  });

  it('caches no open session when the open lifetime is zero', () => {
    const { cache } = cacheAt({ openTtlMs: 0 });
    const session = sid();
    cache.markOpen(session, randomUUID(), cache.epoch);
    expect(cache.get(session)).toBeUndefined();
    cache.markRevoked([session]);
    expect(cache.get(session)?.state).toBe('revoked');
  });

  it('holds at most maxEntries, evicting the oldest written first', () => {
    const maxEntries = 3;
    const { cache } = cacheAt({ maxEntries });
    const sessions = Array.from({ length: maxEntries + 2 }, sid);
    for (const session of sessions) cache.markRevoked([session]);
    expect(cache.size).toBe(maxEntries);
    expect(cache.get(sessions[0] ?? '')).toBeUndefined();
    expect(cache.get(sessions[1] ?? '')).toBeUndefined();
    for (const session of sessions.slice(2)) expect(cache.get(session)?.state).toBe('revoked');
  });
});
