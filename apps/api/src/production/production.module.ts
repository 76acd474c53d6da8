import { Module } from '@nestjs/common';
import { IngestionController } from './ingestion.controller.js';
import { IngestionService } from './ingestion.service.js';
import { MachineEventsRepository } from './machine-events.repository.js';

@Module({
  controllers: [IngestionController],
  providers: [IngestionService, MachineEventsRepository],
  exports: [MachineEventsRepository],
})
export class ProductionModule {}
