import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AndonPolicy,
  CreateAndonPolicyInput,
  Paginated,
  PaginationQuery,
  SessionUser,
  UpdateAndonPolicyInput,
} from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuditedCrud } from '../../platform/audit/audited-crud.js';
import type { CrudPort } from '../../platform/common/crud-controller.factory.js';
import { AndonPolicyEntity } from './entities/andon-policy.entity.js';

export const ANDON_POLICIES_SERVICE = 'AndonPoliciesService';

function toPolicy(entity: AndonPolicyEntity): AndonPolicy {
  return {
    id: entity.id,
    name: entity.name,
    priority: entity.priority,
    type: entity.type,
    lineId: entity.lineId,
    enabled: entity.enabled,
    levels: entity.levels.map((level, index) => ({ level: index + 1, ...level })),
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/**
 * Escalation policies as data, set by engineers: per priority (optionally narrowed by type or
 * line) a ladder of levels. A call takes the most specific enabled policy when it is raised; later
 * edits apply to calls raised afterwards.
 */
@Injectable()
export class AndonPoliciesService implements CrudPort<
  AndonPolicy,
  CreateAndonPolicyInput,
  UpdateAndonPolicyInput,
  PaginationQuery
> {
  private readonly crud: AuditedCrud<AndonPolicyEntity, AndonPolicy>;

  constructor(@InjectDataSource() dataSource: DataSource, audit: AuditService) {
    this.crud = new AuditedCrud(dataSource, audit, {
      entity: AndonPolicyEntity,
      entityType: 'andon_policy',
      label: 'Andon escalation policy',
      toDto: toPolicy,
      order: { priority: 'ASC', name: 'ASC' },
    });
  }

  list(query: PaginationQuery): Promise<Paginated<AndonPolicy>> {
    return this.crud.list(query);
  }

  get(id: string): Promise<AndonPolicy> {
    return this.crud.get(id);
  }

  create(input: CreateAndonPolicyInput, actor: SessionUser): Promise<AndonPolicy> {
    return this.crud.create(
      {
        name: input.name,
        priority: input.priority,
        type: input.type ?? null,
        lineId: input.lineId ?? null,
        enabled: input.enabled,
        levels: input.levels,
      },
      actor,
    );
  }

  update(id: string, input: UpdateAndonPolicyInput, actor: SessionUser): Promise<AndonPolicy> {
    return this.crud.update(
      id,
      (current) => {
        if (input.name !== undefined) current.name = input.name;
        if (input.priority !== undefined) current.priority = input.priority;
        if (input.type !== undefined) current.type = input.type;
        if (input.lineId !== undefined) current.lineId = input.lineId;
        if (input.enabled !== undefined) current.enabled = input.enabled;
        if (input.levels !== undefined) current.levels = input.levels;
      },
      actor,
    );
  }

  remove(id: string, actor: SessionUser): Promise<void> {
    return this.crud.remove(id, actor);
  }
}
