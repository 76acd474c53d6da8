import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';

/** Pings Redis when `REDIS_URL` is set; with no Redis configured there is nothing to check. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private client: Redis | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get configured(): boolean {
    return this.config.REDIS_URL !== undefined;
  }

  async ping(key: string, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    if (!this.config.REDIS_URL) return indicator.up({ configured: false });
    this.client ??= new Redis(this.config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: timeoutMs,
    });
    const client = this.client;
    client.on('error', () => undefined);
    try {
      if (client.status === 'wait' || client.status === 'end') await client.connect();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([client.ping(), timeout]).finally(() => clearTimeout(timer));
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  onModuleDestroy(): void {
    this.client?.disconnect();
  }
}
