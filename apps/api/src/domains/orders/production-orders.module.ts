import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { RealtimeModule } from '../../platform/realtime/realtime.module.js';
import {
  LineScheduleController,
  ProductionOrdersController,
} from './production-orders.controller.js';
import { ProductionOrdersRepository } from './production-orders.repository.js';
import { ProductionOrdersService } from './production-orders.service.js';

/**
 * Production orders and the line schedule. Tells the line's rooms of every change through the
 * realtime outbox; the jobs domain assigns and starts work against these orders through the
 * exported service.
 */
@Module({
  imports: [AuditModule, LineAccessModule, RealtimeModule],
  controllers: [ProductionOrdersController, LineScheduleController],
  providers: [ProductionOrdersRepository, ProductionOrdersService],
  exports: [ProductionOrdersService],
})
export class ProductionOrdersModule {}
