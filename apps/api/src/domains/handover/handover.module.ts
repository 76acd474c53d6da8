import { Module } from '@nestjs/common';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { DowntimeModule } from '../downtime/downtime.module.js';
import { HourByHourModule } from '../hour-by-hour/hour-by-hour.module.js';
import { OeeModule } from '../oee/oee.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import { HandoversController, LineHandoverDraftController } from './handover.controller.js';
import { HandoverRepository } from './handover.repository.js';
import { HandoverService } from './handover.service.js';

/**
 * Shift handovers. The summary reuses the hour-by-hour board, the OEE service's line report and
 * the downtime Pareto.
 */
@Module({
  imports: [
    AuditModule,
    DowntimeModule,
    HourByHourModule,
    LineAccessModule,
    OeeModule,
    RealtimeModule,
  ],
  controllers: [HandoversController, LineHandoverDraftController],
  providers: [HandoverRepository, HandoverService],
})
export class HandoverModule {}
