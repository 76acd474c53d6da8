import { Module } from '@nestjs/common';
import { AndonModule } from '../andon/andon.module.js';
import { AuditModule } from '../audit/audit.module.js';
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
 * clock (one server time for the whole app, movable in tests).
 */
@Module({
  imports: [AuditModule, AndonModule],
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
