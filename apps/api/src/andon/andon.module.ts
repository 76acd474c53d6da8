import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ProductionModule } from '../production/production.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { AndonCallsRepository } from './andon-calls.repository.js';
import { AndonEscalationsRepository } from './andon-escalations.repository.js';
import { AndonInsightsRepository } from './andon-insights.repository.js';
import { AndonInsightsService } from './andon-insights.service.js';
import { AndonPoliciesController } from './andon-policies.controller.js';
import { ANDON_POLICIES_SERVICE, AndonPoliciesService } from './andon-policies.service.js';
import { AndonController } from './andon.controller.js';
import { AndonService } from './andon.service.js';
import { Clock, SystemClock } from './clock.js';
import { EscalationScheduler } from './escalation.scheduler.js';
import { LineAccessModule } from './line-access/line-access.module.js';

/** Andon calls, escalation policies and their scheduler, and andon insights. */
@Module({
  imports: [AuditModule, ProductionModule, RealtimeModule, LineAccessModule],
  controllers: [AndonPoliciesController, AndonController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    AndonCallsRepository,
    AndonEscalationsRepository,
    AndonInsightsRepository,
    AndonService,
    AndonInsightsService,
    { provide: ANDON_POLICIES_SERVICE, useClass: AndonPoliciesService },
    EscalationScheduler,
  ],
  exports: [AndonService, Clock],
})
export class AndonModule {}
