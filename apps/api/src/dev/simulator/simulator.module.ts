import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { AuthModule } from '../../platform/auth/auth.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { UsersModule } from '../../platform/users/users.module.js';
import { SimulatorController } from './simulator.controller.js';
import { SimulatorDriver } from './simulator.driver.js';
import { SimulatorRunsRepository } from './simulator-runs.repository.js';
import { SimulatorService } from './simulator.service.js';

/** The line simulator: a client of the public ingestion and andon routes, with its control. */
@Module({
  imports: [AuditModule, AuthModule, LineAccessModule, UsersModule],
  controllers: [SimulatorController],
  providers: [SimulatorRunsRepository, SimulatorDriver, SimulatorService],
  exports: [SimulatorService, SimulatorDriver],
})
export class SimulatorModule {}
