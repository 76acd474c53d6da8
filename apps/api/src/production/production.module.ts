import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { IngestionController } from './ingestion.controller.js';
import { IngestionService } from './ingestion.service.js';
import { MachineEventsRepository } from './machine-events.repository.js';

@Module({
  imports: [RealtimeModule],
  controllers: [IngestionController],
  providers: [IngestionService, MachineEventsRepository],
  exports: [MachineEventsRepository],
})
export class ProductionModule {}
