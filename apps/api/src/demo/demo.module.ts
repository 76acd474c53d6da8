import { Module } from '@nestjs/common';
import { PlantModule } from '../plant/plant.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoSeeder } from './demo-seeder.js';

/** The demo plant seeded with `DEMO=1`. */
@Module({
  imports: [PlantModule, UsersModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
