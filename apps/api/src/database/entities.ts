import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every TypeORM entity; the schema itself is owned by migrations/. */
export const ENTITIES = [UserEntity, RefreshTokenEntity, AuditEntryEntity];
