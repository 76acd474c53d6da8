import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AndonPolicy,
  type CreateAndonPolicyInput,
  OPEN_WORK_ORDER_TYPE_MESSAGE,
  type Paginated,
  type PaginationQuery,
  type SessionUser,
  type UpdateAndonPolicyInput,
} from '@ms5/contracts';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuditedCrud } from '../../platform/audit/audited-crud.js';
import {
  type CrudPort,
  type Queryable,
  lineScoped,
} from '../../platform/common/crud-controller.factory.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import type { LineScope } from '../../platform/line-access/line-scope.js';
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
    openWorkOrderAt: entity.openWorkOrderAt,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/**
 * Escalation policies as data, set by engineers: per priority (optionally narrowed by type or
 * line) a ladder of levels. A call takes the most specific enabled policy when it is raised; later
 * edits apply to calls raised afterwards.
 *
 * Line scope: a policy of a line belongs to that line; a policy of no line applies to every line
 * (plant-wide: readable by all, since it governs their calls too; changed only by a user of every
 * line). A line-limited user lists their lines' policies and the plant-wide ones.
 *
 * `openWorkOrderAt` makes a maintenance call under the policy, of that priority or higher, open a
 * corrective work order as it is raised (see `AndonService.raiseWithin`).
 */
@Injectable()
export class AndonPoliciesService implements CrudPort<
  AndonPolicy,
  CreateAndonPolicyInput,
  UpdateAndonPolicyInput,
  PaginationQuery
> {
  private readonly port: CrudPort<
    AndonPolicy,
    CreateAndonPolicyInput,
    UpdateAndonPolicyInput,
    PaginationQuery
  >;

  constructor(@InjectDataSource() dataSource: DataSource, audit: AuditService) {
    const crud = new AuditedCrud<AndonPolicyEntity, AndonPolicy>(dataSource, audit, {
      entity: AndonPolicyEntity,
      entityType: 'andon_policy',
      label: 'Andon escalation policy',
      toDto: toPolicy,
      order: { priority: 'ASC', name: 'ASC' },
    });
    /** The line, when it exists (an unknown one is left to the foreign key: 400 naming it). */
    const existing = async (db: Queryable, lineId: string): Promise<string[]> =>
      (await db.query<Array<{ id: string }>>('SELECT id FROM lines WHERE id = $1', [lineId])).map(
        (row) => row.id,
      );
    this.port = lineScoped<
      AndonPolicy,
      CreateAndonPolicyInput,
      UpdateAndonPolicyInput,
      PaginationQuery
    >(
      {
        db: dataSource,
        list: (query, lineIds) =>
          crud.list(query, lineIds ? [{ lineId: In([...lineIds]) }, { lineId: IsNull() }] : {}),
        get: (id) => crud.get(id),
        create: (input, actor) =>
          crud.create(
            {
              name: input.name,
              priority: input.priority,
              type: input.type ?? null,
              lineId: input.lineId ?? null,
              enabled: input.enabled,
              levels: input.levels,
              openWorkOrderAt: input.openWorkOrderAt,
            },
            actor,
          ),
        update: (id, actor, check) =>
          crud.update(
            id,
            async (current, before, manager) => {
              const input = await check(before, manager);
              if (input.name !== undefined) current.name = input.name;
              if (input.priority !== undefined) current.priority = input.priority;
              if (input.type !== undefined) current.type = input.type;
              if (input.lineId !== undefined) current.lineId = input.lineId;
              if (input.enabled !== undefined) current.enabled = input.enabled;
              if (input.levels !== undefined) current.levels = input.levels;
              if (input.openWorkOrderAt !== undefined) {
                current.openWorkOrderAt = input.openWorkOrderAt;
              }
              // Checked on the result: a patch of the type alone may leave the setting stranded.
              if (
                current.openWorkOrderAt !== null &&
                current.type !== null &&
                current.type !== 'maintenance'
              ) {
                throw new FieldValidationException([
                  { path: 'openWorkOrderAt', message: OPEN_WORK_ORDER_TYPE_MESSAGE },
                ]);
              }
            },
            actor,
          ),
        remove: (id, actor, check) => crud.remove(id, actor, check),
      },
      {
        subject: 'This escalation policy',
        lineOf: (policy) => (policy.lineId ? [policy.lineId] : 'plant'),
        linesOfCreate: (input, db) => (input.lineId ? existing(db, input.lineId) : 'plant'),
        // Moved to another line, or made plant-wide (`lineId: null`).
        linesOfPatch: (input, _before, db) =>
          input.lineId === undefined
            ? []
            : input.lineId === null
              ? 'plant'
              : existing(db, input.lineId),
        listFilter: () => undefined,
      },
    );
  }

  list(query: PaginationQuery, scope: LineScope): Promise<Paginated<AndonPolicy>> {
    return this.port.list(query, scope);
  }

  get(id: string, scope: LineScope): Promise<AndonPolicy> {
    return this.port.get(id, scope);
  }

  create(
    input: CreateAndonPolicyInput,
    actor: SessionUser,
    scope: LineScope,
  ): Promise<AndonPolicy> {
    return this.port.create(input, actor, scope);
  }

  update(
    id: string,
    input: UpdateAndonPolicyInput,
    actor: SessionUser,
    scope: LineScope,
  ): Promise<AndonPolicy> {
    return this.port.update(id, input, actor, scope);
  }

  remove(id: string, actor: SessionUser, scope: LineScope): Promise<void> {
    return this.port.remove(id, actor, scope);
  }
}
