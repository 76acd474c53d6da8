import type { Paginated, PaginationQuery, SessionUser } from '@ms5/contracts';
import { toPage } from '@ms5/contracts';
import type {
  DataSource,
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindOptionsOrder,
  FindOptionsRelations,
  FindOptionsWhere,
  ObjectLiteral,
} from 'typeorm';
import type { AuditService } from './audit.service.js';
import { withConstraintErrors } from '../common/database-errors.js';
import { notFound } from '../common/domain.exception.js';

export interface AuditedCrudOptions<E, D> {
  entity: EntityTarget<E>;
  /** The audit log's entity type, and the word used in messages. */
  entityType: string;
  label: string;
  toDto: (entity: E) => D;
  order: FindOptionsOrder<E>;
  relations?: FindOptionsRelations<E>;
}

/**
 * Create, read, update and delete for configuration data: paginated lists, 404s, constraint
 * violations turned into field errors, and every change written to the audit log in the same
 * transaction.
 */
export class AuditedCrud<E extends ObjectLiteral & { id: string }, D extends object> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly options: AuditedCrudOptions<E, D>,
  ) {}

  async list(
    query: PaginationQuery,
    where: FindOptionsWhere<E> | FindOptionsWhere<E>[] = {},
  ): Promise<Paginated<D>> {
    // An empty alternative list would match every row in TypeORM: no alternative, no row.
    if (Array.isArray(where) && where.length === 0) return toPage([], 0, query);
    const [rows, total] = await this.dataSource.getRepository(this.options.entity).findAndCount({
      where,
      order: this.options.order,
      relations: this.options.relations,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return toPage(rows.map(this.options.toDto), total, query);
  }

  async get(id: string): Promise<D> {
    return this.options.toDto(await this.find(id));
  }

  async find(id: string): Promise<E> {
    const found = await this.dataSource
      .getRepository(this.options.entity)
      .findOne({ where: { id } as FindOptionsWhere<E>, relations: this.options.relations });
    if (!found) throw notFound(this.options.label, id);
    return found;
  }

  async create(values: DeepPartial<E>, actor: SessionUser): Promise<D> {
    return this.write('write', async (manager) => {
      const saved = await manager.save(
        this.options.entity,
        manager.create(this.options.entity, values),
      );
      const dto = this.options.toDto(
        await manager.findOneOrFail(this.options.entity, {
          where: { id: saved.id } as FindOptionsWhere<E>,
          relations: this.options.relations,
        }),
      );
      await this.audit.record(manager, {
        actor,
        action: `${this.options.entityType}.created`,
        entityType: this.options.entityType,
        entityId: saved.id,
        after: dto as Record<string, unknown>,
      });
      return dto;
    });
  }

  /**
   * `apply` changes the locked row in the transaction; it sees the row as it was (`before`) and
   * may refuse the change by throwing (nothing is written then).
   */
  async update(
    id: string,
    apply: (current: E, before: D, manager: EntityManager) => void | Promise<void>,
    actor: SessionUser,
  ): Promise<D> {
    return this.write('write', async (manager) => {
      const current = await manager.findOne(this.options.entity, {
        where: { id } as FindOptionsWhere<E>,
        relations: this.options.relations,
        lock: this.options.relations ? undefined : { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound(this.options.label, id);
      const before = this.options.toDto(current);
      await apply(current, before, manager);
      await manager.save(this.options.entity, current);
      const after = this.options.toDto(
        await manager.findOneOrFail(this.options.entity, {
          where: { id } as FindOptionsWhere<E>,
          relations: this.options.relations,
        }),
      );
      await this.audit.record(manager, {
        actor,
        action: `${this.options.entityType}.updated`,
        entityType: this.options.entityType,
        entityId: id,
        before: before as Record<string, unknown>,
        after: after as Record<string, unknown>,
      });
      return after;
    });
  }

  /** `check` sees the row before it is deleted, in the transaction, and may refuse by throwing. */
  async remove(
    id: string,
    actor: SessionUser,
    check?: (before: D, manager: EntityManager) => void | Promise<void>,
  ): Promise<void> {
    await this.write('delete', async (manager) => {
      const current = await manager.findOne(this.options.entity, {
        where: { id } as FindOptionsWhere<E>,
        relations: this.options.relations,
        lock: this.options.relations ? undefined : { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound(this.options.label, id);
      await check?.(this.options.toDto(current), manager);
      await manager.delete(this.options.entity, { id });
      await this.audit.record(manager, {
        actor,
        action: `${this.options.entityType}.deleted`,
        entityType: this.options.entityType,
        entityId: id,
        before: this.options.toDto(current) as Record<string, unknown>,
      });
    });
  }

  private async write<T>(
    operation: 'write' | 'delete',
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return withConstraintErrors(() => this.dataSource.transaction(work), {
      what: this.options.label,
      operation,
    });
  }
}
