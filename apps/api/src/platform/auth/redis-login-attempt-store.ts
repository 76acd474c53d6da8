import type { Redis } from 'ioredis';
import type {
  LoginAttemptDecision,
  LoginAttemptKeys,
  LoginAttemptStore,
  LoginLimitPolicy,
} from './login-attempt-store.js';

const PREFIX = 'ms5:login:';

/**
 * KEYS: pair hash, address sorted set, username sorted set (scores: failure times in ms).
 * ARGV: now, attempt id, free failures, base ms, max ms, address max, address window ms,
 * username slow-after, username window ms. The same steps as `MemoryLoginAttemptStore.begin`.
 * Returns `{1, slow}` or `{0, limit, retryAfterMs}`.
 */
const BEGIN = `
local now = tonumber(ARGV[1])
local id = ARGV[2]
local free, base, max = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local addressMax, addressWindow = tonumber(ARGV[6]), tonumber(ARGV[7])
local slowAfter, usernameWindow = tonumber(ARGV[8]), tonumber(ARGV[9])

local pair = redis.call('HMGET', KEYS[1], 'failures', 'blockedUntil', 'forgetAt')
local failures = tonumber(pair[1]) or 0
local blockedUntil = tonumber(pair[2]) or 0
-- The key's TTL frees the memory; forgetAt decides, in the callers' time.
if (tonumber(pair[3]) or 0) <= now then
  failures = 0
  blockedUntil = 0
end
local pairWait = 0
if blockedUntil > now then pairWait = blockedUntil - now end

redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - addressWindow)
local addressWait = 0
if redis.call('ZCARD', KEYS[2]) >= addressMax then
  local oldest = redis.call('ZRANGE', KEYS[2], -addressMax, -addressMax, 'WITHSCORES')
  addressWait = tonumber(oldest[2]) + addressWindow - now
end
if pairWait > 0 or addressWait > 0 then
  local limit = 'pair'
  if addressWait > pairWait then limit = 'address' end
  return {0, limit, math.max(pairWait, addressWait)}
end

failures = failures + 1
local delay = 0
if failures > free then delay = math.min(base * 2 ^ math.min(failures - free - 1, 40), max) end
local blockedTill = 0
if delay > 0 then blockedTill = now + delay end
redis.call('HSET', KEYS[1], 'failures', failures, 'blockedUntil', blockedTill, 'forgetAt', now + delay + max)
redis.call('PEXPIRE', KEYS[1], delay + max)

redis.call('ZADD', KEYS[2], now, id)
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(addressMax + 1))
redis.call('PEXPIRE', KEYS[2], addressWindow)

redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - usernameWindow)
local slow = 0
if redis.call('ZCARD', KEYS[3]) >= slowAfter then slow = 1 end
redis.call('ZADD', KEYS[3], now, id)
redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(slowAfter + 1))
redis.call('PEXPIRE', KEYS[3], usernameWindow)
return {1, slow}
`;

/** KEYS as for BEGIN; ARGV: attempt id. Takes the attempt back and lifts the pair's wait. */
const ABANDON = `
local failures = tonumber(redis.call('HGET', KEYS[1], 'failures'))
if failures then
  if failures > 0 then failures = failures - 1 end
  redis.call('HSET', KEYS[1], 'failures', failures, 'blockedUntil', 0)
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1
`;

/**
 * Login attempts counted in Redis, so that every instance sees the same counts: each operation is
 * one Lua script, atomic in Redis. Times come from the calling instance (their clocks are kept
 * in step by NTP; a second's disagreement shifts a wait by a second).
 */
export class RedisLoginAttemptStore implements LoginAttemptStore {
  constructor(private readonly redis: Redis) {}

  async begin(
    keys: LoginAttemptKeys,
    attemptId: string,
    policy: LoginLimitPolicy,
    nowMs: number,
  ): Promise<LoginAttemptDecision> {
    const reply = await this.redis.eval(
      BEGIN,
      3,
      ...redisKeys(keys),
      Math.floor(nowMs),
      attemptId,
      policy.backoffFreeFailures,
      Math.ceil(policy.backoffBaseMs),
      Math.ceil(policy.backoffMaxMs),
      policy.addressMaxFailures,
      Math.ceil(policy.addressWindowMs),
      policy.usernameSlowAfter,
      Math.ceil(policy.usernameWindowMs),
    );
    return parseDecision(reply);
  }

  async succeeded(keys: LoginAttemptKeys, attemptId: string): Promise<void> {
    const [pair, address, username] = redisKeys(keys);
    await this.redis.multi().del(pair).zrem(address, attemptId).zrem(username, attemptId).exec();
  }

  async abandoned(keys: LoginAttemptKeys, attemptId: string): Promise<void> {
    await this.redis.eval(ABANDON, 3, ...redisKeys(keys), attemptId);
  }
}

function redisKeys(keys: LoginAttemptKeys): [string, string, string] {
  const username = encodeURIComponent(keys.username);
  const address = encodeURIComponent(keys.address);
  return [
    `${PREFIX}pair:${username}:${address}`,
    `${PREFIX}address:${address}`,
    `${PREFIX}username:${username}`,
  ];
}

function parseDecision(reply: unknown): LoginAttemptDecision {
  if (Array.isArray(reply)) {
    const [allowed, second, third] = reply as unknown[];
    if (allowed === 1) return { allowed: true, slow: second === 1 };
    if (allowed === 0 && (second === 'pair' || second === 'address') && typeof third === 'number')
      return { allowed: false, limit: second, retryAfterMs: third };
  }
  throw new Error(`unexpected reply of the login script: ${JSON.stringify(reply)}`);
}
