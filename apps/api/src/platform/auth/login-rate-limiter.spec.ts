import { describe, expect, it } from '@jest/globals';
import { LoginRateLimiter } from './login-rate-limiter.js';

describe('LoginRateLimiter', () => {
  const policy = { maxFailures: 3, windowMs: 60_000 };

  function limiterAt(start: number) {
    const clock = {
      t: start,
      now() {
        return this.t;
      },
    };
    return { clock, limiter: new LoginRateLimiter(clock) };
  }

  it('allows attempts until the limit of failures, then says how long to wait', () => {
    const { clock, limiter } = limiterAt(1_000_000);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('user:anna', policy)).toBe(0);
      limiter.recordFailure('user:anna', policy);
      clock.t += 10_000;
    }
    // failures at 0 s, 10 s, 20 s; now 30 s: the first falls out of the window at 60 s.
    expect(limiter.retryAfterSeconds('user:anna', policy)).toBe(30);
    clock.t += 30_001;
    expect(limiter.retryAfterSeconds('user:anna', policy)).toBe(0);
  });

  it('keeps keys apart and forgets a key on reset', () => {
    const { limiter } = limiterAt(0);
    for (let i = 0; i < 3; i++) limiter.recordFailure('user:anna', policy);
    expect(limiter.retryAfterSeconds('user:bob', policy)).toBe(0);
    expect(limiter.retryAfterSeconds('user:anna', policy)).toBeGreaterThan(0);
    limiter.reset('user:anna');
    expect(limiter.retryAfterSeconds('user:anna', policy)).toBe(0);
  });
});
