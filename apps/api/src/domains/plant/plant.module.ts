import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../platform/audit/audit.module.js';
import { LineAccessModule } from '../../platform/line-access/line-access.module.js';
import { OeeModule } from '../oee/oee.module.js';
import { AreaEntity } from './entities/area.entity.js';
import { DowntimeReasonEntity } from './entities/downtime-reason.entity.js';
import { EquipmentEntity } from './entities/equipment.entity.js';
import { LineEntity } from './entities/line.entity.js';
import { PlannedStopEntity } from './entities/planned-stop.entity.js';
import { ProductCycleTimeEntity } from './entities/product-cycle-time.entity.js';
import { ProductEntity } from './entities/product.entity.js';
import { ShiftEntity } from './entities/shift.entity.js';
import { SiteEntity } from './entities/site.entity.js';
import { PLANT_CONTROLLERS } from './plant.controllers.js';
import { PLANT_PROVIDERS, PLANT_TOKENS } from './plant-resources.js';

/**
 * The plant model (sites, areas, lines, equipment, products, shifts, planned stops, downtime
 * reasons) as audited CRUD. A change of planned time queues the OEE roll-ups it affects.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SiteEntity,
      AreaEntity,
      LineEntity,
      EquipmentEntity,
      ProductEntity,
      ProductCycleTimeEntity,
      ShiftEntity,
      PlannedStopEntity,
      DowntimeReasonEntity,
    ]),
    AuditModule,
    LineAccessModule, // each request's line scope (see `lineScoped`)
    OeeModule,
  ],
  controllers: PLANT_CONTROLLERS,
  providers: PLANT_PROVIDERS,
  exports: Object.values(PLANT_TOKENS),
})
export class PlantModule {}
