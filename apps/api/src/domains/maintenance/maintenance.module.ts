import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import { AndonModule } from '../andon/andon.module.js';
import { WorkOrdersController } from './work-orders.controller.js';
import { WorkOrdersRepository } from './work-orders.repository.js';
import { WorkOrdersService } from './work-orders.service.js';

/**
 * Maintenance work orders. It asks the andon service to link a call to the work order opened from
 * it; andon knows nothing of maintenance (the call's `work_order_id` is written from here).
 */
@Module({
  imports: [AuditModule, LineAccessModule, RealtimeModule, AndonModule],
  controllers: [WorkOrdersController],
  providers: [WorkOrdersRepository, WorkOrdersService],
  exports: [WorkOrdersService],
})
export class MaintenanceModule {}
