import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { OeeModule } from '../oee/oee.module.js';
import { DowntimeController } from './downtime.controller.js';
import { DowntimeRepository } from './downtime.repository.js';
import { DowntimeService } from './downtime.service.js';

@Module({
  imports: [OeeModule, AuditModule, LineAccessModule],
  controllers: [DowntimeController],
  providers: [DowntimeService, DowntimeRepository],
  exports: [DowntimeService],
})
export class DowntimeModule {}
