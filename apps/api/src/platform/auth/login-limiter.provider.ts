import type { Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { LoginLimiter, loginLimitPolicy } from './login-limiter.js';
import { MemoryLoginAttemptStore } from './memory-login-attempt-store.js';
import { RedisLoginAttemptStore } from './redis-login-attempt-store.js';

/** The login limiter: counts in Redis when `REDIS_URL` is set (shared by instances), else here. */
export const loginLimiterProvider: Provider = {
  provide: LoginLimiter,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const common = {
      policy: loginLimitPolicy(config),
      slowDelayMs: config.LOGIN_USERNAME_SLOW_DELAY_MS,
    };
    if (!config.REDIS_URL)
      return new LoginLimiter({ ...common, store: new MemoryLoginAttemptStore() });
    // Fail fast rather than queue: a login must not hang on Redis (the limiter falls back).
    const redis = new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
    });
    redis.on('error', () => undefined); // each failed command is reported by the limiter
    return new LoginLimiter({
      ...common,
      store: new RedisLoginAttemptStore(redis),
      // disconnect, not quit: quit would wait for a Redis that may be gone.
      close: () => redis.disconnect(),
    });
  },
};
