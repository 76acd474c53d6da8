import { Module } from '@nestjs/common';
import { AndonModule } from '../andon/andon.module.js';
import { LineAccessModule } from '../andon/line-access/line-access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ChecklistsModule } from '../checklists/checklists.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { JobAssignmentsController } from './job-assignments.controller.js';
import { JobAssignmentsRepository } from './job-assignments.repository.js';
import { JobAssignmentsService } from './job-assignments.service.js';
import {
  LineScheduleController,
  ProductionOrdersController,
} from './production-orders.controller.js';
import { ProductionOrdersRepository } from './production-orders.repository.js';
import { ProductionOrdersService } from './production-orders.service.js';

/**
 * Production orders, the line schedule, and operators' job assignments. Shares the andon module's
 * clock (one server time for the whole app, movable in tests); asks the checklists module's gate
 * before a job starts (one-way: checklists know nothing of this module); tells the line's rooms of
 * every change through the realtime outbox.
 */
@Module({
  imports: [AuditModule, AndonModule, ChecklistsModule, LineAccessModule, RealtimeModule],
  controllers: [ProductionOrdersController, LineScheduleController, JobAssignmentsController],
  providers: [
    ProductionOrdersRepository,
    ProductionOrdersService,
    JobAssignmentsRepository,
    JobAssignmentsService,
  ],
  exports: [ProductionOrdersService],
})
export class ProductionOrdersModule {}
