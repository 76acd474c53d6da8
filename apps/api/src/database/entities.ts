import { AndonPolicyEntity } from '../andon/entities/andon-policy.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { AreaEntity } from '../plant/entities/area.entity.js';
import { DowntimeReasonEntity } from '../plant/entities/downtime-reason.entity.js';
import { EquipmentEntity } from '../plant/entities/equipment.entity.js';
import { LineEntity } from '../plant/entities/line.entity.js';
import { PlannedStopEntity } from '../plant/entities/planned-stop.entity.js';
import { ProductCycleTimeEntity } from '../plant/entities/product-cycle-time.entity.js';
import { ProductEntity } from '../plant/entities/product.entity.js';
import { ShiftEntity } from '../plant/entities/shift.entity.js';
import { SiteEntity } from '../plant/entities/site.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every TypeORM entity; the schema itself is owned by migrations/. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  AuditEntryEntity,
  SiteEntity,
  AreaEntity,
  LineEntity,
  EquipmentEntity,
  ProductEntity,
  ProductCycleTimeEntity,
  ShiftEntity,
  PlannedStopEntity,
  DowntimeReasonEntity,
  AndonPolicyEntity,
];
