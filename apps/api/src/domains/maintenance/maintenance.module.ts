import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { HealthModule } from '../../platform/health/health.module.js';
import { MetricsModule } from '../../platform/metrics/metrics.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import { AndonModule } from '../andon/andon.module.js';
import { ChecklistsModule } from '../checklists/checklists.module.js';
import { OeeModule } from '../oee/oee.module.js';
import { MaintenanceKpisController } from './maintenance-kpis.controller.js';
import { MaintenanceKpisRepository } from './maintenance-kpis.repository.js';
import { MaintenanceKpisService } from './maintenance-kpis.service.js';
import { MaintenancePlansController } from './maintenance-plans.controller.js';
import { MaintenancePlansRepository } from './maintenance-plans.repository.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';
import { MaintenanceSchedulerService } from './maintenance-scheduler.service.js';
import { WorkOrderChecklistsController } from './work-order-checklists.controller.js';
import { WorkOrderChecklistsRepository } from './work-order-checklists.repository.js';
import { WorkOrderChecklistsService } from './work-order-checklists.service.js';
import { WorkOrdersController } from './work-orders.controller.js';
import { WorkOrdersRepository } from './work-orders.repository.js';
import { WorkOrdersService } from './work-orders.service.js';

/**
 * Maintenance: work orders, preventive plans and their scheduler. It asks the andon service to
 * link a call to the work order opened from it (andon knows nothing of maintenance), and the OEE
 * service for the machines' meters. Work-order checklists reuse the checklist engine's templates
 * and runs (the checklists module knows nothing of maintenance).
 */
@Module({
  imports: [
    AuditModule,
    LineAccessModule,
    RealtimeModule,
    AndonModule,
    OeeModule,
    HealthModule,
    MetricsModule,
    ChecklistsModule,
  ],
  controllers: [
    WorkOrdersController,
    WorkOrderChecklistsController,
    MaintenancePlansController,
    MaintenanceKpisController,
  ],
  providers: [
    WorkOrdersRepository,
    WorkOrdersService,
    MaintenancePlansRepository,
    MaintenancePlansService,
    MaintenanceSchedulerService,
    MaintenanceKpisRepository,
    MaintenanceKpisService,
    WorkOrderChecklistsRepository,
    WorkOrderChecklistsService,
  ],
  exports: [WorkOrdersService],
})
export class MaintenanceModule {}
