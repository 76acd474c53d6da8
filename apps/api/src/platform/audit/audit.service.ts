import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AuditEntry,
  type AuditListQuery,
  type Paginated,
  type SessionUser,
  toPage,
} from '@ms5/contracts';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditRecord {
  actor: Pick<SessionUser, 'id' | 'username'> | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Who changed what. Written in the same transaction as the change it describes. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const row = manager.create(AuditEntryEntity, {
      actorId: entry.actor?.id ?? null,
      actorUsername: entry.actor?.username ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
    await manager.save(AuditEntryEntity, row);
  }

  async list(query: AuditListQuery): Promise<Paginated<AuditEntry>> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    if (query.actorId) where.actorId = query.actorId;
    const [rows, total] = await this.dataSource.getRepository(AuditEntryEntity).findAndCount({
      where,
      order: { at: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return toPage(rows.map(toAuditEntry), total, query);
  }
}

function toAuditEntry(row: AuditEntryEntity): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  };
}
