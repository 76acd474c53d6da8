import { Module } from '@nestjs/common';
import { AndonModule } from '../andon/andon.module.js';
import { LineAccessModule } from '../andon/line-access/line-access.module.js';
import { DowntimeModule } from '../downtime/downtime.module.js';
import { HourByHourController } from './hour-by-hour.controller.js';
import { HourByHourRepository } from './hour-by-hour.repository.js';
import { HourByHourService } from './hour-by-hour.service.js';

/**
 * The hour-by-hour board. Reads stops through the downtime module's repository (the same "gaps
 * and islands" SQL as the stop list) and shares the andon module's clock.
 */
@Module({
  imports: [AndonModule, DowntimeModule, LineAccessModule],
  controllers: [HourByHourController],
  providers: [HourByHourRepository, HourByHourService],
  exports: [HourByHourService, HourByHourRepository],
})
export class HourByHourModule {}
