import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { HealthModule } from '../../platform/health/health.module.js';
import { MetricsModule } from '../../platform/metrics/metrics.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import { AndonModule } from '../andon/andon.module.js';
import { OeeModule } from '../oee/oee.module.js';
import { MaintenanceKpisController } from './maintenance-kpis.controller.js';
import { MaintenanceKpisRepository } from './maintenance-kpis.repository.js';
import { MaintenanceKpisService } from './maintenance-kpis.service.js';
import { MaintenancePlansController } from './maintenance-plans.controller.js';
import { MaintenancePlansRepository } from './maintenance-plans.repository.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';
import { MaintenanceSchedulerService } from './maintenance-scheduler.service.js';
import { WorkOrdersController } from './work-orders.controller.js';
import { WorkOrdersRepository } from './work-orders.repository.js';
import { WorkOrdersService } from './work-orders.service.js';

/**
 * Maintenance: work orders, preventive plans and their scheduler. It asks the andon service to
 * link a call to the work order opened from it (andon knows nothing of maintenance), and the OEE
 * service for the machines' meters.
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
  ],
  controllers: [WorkOrdersController, MaintenancePlansController, MaintenanceKpisController],
  providers: [
    WorkOrdersRepository,
    WorkOrdersService,
    MaintenancePlansRepository,
    MaintenancePlansService,
    MaintenanceSchedulerService,
    MaintenanceKpisRepository,
    MaintenanceKpisService,
  ],
  exports: [WorkOrdersService],
})
export class MaintenanceModule {}
