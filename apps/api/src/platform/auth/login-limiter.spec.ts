import { describe, expect, it } from '@jest/globals';
import { TooManyRequestsException } from '../common/too-many-requests.exception.js';
import { casePolicy } from '../../../test/support/login-attempt-store-cases.js';
import type { LoginAttemptStore } from './login-attempt-store.js';
import { LoginLimiter, limitAddressOf, normaliseUsername } from './login-limiter.js';
import { MemoryLoginAttemptStore } from './memory-login-attempt-store.js';

function limiter(store: LoginAttemptStore = new MemoryLoginAttemptStore()) {
  const clock = { now: 1_700_000_000_000 };
  const slept: number[] = [];
  const subject = new LoginLimiter({
    store,
    policy: casePolicy,
    slowDelayMs: 1000,
    now: () => clock.now,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
  });
  return { subject, clock, slept };
}

async function refusal(promise: Promise<unknown>): Promise<TooManyRequestsException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TooManyRequestsException);
  return error as TooManyRequestsException;
}

describe('LoginLimiter', () => {
  it('treats case and padding variants of a username, and IPv4-mapped addresses, as the same pair', async () => {
    const { subject } = limiter();
    for (const [name, address] of [
      ['anna', '10.0.0.1'],
      ['ANNA', '::ffff:10.0.0.1'],
      [' Anna ', '10.0.0.1'],
      ['anNa', '::FFFF:10.0.0.1'],
    ] as const) {
      (await subject.begin(name, address)).failed();
    }
    const error = await refusal(subject.begin('anna', '10.0.0.1'));
    expect(error.getStatus()).toBe(429);
    expect(error.retryAfterSeconds).toBe(1);
  });

  it('rounds Retry-After up to whole seconds', async () => {
    const { subject, clock } = limiter();
    for (let i = 0; i < 4; i++) (await subject.begin('anna', '10.0.0.1')).failed();
    clock.now += 1000; // the 4th failure's 1 s wait is over
    (await subject.begin('anna', '10.0.0.1')).failed(); // the 5th: 2 s
    clock.now += 500;
    expect((await refusal(subject.begin('anna', '10.0.0.1'))).retryAfterSeconds).toBe(2);
  });

  it('delays, and never refuses, a username past its slow ceiling', async () => {
    const { subject, slept } = limiter();
    for (let i = 0; i < 4; i++) (await subject.begin('admin', `10.0.1.${i}`)).failed();
    expect(slept).toEqual([]);
    const attempt = await subject.begin('admin', '10.0.2.1');
    expect(slept).toEqual([1000]);
    await attempt.succeeded();
  });

  it('counts in this process when the shared store fails, and keeps limiting', async () => {
    const broken: LoginAttemptStore = {
      begin: () => Promise.reject(new Error('Connection is closed.')),
      succeeded: () => Promise.reject(new Error('Connection is closed.')),
      abandoned: () => Promise.reject(new Error('Connection is closed.')),
    };
    const { subject } = limiter(broken);
    for (let i = 0; i < 4; i++) (await subject.begin('anna', '10.0.0.1')).failed();
    await refusal(subject.begin('anna', '10.0.0.1'));
    const other = await subject.begin('bob', '10.0.0.2');
    await expect(other.succeeded()).resolves.toBeUndefined();
  });
});

describe('normaliseUsername and limitAddressOf', () => {
  it('lower-cases and trims usernames', () => {
    expect(normaliseUsername('  Admin ')).toBe('admin');
  });

  it('keeps IPv4 as is and groups IPv6 by its /64', () => {
    expect(limitAddressOf('192.168.1.20')).toBe('192.168.1.20');
    expect(limitAddressOf('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(limitAddressOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(limitAddressOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(limitAddressOf('2001:0db8::ffff:1')).toBe('2001:db8:0:0::/64');
    expect(limitAddressOf('::1')).toBe('0:0:0:0::/64');
    expect(limitAddressOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(limitAddressOf('64:ff9b::10.0.0.1')).toBe('64:ff9b:0:0::/64');
    expect(limitAddressOf('unknown')).toBe('unknown');
  });
});
