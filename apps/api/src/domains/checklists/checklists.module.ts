import { Module } from '@nestjs/common';
import { AndonModule } from '../andon/andon.module.js';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import { ChecklistEngineService } from './checklist-engine.service.js';
import { ChecklistGateService } from './checklist-gate.service.js';
import { ChecklistRunsController, JobChecklistsController } from './checklist-runs.controller.js';
import { ChecklistRunsRepository } from './checklist-runs.repository.js';
import { ChecklistRunsService } from './checklist-runs.service.js';
import { ChecklistTemplatesController } from './checklist-templates.controller.js';
import { ChecklistTemplatesRepository } from './checklist-templates.repository.js';
import { ChecklistTemplatesService } from './checklist-templates.service.js';

/**
 * Pre-start checklists: templates per line or product, completed runs, and the gate the job
 * lifecycle asks before a job starts (exported; this module imports nothing of production orders,
 * so the dependency stays one-way).
 */
@Module({
  imports: [AuditModule, AndonModule, LineAccessModule, RealtimeModule],
  controllers: [ChecklistTemplatesController, ChecklistRunsController, JobChecklistsController],
  providers: [
    ChecklistTemplatesRepository,
    ChecklistTemplatesService,
    ChecklistRunsRepository,
    ChecklistRunsService,
    ChecklistGateService,
    ChecklistEngineService,
  ],
  // The engine serves the maintenance work orders' checklists (the same templates and runs).
  exports: [ChecklistGateService, ChecklistEngineService],
})
export class ChecklistsModule {}
