import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LineAccessController } from './line-access.controller.js';
import { LineAccessRepository } from './line-access.repository.js';
import { LineAccessService } from './line-access.service.js';

/** Users' line assignments; used by the andon rules and by the realtime gateway's rooms. */
@Module({
  imports: [AuditModule],
  controllers: [LineAccessController],
  providers: [LineAccessRepository, LineAccessService],
  exports: [LineAccessService],
})
export class LineAccessModule {}
