import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PLANT_CONTROLLERS } from './plant.controllers.js';
import { PLANT_PROVIDERS, PLANT_TOKENS } from './plant-resources.js';

@Module({
  imports: [AuditModule],
  controllers: PLANT_CONTROLLERS,
  providers: PLANT_PROVIDERS,
  exports: Object.values(PLANT_TOKENS),
})
export class PlantModule {}
