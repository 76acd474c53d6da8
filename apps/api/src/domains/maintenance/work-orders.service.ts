import { ForbiddenException, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type AddWorkOrderLabourInput,
  type AddWorkOrderPartInput,
  type AssignWorkOrderInput,
  type CancelWorkOrderInput,
  type CompleteWorkOrderInput,
  type CreateWorkOrderInput,
  type FieldError,
  type HoldWorkOrderInput,
  type Paginated,
  ROLES,
  type Role,
  type SessionUser,
  type WorkOrder,
  type WorkOrderAssigneeCandidate,
  type WorkOrderAssigneeListQuery,
  type WorkOrderListQuery,
  type WorkOrderPriority,
  type WorkOrderStatus,
  type WorkOrderSummary,
  hasPermission,
  toPage,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import {
  PG_UNIQUE_VIOLATION,
  withConstraintErrors,
} from '../../platform/common/database-errors.js';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience } from '../../platform/realtime/rooms.js';
import { AndonService, type CallNeedingWorkOrder } from '../andon/andon.service.js';
import { ChecklistEngineService } from '../checklists/checklist-engine.service.js';
import { workOrderChecklistStatus } from './work-order-checklist.js';
import { type WorkOrderStep, labourMinutes, transition } from './work-order-lifecycle.js';
import {
  type LockedWorkOrder,
  type StepChange,
  WorkOrdersRepository,
} from './work-orders.repository.js';

const ENTITY_TYPE = 'work-order';
const SUBJECT = 'This work order';
/** Past tense of each step, for the audit log (`work-order.started`). */
const AUDIT_ACTION: Record<WorkOrderStep, string> = {
  assign: 'assigned',
  start: 'started',
  hold: 'held',
  resume: 'resumed',
  complete: 'completed',
  cancel: 'cancelled',
};

/** The roles whose users may work maintenance orders (and so be assigned them). */
const EXECUTING_ROLES: readonly Role[] = ROLES.filter((role) =>
  hasPermission(role, 'maintenance:execute'),
);

const invalidReference = (path: string, message: string) =>
  new DomainException('INVALID_REFERENCE', `Invalid ${path}`, [{ path, message }]);

/** What a step writes besides the status, decided once the order is locked and checked. */
interface StepPlan {
  change?: Omit<StepChange, 'status' | 'at' | 'by'>;
  reason?: string | null;
  /** Runs in the step's transaction before the status changes (assignees). */
  write?: (manager: EntityManager, at: Date) => Promise<void>;
}

/** A follow-up opened from a failed checklist item of another work order. */
export interface FollowUpLink {
  followUpOf: string;
  followUpItemId: string;
}

/**
 * Maintenance work orders: opened from a request, an andon call or a stop, assigned, worked
 * (`open → assigned → in_progress ⇄ on_hold → completed`, `cancelled` from anything not
 * finished), with labour and parts. Every change is stamped with the server's time and its actor,
 * written to the step history and the audit log, and announced as
 * `maintenance.workorder.changed` through the outbox, all in one transaction.
 */
@Injectable()
export class WorkOrdersService implements OnModuleInit {
  constructor(
    private readonly workOrders: WorkOrdersRepository,
    private readonly andon: AndonService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly lineAccess: LineAccessService,
    private readonly clock: Clock,
    private readonly checklists: ChecklistEngineService,
  ) {}

  /** Lets a raise under a policy with `openWorkOrderAt` open its work order (`createForCall`). */
  onModuleInit(): void {
    this.andon.useWorkOrderOpener((manager, call, actor) =>
      this.createForCall(manager, call, actor),
    );
  }

  async create(
    input: CreateWorkOrderInput,
    actor: SessionUser,
    followUp: FollowUpLink | null = null,
  ): Promise<WorkOrder> {
    // A request (`maintenance:request`) is corrective: planned work is for planners.
    if (input.type !== 'corrective' && !hasPermission(actor.role, 'maintenance:plan')) {
      throw new ForbiddenException(
        `Your role (${actor.role}) may request corrective work orders only`,
      );
    }
    const equipment = await this.workOrders.equipment(input.equipmentId);
    if (!equipment) throw invalidReference('equipmentId', 'Does not exist');
    await this.lineAccess.assertCanSee(actor, equipment.lineId, 'This equipment');
    if (input.failureReasonId && !(await this.workOrders.reasonIdExists(input.failureReasonId))) {
      throw invalidReference('failureReasonId', 'Unknown downtime reason');
    }
    const checklist = await this.checklistOf(input, equipment.lineId);
    const now = this.clock.now();
    const id = await withConstraintErrors(
      () =>
        this.workOrders.transaction((manager) =>
          this.createWithin(manager, input, equipment, actor, now, { checklist, followUp }),
        ),
      {
        // Two people turning the same andon call into a work order at once: the second is told.
        known: [
          {
            code: PG_UNIQUE_VIOLATION,
            constraint: 'work_orders_andon_call_uq',
            error: () => alreadyOpened(null),
          },
          {
            // Two follow-ups of one failed item at once: the second is told.
            code: PG_UNIQUE_VIOLATION,
            constraint: 'work_orders_follow_up_item_uq',
            error: () => followUpExists(),
          },
        ],
      },
    );
    this.dispatcher.kick();
    return this.view(id);
  }

  /**
   * The work order of a call just raised under a policy with `openWorkOrderAt`, in the raise's
   * transaction, by the raiser: a corrective order as `POST /api/work-orders {andonCallId}` would
   * make it (the call links to it; the audit entry says it came from the policy). The call is new,
   * so no other order can claim it; `work_orders_andon_call_uq` would refuse a second anyway.
   */
  async createForCall(
    manager: EntityManager,
    call: CallNeedingWorkOrder,
    actor: SessionUser,
  ): Promise<string> {
    const text = call.description?.trim() ?? '';
    return this.createWithin(
      manager,
      {
        equipmentId: call.equipmentId,
        type: 'corrective',
        priority: call.priority,
        title: text ? text.slice(0, 200) : `Maintenance call at ${call.equipmentCode}`,
        description: text.length > 200 ? text : undefined,
        andonCallId: call.id,
      },
      { id: call.equipmentId, lineId: call.lineId },
      actor,
      this.clock.now(),
      { via: { via: 'andon-policy' } },
    );
  }

  /** Writes a checked creation: the call's lock and link, the order, its history, audit, event. */
  private async createWithin(
    manager: EntityManager,
    input: CreateWorkOrderInput,
    equipment: { id: string; lineId: string },
    actor: SessionUser,
    now: Date,
    extras: {
      checklist?: { checklistTemplateId: string | null; checklistRequired: boolean };
      followUp?: FollowUpLink | null;
      /** Said in the audit entry beside the order (e.g. that a policy opened it). */
      via?: Record<string, unknown>;
    } = {},
  ): Promise<string> {
    const { checklist, followUp, via } = extras;
    const downtimeEventId =
      input.downtimeEventId === undefined ? null : String(input.downtimeEventId);
    /** The stop whose reason the order carries: the one named, else the call's. */
    let reasonStopId = downtimeEventId;
    if (input.andonCallId) {
      const call = await this.andon.lockForWorkOrder(manager, input.andonCallId);
      if (!call) throw invalidReference('andonCallId', 'Does not exist');
      if (call.type !== 'maintenance') {
        throw invalidReference('andonCallId', `A ${call.type} call, not a maintenance call`);
      }
      if (call.lineId !== equipment.lineId) {
        throw invalidReference('andonCallId', "The call is on another line than the equipment's");
      }
      if (call.workOrderId !== null) throw alreadyOpened(call.workOrderId);
      // The stop the call opened counts for the order through the call (see `stops`).
      reasonStopId ??= call.downtimeEventId;
    }
    let failureReasonId = input.failureReasonId ?? null;
    if (reasonStopId !== null) {
      const stop = await this.workOrders.stopEvent(reasonStopId, manager);
      if (downtimeEventId !== null) {
        const errors = stopErrors(stop, equipment.id);
        if (errors.length > 0) throw new FieldValidationException(errors);
      }
      if (stop?.reasonCode && failureReasonId === null) {
        failureReasonId = await this.workOrders.reasonIdByCode(stop.reasonCode, manager);
      }
    }
    const number = await this.workOrders.nextNumber(manager, now.getUTCFullYear());
    const workOrderId = await this.workOrders.insert(manager, number, {
      type: input.type,
      priority: input.priority,
      equipmentId: equipment.id,
      lineId: equipment.lineId,
      title: input.title,
      description: input.description || null,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      failureReasonId,
      andonCallId: input.andonCallId ?? null,
      downtimeEventId,
      planId: null,
      ...checklist,
      followUpOf: followUp?.followUpOf ?? null,
      followUpItemId: followUp?.followUpItemId ?? null,
      createdAt: now,
      createdBy: actor.id,
    });
    if (input.andonCallId) {
      await this.andon.linkWorkOrder(manager, input.andonCallId, workOrderId);
    }
    await this.workOrders.addHistory(manager, workOrderId, {
      action: 'create',
      from: null,
      to: 'open',
      at: now,
      by: actor.id,
      reason: null,
    });
    const after = await this.mustGetSummary(workOrderId, manager);
    await this.audit.record(manager, {
      actor,
      action: `${ENTITY_TYPE}.created`,
      entityType: ENTITY_TYPE,
      entityId: workOrderId,
      after: via ? { ...after, ...via } : { ...after },
    });
    await this.announce(manager, after, now);
    return workOrderId;
  }

  /**
   * A preventive plan's occurrence, in the scheduler's transaction (which holds the plan's row):
   * numbered, audited and announced like any creation. The caller kicks the dispatcher after
   * its commit. `work_orders_plan_occurrence_uq` makes a second one of an occurrence fail.
   */
  async createForPlan(
    manager: EntityManager,
    plan: {
      planId: string;
      occurrence: number;
      equipmentId: string;
      lineId: string;
      title: string;
      description: string | null;
      priority: WorkOrderPriority;
      dueAt: Date;
      trigger: string;
    },
    actor: SessionUser,
  ): Promise<string> {
    const now = this.clock.now();
    const number = await this.workOrders.nextNumber(manager, now.getUTCFullYear());
    const workOrderId = await this.workOrders.insert(manager, number, {
      type: 'preventive',
      priority: plan.priority,
      equipmentId: plan.equipmentId,
      lineId: plan.lineId,
      title: plan.title,
      description: plan.description,
      dueAt: plan.dueAt,
      failureReasonId: null,
      andonCallId: null,
      downtimeEventId: null,
      planId: plan.planId,
      planOccurrence: plan.occurrence,
      createdAt: now,
      createdBy: actor.id,
    });
    await this.workOrders.addHistory(manager, workOrderId, {
      action: 'create',
      from: null,
      to: 'open',
      at: now,
      by: actor.id,
      reason: null,
    });
    const after = await this.mustGetSummary(workOrderId, manager);
    await this.audit.record(manager, {
      actor,
      action: `${ENTITY_TYPE}.created`,
      entityType: ENTITY_TYPE,
      entityId: workOrderId,
      after: { ...after, via: 'maintenance-scheduler', trigger: plan.trigger },
    });
    await this.announce(manager, after, now);
    return workOrderId;
  }

  /** After a commit that created work orders through `createForPlan`. */
  announced(): void {
    this.dispatcher.kick();
  }

  /** The lines the user may see; a `lineId` or `equipmentId` filter on another line is 403. */
  async list(query: WorkOrderListQuery, user: SessionUser): Promise<Paginated<WorkOrderSummary>> {
    if (query.lineId) await this.lineAccess.assertCanSee(user, query.lineId, 'This list');
    if (query.equipmentId) {
      const equipment = await this.workOrders.equipment(query.equipmentId);
      if (equipment) await this.lineAccess.assertCanSee(user, equipment.lineId, 'This equipment');
    }
    const [items, total] = await this.workOrders.list(
      {
        statuses: query.status,
        equipmentId: query.equipmentId,
        lineId: query.lineId,
        lineIds: await this.lineAccess.visibleLines(user.id),
        type: query.type,
        planId: query.planId,
        andonCallId: query.andonCallId,
        assigneeId: query.mine === true ? user.id : query.assigneeId,
      },
      query.page,
      query.pageSize,
    );
    return toPage(items, total, query);
  }

  /**
   * Who the caller may assign: active users holding `maintenance:execute` who see `lineId` (the
   * caller must see it too), or without `lineId` who see one of the caller's lines.
   */
  async assignees(
    query: WorkOrderAssigneeListQuery,
    user: SessionUser,
  ): Promise<Paginated<WorkOrderAssigneeCandidate>> {
    const lineIds = (await this.lineAccess.scopeOf(user)).narrow(query.lineId, 'This line');
    const [items, total] = await this.workOrders.assigneeCandidates(
      EXECUTING_ROLES,
      lineIds,
      query.page,
      query.pageSize,
    );
    return toPage(items, total, query);
  }

  async get(id: string, user: SessionUser): Promise<WorkOrder> {
    const summary = await this.mustGetSummary(id);
    await this.lineAccess.assertCanSee(user, summary.lineId, SUBJECT);
    return this.view(id);
  }

  /** Planners assign people who may work it (`maintenance:execute`) and see its line. */
  assign(id: string, input: AssignWorkOrderInput, actor: SessionUser): Promise<WorkOrder> {
    return this.step(id, 'assign', actor, async (order) => {
      const candidates = await this.workOrders.candidates(input.assigneeIds);
      const errors: FieldError[] = [];
      for (const [index, userId] of input.assigneeIds.entries()) {
        const path = `assigneeIds.${index}`;
        const candidate = candidates.get(userId);
        if (!candidate) errors.push({ path, message: 'No such user' });
        else if (candidate.disabled) errors.push({ path, message: 'This user is disabled' });
        else if (!hasPermission(candidate.role, 'maintenance:execute')) {
          errors.push({
            path,
            message: `A ${candidate.role} may not work maintenance orders (maintenance:execute)`,
          });
        } else if (!(await this.lineAccess.canSee(userId, order.lineId))) {
          errors.push({ path, message: "This user is not assigned to the work order's line" });
        }
      }
      if (errors.length > 0) throw new FieldValidationException(errors);
      return {
        change: { stamps: ['assigned'] },
        write: (manager, at) =>
          this.workOrders.replaceAssignees(manager, id, input.assigneeIds, at, actor.id),
      };
    });
  }

  /** Starting an unassigned work order assigns it to whoever starts it. */
  start(id: string, actor: SessionUser): Promise<WorkOrder> {
    return this.step(id, 'start', actor, (order) => {
      this.assertMayWork(order, actor);
      const unassigned = order.assigneeIds.length === 0;
      return Promise.resolve({
        change: { stamps: unassigned ? ['started', 'assigned'] : ['started'] },
        write: unassigned
          ? (manager, at) => this.workOrders.replaceAssignees(manager, id, [actor.id], at, actor.id)
          : undefined,
      });
    });
  }

  hold(id: string, input: HoldWorkOrderInput, actor: SessionUser): Promise<WorkOrder> {
    return this.step(id, 'hold', actor, (order) => {
      this.assertMayWork(order, actor);
      return Promise.resolve({ change: { holdReason: input.reason }, reason: input.reason });
    });
  }

  resume(id: string, actor: SessionUser): Promise<WorkOrder> {
    return this.step(id, 'resume', actor, (order) => {
      this.assertMayWork(order, actor);
      return Promise.resolve({ change: { holdReason: null } });
    });
  }

  async complete(
    id: string,
    input: CompleteWorkOrderInput,
    actor: SessionUser,
  ): Promise<WorkOrder> {
    if (input.failureReasonId && !(await this.workOrders.reasonIdExists(input.failureReasonId))) {
      throw invalidReference('failureReasonId', 'Unknown downtime reason');
    }
    return this.step(id, 'complete', actor, async (order, manager) => {
      this.assertMayWork(order, actor);
      await this.assertChecklistDone(manager, order);
      return {
        change: {
          stamps: ['completed'],
          ...(input.cause !== undefined ? { cause: input.cause || null } : {}),
          ...(input.remedy !== undefined ? { remedy: input.remedy || null } : {}),
          ...(input.failureReasonId ? { failureReasonId: input.failureReasonId } : {}),
        },
      };
    });
  }

  cancel(id: string, input: CancelWorkOrderInput, actor: SessionUser): Promise<WorkOrder> {
    return this.step(id, 'cancel', actor, () =>
      Promise.resolve({
        change: { stamps: ['cancelled'], cancelReason: input.reason, holdReason: null },
        reason: input.reason,
      }),
    );
  }

  /** Labour of the caller, or of a colleague who may work maintenance orders on its line. */
  async addLabour(
    id: string,
    input: AddWorkOrderLabourInput,
    actor: SessionUser,
  ): Promise<WorkOrder> {
    const now = this.clock.now();
    const startedAt = new Date(input.startedAt);
    if (startedAt.getTime() > now.getTime()) {
      throw new FieldValidationException([
        { path: 'startedAt', message: 'Must not be in the future' },
      ]);
    }
    const userId = input.userId ?? actor.id;
    return this.change(id, actor, 'labour-added', async (manager, order) => {
      if (userId !== actor.id) {
        const candidate = (await this.workOrders.candidates([userId], manager)).get(userId);
        const problem = !candidate
          ? 'No such user'
          : candidate.disabled
            ? 'This user is disabled'
            : !hasPermission(candidate.role, 'maintenance:execute')
              ? `A ${candidate.role} does not work maintenance orders`
              : !(await this.lineAccess.canSee(userId, order.lineId))
                ? "This user is not assigned to the work order's line"
                : null;
        if (problem) throw new FieldValidationException([{ path: 'userId', message: problem }]);
      }
      const entryId = await this.workOrders.addLabour(manager, id, {
        userId,
        startedAt,
        minutes: input.minutes,
        at: now,
        by: actor.id,
      });
      return { entryId, userId, startedAt: startedAt.toISOString(), minutes: input.minutes };
    });
  }

  async addPart(id: string, input: AddWorkOrderPartInput, actor: SessionUser): Promise<WorkOrder> {
    const now = this.clock.now();
    return this.change(id, actor, 'part-added', async (manager) => {
      const partId = await this.workOrders.addPart(manager, id, {
        partNumber: input.partNumber,
        description: input.description || null,
        quantity: input.quantity,
        at: now,
        by: actor.id,
      });
      return { partId, partNumber: input.partNumber, quantity: input.quantity };
    });
  }

  /**
   * One lifecycle step: lock the order, check the line (403), let `decide` check the caller and
   * the input and say what else to write, check the transition (409), then write the step, its
   * history row, the audit entry and the event together.
   */
  private async step(
    id: string,
    step: WorkOrderStep,
    actor: SessionUser,
    decide: (order: LockedWorkOrder, manager: EntityManager) => Promise<StepPlan>,
  ): Promise<WorkOrder> {
    await this.workOrders.transaction(async (manager) => {
      const order = await this.workOrders.lock(manager, id);
      if (!order) throw notFound('Work order', id);
      await this.lineAccess.assertCanSee(actor, order.lineId, SUBJECT);
      const plan = await decide(order, manager);
      const next = transition(order.status, step);
      if (!next.ok) throw new DomainException('INVALID_TRANSITION', next.message);
      const at = this.clock.now();
      await plan.write?.(manager, at);
      await this.workOrders.applyStep(manager, id, {
        status: next.to,
        at,
        by: actor.id,
        ...plan.change,
      });
      await this.workOrders.addHistory(manager, id, {
        action: step,
        from: order.status,
        to: next.to,
        at,
        by: actor.id,
        reason: plan.reason ?? null,
      });
      const after = await this.mustGetSummary(id, manager);
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.${AUDIT_ACTION[step]}`,
        entityType: ENTITY_TYPE,
        entityId: id,
        before: { status: order.status, assigneeIds: order.assigneeIds },
        after: auditedState(after),
      });
      await this.announce(manager, after, at);
    });
    this.dispatcher.kick();
    return this.view(id);
  }

  /**
   * A change besides the lifecycle (a checklist run): locked, line-checked, allowed to whoever may
   * work the order and not on a cancelled one, audited as `work-order.<action>` and announced,
   * like labour and parts. `write` may refuse (it throws) and returns what the audit keeps.
   */
  amend(
    id: string,
    actor: SessionUser,
    action: string,
    write: (manager: EntityManager, order: LockedWorkOrder) => Promise<Record<string, unknown>>,
  ): Promise<WorkOrder> {
    return this.change(id, actor, action, write);
  }

  /**
   * The template named on creation: of the equipment's line (or of no line) and active. Required
   * by default when given; required without one is a contradiction, refused.
   */
  private async checklistOf(
    input: CreateWorkOrderInput,
    lineId: string,
  ): Promise<{ checklistTemplateId: string | null; checklistRequired: boolean }> {
    if (input.checklistTemplateId === undefined) {
      if (input.checklistRequired === true) {
        throw new FieldValidationException([
          { path: 'checklistRequired', message: 'Needs a checklistTemplateId' },
        ]);
      }
      return { checklistTemplateId: null, checklistRequired: false };
    }
    const template = await this.checklists.template(input.checklistTemplateId);
    const problem = !template
      ? 'Does not exist'
      : !template.active
        ? 'This checklist template is retired'
        : template.lineId !== null && template.lineId !== lineId
          ? "A checklist of another line than the equipment's"
          : null;
    if (problem !== null) throw invalidReference('checklistTemplateId', problem);
    return {
      checklistTemplateId: input.checklistTemplateId,
      checklistRequired: input.checklistRequired ?? true,
    };
  }

  /**
   * `409 CHECKLIST_REQUIRED` when completing needs the checklist passed and its latest run of the
   * template's current version did not pass every item. Only asked of an order in progress: any
   * other is refused by the transition itself.
   */
  private async assertChecklistDone(manager: EntityManager, order: LockedWorkOrder): Promise<void> {
    if (!order.checklistRequired || order.checklistTemplateId === null) return;
    if (order.status !== 'in_progress') return;
    const template = await this.checklists.lockTemplate(manager, order.checklistTemplateId);
    const run = await this.checklists.latestForWorkOrder(order.id, manager);
    const status = workOrderChecklistStatus(template, run);
    if (status === 'passed') return;
    throw new DomainException(
      'CHECKLIST_REQUIRED',
      status === 'failed'
        ? 'The checklist failed an item: answer it again once fixed, or open a follow-up and answer it passed'
        : 'Answer the checklist first (POST /api/work-orders/:id/checklist)',
    );
  }

  /** Labour or parts: allowed to whoever may work the order, on anything not cancelled. */
  private async change(
    id: string,
    actor: SessionUser,
    action: string,
    write: (manager: EntityManager, order: LockedWorkOrder) => Promise<Record<string, unknown>>,
  ): Promise<WorkOrder> {
    await this.workOrders.transaction(async (manager) => {
      const order = await this.workOrders.lock(manager, id);
      if (!order) throw notFound('Work order', id);
      await this.lineAccess.assertCanSee(actor, order.lineId, SUBJECT);
      this.assertMayWork(order, actor);
      if (order.status === 'cancelled') {
        throw new DomainException('INVALID_TRANSITION', 'The work order is cancelled');
      }
      const after = await write(manager, order);
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.${action}`,
        entityType: ENTITY_TYPE,
        entityId: id,
        after,
      });
      await this.announce(manager, await this.mustGetSummary(id, manager), this.clock.now());
    });
    this.dispatcher.kick();
    return this.view(id);
  }

  /**
   * `maintenance:execute` works the orders assigned to you or to nobody; planners
   * (`maintenance:plan`) may step in on any.
   */
  private assertMayWork(order: LockedWorkOrder, actor: SessionUser): void {
    if (hasPermission(actor.role, 'maintenance:plan')) return;
    if (order.assigneeIds.length === 0 || order.assigneeIds.includes(actor.id)) return;
    throw new ForbiddenException(`${SUBJECT} is assigned to someone else`);
  }

  /** The whole work order: assignees, history, labour and its total, parts, call and stops. */
  private async view(id: string, manager?: EntityManager): Promise<WorkOrder> {
    const summary = await this.mustGetSummary(id, manager);
    const [history, labour, parts, andonCall, stops] = await Promise.all([
      this.workOrders.history(id, manager),
      this.workOrders.labour(id, manager),
      this.workOrders.parts(id, manager),
      summary.andonCallId ? this.workOrders.andonCall(summary.andonCallId, manager) : null,
      this.workOrders.stops(id, this.clock.now(), manager),
    ]);
    return {
      ...summary,
      history,
      labour,
      labourMinutes: labourMinutes(
        labour.map((entry) => ({
          userId: entry.user.id,
          startedAt: new Date(entry.startedAt),
          minutes: entry.minutes,
        })),
      ),
      parts,
      andonCall,
      stops,
      downtimeSeconds:
        Math.round(
          stops
            .filter((stop) => !stop.planned)
            .reduce((sum, stop) => sum + stop.durationSeconds, 0) * 1000,
        ) / 1000,
    };
  }

  private async announce(manager: EntityManager, order: WorkOrderSummary, at: Date): Promise<void> {
    await this.outbox.append(manager, {
      event: 'maintenance.workorder.changed',
      payload: {
        id: order.id,
        lineId: order.lineId,
        equipmentId: order.equipmentId,
        at: at.toISOString(),
        status: order.status,
        number: order.number,
        assigneeIds: order.assignees.map((assignee) => assignee.id),
      },
      rooms: lineAudience(order.lineId),
    });
  }

  private async mustGetSummary(id: string, manager?: EntityManager): Promise<WorkOrderSummary> {
    const summary = await this.workOrders.summary(id, manager);
    if (!summary) throw notFound('Work order', id);
    return summary;
  }
}

/** Why a machine event cannot be the stop of a work order on this equipment (none: it can). */
function stopErrors(
  stop: { equipmentId: string; type: string; state: string | null } | null,
  equipmentId: string,
): FieldError[] {
  const path = 'downtimeEventId';
  if (!stop) return [{ path, message: 'No such machine event' }];
  if (stop.equipmentId !== equipmentId) {
    return [{ path, message: 'A stop of another equipment' }];
  }
  if (stop.type !== 'state' || (stop.state !== 'stopped' && stop.state !== 'idle')) {
    return [{ path, message: 'Not the start of a stop (a stopped or idle state event)' }];
  }
  return [];
}

function alreadyOpened(workOrderId: string | null): DomainException {
  return new DomainException(
    'CONFLICT',
    `This andon call is already a work order${workOrderId ? ` (${workOrderId})` : ''}`,
    [{ path: 'andonCallId', message: 'Already turned into a work order' }],
  );
}

function followUpExists(): DomainException {
  return new DomainException('CONFLICT', 'This checklist item already has a follow-up work order', [
    { path: 'itemId', message: 'Already followed up' },
  ]);
}

function auditedState(order: WorkOrderSummary): Record<string, unknown> {
  const status: WorkOrderStatus = order.status;
  return {
    status,
    assigneeIds: order.assignees.map((assignee) => assignee.id),
    holdReason: order.holdReason,
    cancelReason: order.cancelReason,
    cause: order.cause,
    remedy: order.remedy,
    failureReasonId: order.failureReason?.id ?? null,
  };
}
