import { Module } from '@nestjs/common';
import { OeeModule } from '../oee/oee.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { MetricsModule } from '../../platform/metrics/metrics.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import { IngestionController } from './ingestion.controller.js';
import { IngestionService } from './ingestion.service.js';
import { MachineEventsRepository } from './machine-events.repository.js';

@Module({
  imports: [OeeModule, RealtimeModule, MetricsModule, LineAccessModule],
  controllers: [IngestionController],
  providers: [IngestionService, MachineEventsRepository],
  exports: [IngestionService],
})
export class IngestionModule {}
