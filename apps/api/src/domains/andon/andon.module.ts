import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AndonPolicyEntity } from './entities/andon-policy.entity.js';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import { AndonCallsRepository } from './andon-calls.repository.js';
import { AndonEscalationsRepository } from './andon-escalations.repository.js';
import { AndonInsightsRepository } from './andon-insights.repository.js';
import { AndonInsightsService } from './andon-insights.service.js';
import { AndonPoliciesController } from './andon-policies.controller.js';
import { ANDON_POLICIES_SERVICE, AndonPoliciesService } from './andon-policies.service.js';
import { AndonController } from './andon.controller.js';
import { AndonService } from './andon.service.js';
import { EscalationScheduler } from './escalation.scheduler.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';

/** Andon calls, escalation policies and their scheduler, and andon insights. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AndonPolicyEntity]),
    AuditModule,
    IngestionModule,
    RealtimeModule,
    LineAccessModule,
  ],
  controllers: [AndonPoliciesController, AndonController],
  providers: [
    AndonCallsRepository,
    AndonEscalationsRepository,
    AndonInsightsRepository,
    AndonService,
    AndonInsightsService,
    { provide: ANDON_POLICIES_SERVICE, useClass: AndonPoliciesService },
    EscalationScheduler,
  ],
  exports: [AndonService],
})
export class AndonModule {}
