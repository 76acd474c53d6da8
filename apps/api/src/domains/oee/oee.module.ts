import { Module } from '@nestjs/common';
import { HealthModule } from '../../platform/health/health.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { OeeEngineAdapter } from './oee-engine.adapter.js';
import { OeeRollupService } from './oee-rollup.service.js';
import { OeeController } from './oee.controller.js';
import { OeeRepository } from './oee.repository.js';
import { OeeService } from './oee.service.js';
import { OverviewService } from './overview.service.js';
import { PartCountsService } from './part-counts.service.js';
import { RollupQueueRepository } from './rollup-queue.repository.js';

@Module({
  // ShutdownState: the roll-up worker stops between chunks; LineAccess: each caller's lines.
  imports: [HealthModule, LineAccessModule],
  controllers: [OeeController],
  providers: [
    OeeRepository,
    OeeEngineAdapter,
    OeeService,
    OeeRollupService,
    OverviewService,
    PartCountsService,
    RollupQueueRepository,
  ],
  exports: [OeeService, OeeRollupService, PartCountsService],
})
export class OeeModule {}
