import { Injectable } from '@nestjs/common';
import {
  type CreateProductionOrderInput,
  type LineSchedule,
  type LineScheduleQuery,
  type Paginated,
  PRODUCTION_ORDER_TRANSITIONS,
  type ProductionOrder,
  type ProductionOrderListQuery,
  type ProductionOrderStep,
  type SessionUser,
  type UpdateProductionOrderInput,
  toPage,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import {
  type KnownConstraint,
  PG_EXCLUSION_VIOLATION,
  PG_UNIQUE_VIOLATION,
  withConstraintErrors,
} from '../../platform/common/database-errors.js';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience } from '../../platform/realtime/rooms.js';
import {
  type OrderConflict,
  type OrderWindow,
  ProductionOrdersRepository,
} from './production-orders.repository.js';

const DAY_MS = 86_400_000;
const ENTITY_TYPE = 'production-order';

const PAST_TENSE: Record<ProductionOrderStep, string> = {
  release: 'released',
  start: 'started',
  complete: 'completed',
  cancel: 'cancelled',
};

/** The schedule's own rules, kept by the database against a race past the service's checks. */
const ORDER_CONSTRAINTS: readonly KnownConstraint[] = [
  {
    code: PG_EXCLUSION_VIOLATION,
    constraint: 'production_orders_no_overlap',
    error: () => conflictError(null),
  },
  {
    code: PG_UNIQUE_VIOLATION,
    constraint: 'production_orders_one_running_idx',
    error: () => new DomainException('LINE_BUSY', 'Another order is already running on this line'),
  },
];

function conflictError(conflict: OrderConflict | null): DomainException {
  const name = conflict
    ? `order ${conflict.reference ? `${conflict.reference} (${conflict.id})` : conflict.id}`
    : 'another order';
  const window = conflict
    ? ` planned ${conflict.plannedStart.toISOString()} to ${conflict.plannedEnd.toISOString()}`
    : '';
  const message = `Overlaps ${name}${window}`;
  return new DomainException('SCHEDULE_CONFLICT', `The line already has ${name}${window}`, [
    { path: 'plannedStart', message },
    { path: 'plannedEnd', message },
  ]);
}

/**
 * Production orders and the line schedule: planned → released → running → completed, or
 * cancelled. Orders of one line never overlap (unless cancelled) and a line runs one order at a
 * time; every change is audited in its transaction, and told to the line's rooms
 * (`production.order.changed`) through the outbox in the same transaction.
 */
@Injectable()
export class ProductionOrdersService {
  constructor(
    private readonly orders: ProductionOrdersRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    private readonly lineAccess: LineAccessService,
  ) {}

  async create(input: CreateProductionOrderInput, actor: SessionUser): Promise<ProductionOrder> {
    const scope = await this.lineAccess.scopeOf(actor);
    return this.write(async (manager) => {
      const found = await this.orders.references(manager, input.lineId, input.productId);
      // Another line's order is refused before anything else is said about the body.
      if (found.line) scope.assert(input.lineId, 'This order');
      const missing = [
        ...(found.line ? [] : [{ path: 'lineId', message: 'Does not exist' }]),
        ...(found.product ? [] : [{ path: 'productId', message: 'Does not exist' }]),
      ];
      if (missing.length > 0) {
        throw new DomainException(
          'INVALID_REFERENCE',
          `Unknown ${missing.map((m) => m.path).join(', ')}`,
          missing,
        );
      }
      await this.orders.lockLine(manager, input.lineId);
      await this.assertSlotFree(manager, input, null);
      const id = await this.orders.insert(manager, {
        lineId: input.lineId,
        productId: input.productId,
        quantity: input.quantity,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        reference: input.reference ?? null,
        createdBy: actor.id,
      });
      const after = await this.mustGet(id, manager);
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.created`,
        entityType: ENTITY_TYPE,
        entityId: id,
        after,
      });
      await this.notifyChanged(manager, after);
      return after;
    });
  }

  /** Changes a planned order; released and later orders are changed only by their lifecycle. */
  async update(
    id: string,
    input: UpdateProductionOrderInput,
    actor: SessionUser,
  ): Promise<ProductionOrder> {
    const scope = await this.lineAccess.scopeOf(actor);
    return this.write(async (manager) => {
      const before = await this.orders.lock(manager, id);
      if (!before) throw notFound('Production order', id);
      scope.assert(before.lineId, 'This order');
      if (before.status !== 'planned') {
        throw new DomainException(
          'INVALID_TRANSITION',
          `Only a planned order can be changed; this one is ${before.status}`,
        );
      }
      const fields = {
        productId: input.productId ?? before.productId,
        quantity: input.quantity ?? before.quantity,
        plannedStart: input.plannedStart ?? before.plannedStart,
        plannedEnd: input.plannedEnd ?? before.plannedEnd,
        reference: input.reference === undefined ? before.reference : input.reference,
      };
      if (Date.parse(fields.plannedEnd) <= Date.parse(fields.plannedStart)) {
        throw new FieldValidationException([
          { path: 'plannedEnd', message: 'Must be after plannedStart' },
        ]);
      }
      if (fields.productId !== before.productId) {
        const found = await this.orders.references(manager, before.lineId, fields.productId);
        if (!found.product) {
          throw new DomainException('INVALID_REFERENCE', 'Unknown productId', [
            { path: 'productId', message: 'Does not exist' },
          ]);
        }
      }
      await this.orders.lockLine(manager, before.lineId);
      await this.assertSlotFree(manager, { ...fields, lineId: before.lineId }, id);
      await this.orders.update(manager, id, fields);
      const after = await this.mustGet(id, manager);
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.updated`,
        entityType: ENTITY_TYPE,
        entityId: id,
        before,
        after,
      });
      await this.notifyChanged(manager, after);
      return after;
    });
  }

  async transition(
    id: string,
    step: ProductionOrderStep,
    actor: SessionUser,
    cancelReason?: string,
  ): Promise<ProductionOrder> {
    const scope = await this.lineAccess.scopeOf(actor);
    return this.write(async (manager) => {
      const order = await this.orders.lock(manager, id);
      if (!order) throw notFound('Production order', id);
      scope.assert(order.lineId, 'This order');
      return this.applyStep(manager, order, step, actor, cancelReason);
    });
  }

  /**
   * The order, locked for the caller's transaction (a job is assigned or started against it). Not
   * scoped: the caller checks the order's line against its own caller's scope.
   */
  lock(manager: EntityManager, id: string): Promise<ProductionOrder | null> {
    return this.orders.lock(manager, id);
  }

  /**
   * One lifecycle step of a locked order, inside the caller's transaction (a job's start also
   * starts its released order). Stamps the server's time on start and on the end of a started order.
   */
  async applyStep(
    manager: EntityManager,
    order: ProductionOrder,
    step: ProductionOrderStep,
    actor: SessionUser,
    cancelReason?: string,
  ): Promise<ProductionOrder> {
    const rule = PRODUCTION_ORDER_TRANSITIONS[step];
    if (!rule.from.includes(order.status)) {
      throw new DomainException(
        'INVALID_TRANSITION',
        `Cannot ${step} an order that is ${order.status}`,
      );
    }
    const now = this.clock.now();
    switch (step) {
      case 'release':
        await this.orders.setStatus(manager, order.id, rule.to, {});
        break;
      case 'start': {
        await this.orders.lockLine(manager, order.lineId);
        const running = await this.orders.runningOnLine(manager, order.lineId);
        if (running) {
          throw new DomainException(
            'LINE_BUSY',
            `Order ${running.id} is already running on this line; complete or cancel it first`,
          );
        }
        await this.orders.setStatus(manager, order.id, rule.to, { actualStart: now });
        break;
      }
      case 'complete':
        await this.orders.setStatus(manager, order.id, rule.to, {
          actualEnd: this.notBefore(order.actualStart, now),
        });
        break;
      case 'cancel':
        await this.orders.setStatus(manager, order.id, rule.to, {
          ...(order.status === 'running'
            ? { actualEnd: this.notBefore(order.actualStart, now) }
            : {}),
          cancelReason: cancelReason || null,
        });
        break;
    }
    const after = await this.mustGet(order.id, manager);
    await this.audit.record(manager, {
      actor,
      action: `${ENTITY_TYPE}.${PAST_TENSE[step]}`,
      entityType: ENTITY_TYPE,
      entityId: order.id,
      before: order,
      after,
    });
    await this.notifyChanged(manager, after);
    return after;
  }

  /**
   * Appends `production.order.changed` for the order's line, in the caller's transaction; the
   * caller kicks the dispatcher after its commit.
   */
  private async notifyChanged(manager: EntityManager, order: ProductionOrder): Promise<void> {
    await this.outbox.append(manager, {
      event: 'production.order.changed',
      payload: {
        id: order.id,
        lineId: order.lineId,
        status: order.status,
        at: this.clock.now().toISOString(),
      },
      rooms: lineAudience(order.lineId),
    });
  }

  /** 403 for an order on a line the user is not assigned to. */
  async get(id: string, user: SessionUser): Promise<ProductionOrder> {
    const order = await this.mustGet(id);
    (await this.lineAccess.scopeOf(user)).assert(order.lineId, 'This order');
    return order;
  }

  /**
   * Only the orders of the lines the user may see; `lineId` of another line is refused (403), not
   * answered with an empty page.
   */
  async list(
    query: ProductionOrderListQuery,
    user: SessionUser,
  ): Promise<Paginated<ProductionOrder>> {
    const scope = await this.lineAccess.scopeOf(user);
    const [items, total] = await this.orders.list(
      {
        lineIds: scope.narrow(query.lineId),
        statuses: query.status,
        from: query.from,
        to: query.to,
        includeCancelled: true,
      },
      query.page,
      query.pageSize,
    );
    return toPage(items, total, query);
  }

  /** The line's orders whose planned window meets `[from, to)`, in time order. */
  async schedule(
    lineId: string,
    query: LineScheduleQuery,
    user: SessionUser,
  ): Promise<LineSchedule> {
    if (!(await this.orders.lineExists(lineId))) throw notFound('Line', lineId);
    (await this.lineAccess.scopeOf(user)).assert(lineId, 'This schedule');
    const now = this.clock.now().getTime();
    const from = query.from ?? new Date(now - DAY_MS).toISOString();
    const to = query.to ?? new Date(Math.max(now, Date.parse(from)) + 7 * DAY_MS).toISOString();
    if (Date.parse(to) <= Date.parse(from)) {
      throw new FieldValidationException([{ path: 'to', message: 'Must be after from' }]);
    }
    const [items, total] = await this.orders.list(
      { lineId, from, to, includeCancelled: query.includeCancelled === 'true' },
      query.page,
      query.pageSize,
    );
    return {
      lineId,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      ...toPage(items, total, query),
    };
  }

  private async assertSlotFree(
    manager: EntityManager,
    window: OrderWindow,
    exceptId: string | null,
  ): Promise<void> {
    const conflict = await this.orders.findOverlap(manager, window, exceptId);
    if (conflict) throw conflictError(conflict);
  }

  private async mustGet(id: string, manager?: EntityManager): Promise<ProductionOrder> {
    const order = await this.orders.get(id, manager);
    if (!order) throw notFound('Production order', id);
    return order;
  }

  private notBefore(start: string | null, now: Date): Date {
    return start !== null && now.getTime() < Date.parse(start) ? new Date(start) : now;
  }

  /**
   * A transaction whose constraint violations (a race past the checks) become clear 4xx answers;
   * its outbox events are published once it has committed.
   */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await withConstraintErrors(() => this.orders.transaction(work), {
      what: 'Production order',
      known: ORDER_CONSTRAINTS,
    });
    this.dispatcher.kick();
    return result;
  }
}
