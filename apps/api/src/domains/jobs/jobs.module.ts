import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import { ChecklistsModule } from '../checklists/checklists.module.js';
import { OeeModule } from '../oee/oee.module.js';
import { ProductionOrdersModule } from '../orders/production-orders.module.js';
import { JobAssignmentsController } from './job-assignments.controller.js';
import { JobAssignmentsRepository } from './job-assignments.repository.js';
import { JobAssignmentsService } from './job-assignments.service.js';

/**
 * Operators' job assignments on production orders. Asks the checklists domain's gate before a job
 * starts and starts the order through the orders domain's service (both one-way: neither knows of
 * jobs).
 */
@Module({
  imports: [
    AuditModule,
    ChecklistsModule,
    LineAccessModule,
    OeeModule,
    ProductionOrdersModule,
    RealtimeModule,
  ],
  controllers: [JobAssignmentsController],
  providers: [JobAssignmentsRepository, JobAssignmentsService],
  exports: [JobAssignmentsService],
})
export class JobsModule {}
