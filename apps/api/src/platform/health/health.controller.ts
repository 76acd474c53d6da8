import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { type HealthInfo, healthInfoSchema } from '@ms5/contracts';
import { Public } from '../common/auth.decorators.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, RUNTIME_INFO, type RuntimeInfo } from '../config/config.tokens.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';
import { RedisHealthIndicator } from './redis-health.indicator.js';
import { ShutdownState } from './shutdown-state.js';

const CHECK_TIMEOUT_MS = 1500;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly shutdown: ShutdownState,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNTIME_INFO) private readonly runtime: RuntimeInfo,
  ) {}

  /** The process runs. Never touches the database or anything else. */
  @Get('live')
  @ApiOkResponse({ description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The database (and Redis when configured) answer; 503 otherwise, and while shutting down. */
  @Get('ready')
  @ApiOkResponse({ description: 'Ready to serve' })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: a dependency is down or the process is stopping',
  })
  async ready() {
    if (this.shutdown.isShuttingDown) throw new ServiceUnavailableException('Shutting down');
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
        ...(this.redis.configured ? [() => this.redis.ping('redis', CHECK_TIMEOUT_MS)] : []),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        const body = error.getResponse() as { error?: Record<string, unknown> };
        const down = Object.keys(body.error ?? {});
        throw new ServiceUnavailableException(
          `Not ready: ${down.join(', ') || 'a dependency'} is down`,
        );
      }
      throw error;
    }
  }

  @Get('info')
  @ApiOkResponse({ schema: toOpenApiSchema(healthInfoSchema, 'output') })
  info(): HealthInfo {
    return {
      name: 'ms5-floor-dashboard',
      version: this.runtime.version,
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
      startedAt: this.runtime.startedAt.toISOString(),
      nodeVersion: process.version,
      build: { commit: this.runtime.commit, builtAt: this.runtime.builtAt },
      database: this.runtime.database,
      redis: this.config.REDIS_URL !== undefined,
      demo: this.config.DEMO,
    };
  }
}
