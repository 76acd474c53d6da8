import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AndonModule } from './domains/andon/andon.module.js';
import { ChecklistsModule } from './domains/checklists/checklists.module.js';
import { DowntimeModule } from './domains/downtime/downtime.module.js';
import { HandoverModule } from './domains/handover/handover.module.js';
import { HourByHourModule } from './domains/hour-by-hour/hour-by-hour.module.js';
import { IngestionModule } from './domains/ingestion/ingestion.module.js';
import { JobsModule } from './domains/jobs/jobs.module.js';
import { MaintenanceModule } from './domains/maintenance/maintenance.module.js';
import { OeeModule } from './domains/oee/oee.module.js';
import { ProductionOrdersModule } from './domains/orders/production-orders.module.js';
import { PlantModule } from './domains/plant/plant.module.js';
import { DevModule } from './dev/dev.module.js';
import { AuditModule } from './platform/audit/audit.module.js';
import { AuthModule } from './platform/auth/auth.module.js';
import { ClockModule } from './platform/clock/clock.module.js';
import { ApiExceptionFilter } from './platform/common/api-exception.filter.js';
import { IdParamsInterceptor } from './platform/common/id-params.interceptor.js';
import { requestIdOf } from './platform/common/request-id.js';
import { ValidationInterceptor } from './platform/common/validation.js';
import type { AppConfig } from './platform/config/app-config.js';
import { ConfigModule } from './platform/config/config.module.js';
import type { RuntimeInfo } from './platform/config/config.tokens.js';
import type { DatabaseHandle } from './platform/database/database.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { LineAccessModule } from './platform/line-access/line-access.module.js';
import { MetricsModule } from './platform/metrics/metrics.module.js';
import { RealtimeModule } from './platform/realtime/realtime.module.js';
import { UsersModule } from './platform/users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  runtime: RuntimeInfo;
  databaseUrl: string;
  /** The database as `provideDatabase` gave it (default: an external one at `databaseUrl`). */
  database?: DatabaseHandle;
}

const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

@Module({})
export class AppModule {
  static forRoot({ config, runtime, databaseUrl, database }: AppModuleOptions): DynamicModule {
    const handle: DatabaseHandle = database ?? {
      url: databaseUrl,
      kind: 'external',
      stop: () => Promise.resolve(),
    };
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, runtime),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (request, response) => requestIdOf(request, response),
            autoLogging: { ignore: (request) => QUIET_PATHS.has(request.url ?? '') },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: {
              req: (request: { id: unknown; method: unknown; url: unknown }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: unknown }) => ({ statusCode: response.statusCode }),
            },
          },
        }),
        // The pool with its timeouts; each module registers its own entities (`forFeature`).
        DatabaseModule.forRoot(config, handle),
        // platform: knows no domain
        ClockModule,
        AuditModule,
        UsersModule,
        AuthModule,
        LineAccessModule,
        RealtimeModule,
        HealthModule,
        MetricsModule,
        // domains
        PlantModule,
        IngestionModule,
        OeeModule,
        DowntimeModule,
        AndonModule,
        ProductionOrdersModule,
        JobsModule,
        ChecklistsModule,
        HourByHourModule,
        HandoverModule,
        MaintenanceModule,
        // dev: the demo plant and the line simulator
        DevModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Ids in the path first, then the body and query against their schemas.
        { provide: APP_INTERCEPTOR, useClass: IdParamsInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ValidationInterceptor },
      ],
    };
  }
}
