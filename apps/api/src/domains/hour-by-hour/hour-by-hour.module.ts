import { Module } from '@nestjs/common';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { DowntimeModule } from '../downtime/downtime.module.js';
import { OeeModule } from '../oee/oee.module.js';
import { HourByHourController } from './hour-by-hour.controller.js';
import { HourByHourRepository } from './hour-by-hour.repository.js';
import { HourByHourService } from './hour-by-hour.service.js';

/**
 * The hour-by-hour board. Reads stops through the downtime domain's service (the same "gaps and
 * islands" SQL as the stop list) and parts through the OEE domain's (the same attribution as OEE).
 */
@Module({
  imports: [DowntimeModule, LineAccessModule, OeeModule],
  controllers: [HourByHourController],
  providers: [HourByHourRepository, HourByHourService],
  exports: [HourByHourService],
})
export class HourByHourModule {}
