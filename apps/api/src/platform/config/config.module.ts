import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './app-config.js';
import { APP_CONFIG, RUNTIME_INFO, type RuntimeInfo } from './config.tokens.js';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, runtime: RuntimeInfo): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: RUNTIME_INFO, useValue: runtime },
      ],
      exports: [APP_CONFIG, RUNTIME_INFO],
    };
  }
}
