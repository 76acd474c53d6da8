import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  type CreateJobAssignmentInput,
  JOB_TRANSITIONS,
  type JobAssignment,
  type JobListQuery,
  type JobStep,
  type Paginated,
  type SessionUser,
  toPage,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { ChecklistGateService } from '../checklists/checklist-gate.service.js';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience } from '../../platform/realtime/rooms.js';
import { JobAssignmentsRepository, type StoredJob } from './job-assignments.repository.js';
import { PartCountsService } from '../oee/part-counts.service.js';
import { ProductionOrdersService } from '../orders/production-orders.service.js';

const ENTITY_TYPE = 'job-assignment';

/**
 * Operators' jobs on production orders: a shift manager assigns, the operator accepts, starts
 * and completes. Only the assigned operator acts on a job. A job starts only once every
 * pre-start checklist that applies to its order has passed (409 `CHECKLIST_REQUIRED` /
 * `CHECKLIST_FAILED`); starting a job on a released order starts the order. Each change is
 * audited and told to the line (`production.job.changed`) through the outbox, in its transaction.
 */
@Injectable()
export class JobAssignmentsService {
  constructor(
    private readonly jobs: JobAssignmentsRepository,
    private readonly orders: ProductionOrdersService,
    private readonly audit: AuditService,
    private readonly checklists: ChecklistGateService,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    private readonly lineAccess: LineAccessService,
    private readonly parts: PartCountsService,
  ) {}

  async assign(input: CreateJobAssignmentInput, actor: SessionUser): Promise<JobAssignment> {
    const scope = await this.lineAccess.scopeOf(actor);
    return this.write(async (manager) => {
      const order = await this.orders.lock(manager, input.orderId);
      if (order) scope.assert(order.lineId, 'This order');
      const role = await this.jobs.userRole(manager, input.operatorId);
      // An operator limited to some lines (PUT /api/users/:id/lines) works only on those.
      const operatorOnLine =
        order === null || role !== 'operator'
          ? true
          : await this.lineAccess.canSee(input.operatorId, order.lineId);
      const invalid = [
        ...(order ? [] : [{ path: 'orderId', message: 'Does not exist' }]),
        ...(role === 'operator'
          ? []
          : [
              {
                path: 'operatorId',
                message: role === null ? 'Does not exist' : 'Must be a user of role operator',
              },
            ]),
        ...(operatorOnLine
          ? []
          : [{ path: 'operatorId', message: 'This operator is not assigned to the order’s line' }]),
      ];
      if (invalid.length > 0) throw new FieldValidationException(invalid);
      if (order && (order.status === 'completed' || order.status === 'cancelled')) {
        throw new DomainException(
          'INVALID_TRANSITION',
          `Cannot assign a job on an order that is ${order.status}`,
        );
      }
      const id = await this.jobs.insert(manager, {
        orderId: input.orderId,
        operatorId: input.operatorId,
        shiftDate: input.shiftDate ?? null,
        note: input.note || null,
        assignedBy: actor.id,
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

  /**
   * Accept, start or complete: only the job's own operator, one step at a time, and only on a
   * line the operator is still assigned to (403 `LINE_NOT_ASSIGNED`, even for their own job).
   */
  async transition(id: string, step: JobStep, user: SessionUser): Promise<JobAssignment> {
    const scope = await this.lineAccess.scopeOf(user);
    return this.write(async (manager) => {
      const job = await this.jobs.lock(manager, id);
      if (!job) throw notFound('Job', id);
      scope.assert(job.lineId, 'This job');
      if (job.operatorId !== user.id) {
        throw new ForbiddenException('This job is assigned to another operator');
      }
      const rule = JOB_TRANSITIONS[step];
      if (job.status !== rule.from) {
        throw new DomainException(
          'INVALID_TRANSITION',
          `Cannot ${step} a job that is ${job.status}`,
        );
      }
      if (step === 'start') await this.checklists.assertReadyToStart(manager, id);
      const before = await this.mustGet(id, manager);
      await this.checkOrder(manager, job.orderId, step, user);
      await this.jobs.setStatus(manager, id, rule.to, this.clock.now());
      const after = await this.mustGet(id, manager);
      await this.audit.record(manager, {
        actor: user,
        action: `${ENTITY_TYPE}.${rule.to}`,
        entityType: ENTITY_TYPE,
        entityId: id,
        before,
        after,
      });
      await this.notifyChanged(manager, after);
      return after;
    });
  }

  /** 403 for a job on a line the user is not assigned to (its own operator always sees it). */
  async get(id: string, user: SessionUser): Promise<JobAssignment> {
    const job = await this.mustGet(id);
    if (job.operator.id !== user.id) {
      (await this.lineAccess.scopeOf(user)).assert(job.lineId, 'This job');
    }
    return job;
  }

  /**
   * `mine=true`: the caller's own jobs, whatever their line; otherwise only the jobs of the lines
   * the user may see. A `lineId` or `orderId` filter naming another line is refused (403), not
   * answered with an empty page.
   */
  async list(query: JobListQuery, user: SessionUser): Promise<Paginated<JobAssignment>> {
    const mine = query.mine === 'true';
    const scope = await this.lineAccess.scopeOf(user);
    const lineIds = scope.narrow(query.lineId);
    if (query.orderId !== undefined) {
      // An unknown order matches no job: the empty page tells nothing about any line.
      const orderLine = await this.jobs.orderLine(query.orderId);
      if (orderLine !== null) scope.assert(orderLine, 'That order');
    }
    const [stored, total] = await this.jobs.list(
      {
        operatorId: mine ? user.id : query.operatorId,
        orderId: query.orderId,
        lineId: query.lineId,
        lineIds: mine ? null : lineIds,
        statuses: query.status,
      },
      query.page,
      query.pageSize,
    );
    return toPage(await this.withProgress(stored), total, query);
  }

  /** Work happens on live orders: a job starts only when its order is released (then starts it) or running. */
  private async checkOrder(
    manager: EntityManager,
    orderId: string,
    step: JobStep,
    user: SessionUser,
  ): Promise<void> {
    const order = await this.orders.lock(manager, orderId);
    if (!order) throw notFound('Production order', orderId);
    switch (step) {
      case 'accept':
        if (order.status === 'completed' || order.status === 'cancelled') {
          throw new DomainException('INVALID_TRANSITION', `The order is ${order.status}`);
        }
        return;
      case 'complete':
        return;
      case 'start':
        if (order.status === 'released') {
          await this.orders.applyStep(manager, order, 'start', user);
        } else if (order.status !== 'running') {
          throw new DomainException(
            'INVALID_TRANSITION',
            `The order is ${order.status}; it must be released or running to start a job`,
          );
        }
        return;
    }
  }

  private async notifyChanged(manager: EntityManager, job: JobAssignment): Promise<void> {
    await this.outbox.append(manager, {
      event: 'production.job.changed',
      payload: {
        id: job.id,
        lineId: job.lineId,
        status: job.status,
        operatorId: job.operator.id,
        at: this.clock.now().toISOString(),
      },
      rooms: lineAudience(job.lineId),
    });
  }

  /** A transaction whose outbox events are published once it has committed. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.jobs.transaction(work);
    this.dispatcher.kick();
    return result;
  }

  private async mustGet(id: string, manager?: EntityManager): Promise<JobAssignment> {
    const stored = await this.jobs.get(id, manager);
    if (!stored) throw notFound('Job', id);
    const [job] = await this.withProgress([stored]);
    if (!job) throw notFound('Job', id);
    return job;
  }

  /**
   * Each job's progress: good parts made at the line's output since its order started, by the
   * same attribution as OEE (a report's parts belong to the running time before it). Jobs of one
   * order share one count.
   */
  private async withProgress(stored: readonly StoredJob[]): Promise<JobAssignment[]> {
    const now = this.clock.now().getTime();
    const goodBySource = new Map<string, Promise<number>>();
    const goodOf = ({ progress }: StoredJob): Promise<number> => {
      if (progress.start === null) return Promise.resolve(0);
      const window = { start: progress.start, end: progress.end ?? now };
      const key = `${progress.equipmentIds.join(',')}|${window.start}|${window.end}`;
      let good = goodBySource.get(key);
      if (!good) {
        good = this.parts
          .partsIn(progress.equipmentIds, [window], now)
          .then(([parts]) => parts?.good ?? 0);
        goodBySource.set(key, good);
      }
      return good;
    };
    return Promise.all(
      stored.map(async (entry) => {
        const goodCount = await goodOf(entry);
        const target = entry.progress.targetQuantity;
        return {
          ...entry.job,
          progress: {
            goodCount,
            targetQuantity: target,
            fraction: target > 0 ? goodCount / target : 0,
          },
        };
      }),
    );
  }
}
