import { Module } from '@nestjs/common';
import { AndonModule } from '../andon/andon.module.js';
import { PlantModule } from '../plant/plant.module.js';
import { ProductionOrdersModule } from '../production-orders/production-orders.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoScheduleKeeper } from './demo-schedule.js';
import { DemoSeeder } from './demo-seeder.js';

/** The demo plant seeded with `DEMO=1`, and the production schedule kept running on it. */
@Module({
  imports: [PlantModule, UsersModule, ProductionOrdersModule, AndonModule],
  providers: [DemoSeeder, DemoScheduleKeeper],
  exports: [DemoSeeder, DemoScheduleKeeper],
})
export class DemoModule {}
