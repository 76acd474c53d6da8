import { randomUUID } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AndonModule } from './andon/andon.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ChecklistsModule } from './checklists/checklists.module.js';
import { HandoverModule } from './handover/handover.module.js';
import { HourByHourModule } from './hour-by-hour/hour-by-hour.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { ValidationInterceptor } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DemoModule } from './demo/demo.module.js';
import type { RuntimeInfo } from './config/config.tokens.js';
import { dataSourceOptions } from './database/database.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { DowntimeModule } from './downtime/downtime.module.js';
import { OeeModule } from './oee/oee.module.js';
import { PlantModule } from './plant/plant.module.js';
import { ProductionModule } from './production/production.module.js';
import { ProductionOrdersModule } from './production-orders/production-orders.module.js';
import { SimulatorModule } from './simulator/simulator.module.js';
import { UsersModule } from './users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  runtime: RuntimeInfo;
  databaseUrl: string;
}

const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);
const REQUEST_ID = /^[\w.-]{1,128}$/;

@Module({})
export class AppModule {
  static forRoot({ config, runtime, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, runtime),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (request, response) => {
              const given = request.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
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
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        AuditModule,
        UsersModule,
        AuthModule,
        HealthModule,
        MetricsModule,
        PlantModule,
        ProductionModule,
        ProductionOrdersModule,
        ChecklistsModule,
        HourByHourModule,
        HandoverModule,
        AndonModule,
        OeeModule,
        DowntimeModule,
        SimulatorModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: ValidationInterceptor },
      ],
    };
  }
}
