import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { DATABASE_HANDLE, DatabaseAvailability } from './database-availability.js';
import { type DatabaseHandle, dataSourceOptions } from './database.js';

/**
 * The database of the API: the TypeORM data source over the guarded pool (timeouts from the
 * configuration) and `DatabaseAvailability`, which health reads. Each module registers its own
 * entities with `TypeOrmModule.forFeature`.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, handle: DatabaseHandle): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(handle.url, config), autoLoadEntities: true }),
      ],
      providers: [{ provide: DATABASE_HANDLE, useValue: handle }, DatabaseAvailability],
      exports: [DATABASE_HANDLE, DatabaseAvailability],
    };
  }
}
