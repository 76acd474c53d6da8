import { Controller, Get, Inject, Req, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiSecurity,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import {
  type HealthInfo,
  type PublicHealthInfo,
  type ServiceErrorCode,
  healthInfoSchema,
  publicHealthInfoSchema,
} from '@ms5/contracts';
import {
  type AuthenticatedRequest,
  AuthenticationOptional,
  Public,
} from '../common/auth.decorators.js';
import { DatabaseAvailability } from '../database/database-availability.js';
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
    private readonly availability: DatabaseAvailability,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNTIME_INFO) private readonly runtime: RuntimeInfo,
  ) {}

  /**
   * The process runs. Never touches the database: it reads what the availability probe last saw,
   * and fails only when the embedded database has been unreachable longer than
   * `DB_LIVENESS_GRACE_MS` (its supervisor could not bring it back), so that a restart can.
   */
  @Get('live')
  @ApiOkResponse({ description: 'The process is alive' })
  @ApiServiceUnavailableResponse({
    description:
      'The embedded database has been unreachable longer than DB_LIVENESS_GRACE_MS: restart the process',
  })
  live(): { status: 'ok' } {
    const database = this.availability.liveness();
    if (!database.ok) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE' satisfies ServiceErrorCode,
        message: `Not live: ${database.reason ?? 'the embedded database is unreachable'}`,
      });
    }
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
      const result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
        ...(this.redis.configured ? [() => this.redis.ping('redis', CHECK_TIMEOUT_MS)] : []),
      ]);
      this.availability.confirmReachable();
      return result;
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        const body = error.getResponse() as { error?: Record<string, unknown> };
        const down = Object.keys(body.error ?? {});
        throw new ServiceUnavailableException({
          statusCode: 503,
          ...(down.includes('database')
            ? { code: 'DATABASE_UNAVAILABLE' satisfies ServiceErrorCode }
            : {}),
          message: `Not ready: ${down.join(', ') || 'a dependency'} is down`,
        });
      }
      throw error;
    }
  }

  /**
   * Version and uptime for anyone; the rest (Node version, commit, database kind, …) only with a
   * valid access token: it would tell an attacker which vulnerabilities to try. A token that is
   * sent but invalid is `401`, so that a client learns to refresh it rather than see less.
   */
  @Get('info')
  @AuthenticationOptional()
  // Either anonymous (`{}`) or with the user's bearer token.
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      'Without a token: `version` and `uptimeSeconds` only. With a valid access token: everything.',
    schema: toOpenApiSchema(z.union([healthInfoSchema, publicHealthInfoSchema]), 'output'),
  })
  @ApiUnauthorizedResponse({ description: 'An Authorization header with an invalid token' })
  info(@Req() request: AuthenticatedRequest): HealthInfo | PublicHealthInfo {
    const uptimeSeconds = Math.round(process.uptime() * 10) / 10;
    if (!request.user) return { version: this.runtime.version, uptimeSeconds };
    return {
      name: 'ms5-floor-dashboard',
      version: this.runtime.version,
      uptimeSeconds,
      startedAt: this.runtime.startedAt.toISOString(),
      nodeVersion: process.version,
      build: { commit: this.runtime.commit, builtAt: this.runtime.builtAt },
      database: this.runtime.database,
      redis: this.config.REDIS_URL !== undefined,
      demo: this.config.DEMO,
    };
  }
}
