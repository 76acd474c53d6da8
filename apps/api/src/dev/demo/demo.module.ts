import { Module } from '@nestjs/common';
import { JobsModule } from '../../domains/jobs/jobs.module.js';
import { PlantModule } from '../../domains/plant/plant.module.js';
import { ProductionOrdersModule } from '../../domains/orders/production-orders.module.js';
import { UsersModule } from '../../platform/users/users.module.js';
import { DemoScheduleKeeper } from './demo-schedule.js';
import { DemoSeeder } from './demo-seeder.js';

/** The demo plant seeded with `DEMO=1`, and the production schedule kept running on it. */
@Module({
  imports: [PlantModule, UsersModule, ProductionOrdersModule, JobsModule],
  providers: [DemoSeeder, DemoScheduleKeeper],
  exports: [DemoSeeder, DemoScheduleKeeper],
})
export class DemoModule {}
