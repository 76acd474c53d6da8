import { Injectable } from '@nestjs/common';
import {
  ANDON_PRIORITIES,
  type AndonCall,
  type AndonPriority,
  type AndonType,
  type AndonListQuery,
  type Paginated,
  type RaiseAndonCallInput,
  type ResolveAndonCallInput,
  type SessionUser,
  toPage,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { IngestionService } from '../ingestion/ingestion.service.js';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience } from '../../platform/realtime/rooms.js';
import { AndonCallsRepository, type LockedCall } from './andon-calls.repository.js';
import { callEventPayload } from './andon-events.js';
import { Clock } from '../../platform/clock/clock.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';

const SUBJECT = 'This andon call';

/** A call just raised whose policy asks for a work order (what the opener needs to write one). */
export interface CallNeedingWorkOrder {
  id: string;
  equipmentId: string;
  equipmentCode: string;
  lineId: string;
  priority: AndonPriority;
  description: string | null;
}

/**
 * Opens a corrective work order from a call inside the raise's transaction. The maintenance module
 * registers it (andon knows nothing of work orders; the dependency goes the other way).
 */
export type WorkOrderOpener = (
  manager: EntityManager,
  call: CallNeedingWorkOrder,
  actor: SessionUser,
) => Promise<string>;

/** Whether a call of `priority` reaches the policy's `openWorkOrderAt` (null: never). */
export function opensWorkOrder(
  type: AndonType,
  priority: AndonPriority,
  openWorkOrderAt: AndonPriority | null,
): boolean {
  return (
    type === 'maintenance' &&
    openWorkOrderAt !== null &&
    ANDON_PRIORITIES.indexOf(priority) >= ANDON_PRIORITIES.indexOf(openWorkOrderAt)
  );
}

/**
 * The andon lifecycle: open → acknowledged → resolved, each step stamped with the server's time
 * and who did it. Every change writes its event to the outbox in the same transaction; the
 * dispatcher publishes it after commit (a rolled-back change publishes nothing).
 */
@Injectable()
export class AndonService {
  private workOrderOpener: WorkOrderOpener | null = null;

  constructor(
    private readonly calls: AndonCallsRepository,
    private readonly ingestion: IngestionService,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly lineAccess: LineAccessService,
    private readonly clock: Clock,
  ) {}

  /** Called once by the maintenance module at start-up. */
  useWorkOrderOpener(opener: WorkOrderOpener): void {
    this.workOrderOpener = opener;
  }

  async raise(input: RaiseAndonCallInput, user: SessionUser): Promise<AndonCall> {
    const id = await this.calls.transaction((manager) => this.raiseWithin(manager, input, user));
    this.dispatcher.kick();
    return this.mustGet(id);
  }

  /**
   * Raises a call inside the caller's transaction (a failed pre-start checklist raises its call
   * with the run it belongs to, so that neither is written without the other). Returns the call's
   * id; the caller kicks the outbox dispatcher after its commit.
   */
  async raiseWithin(
    manager: EntityManager,
    input: RaiseAndonCallInput,
    user: SessionUser,
  ): Promise<string> {
    const equipment = await this.calls.findEquipment(manager, input.equipmentId);
    if (!equipment) {
      throw new DomainException('INVALID_REFERENCE', 'Unknown equipmentId', [
        { path: 'equipmentId', message: 'Does not exist' },
      ]);
    }
    (await this.lineAccess.scopeOf(user)).assert(equipment.lineId, 'This equipment');
    const raisedAt = this.clock.now();
    const policy = await this.calls.matchPolicy(
      manager,
      input.priority,
      input.type,
      equipment.lineId,
    );
    const callId = await this.calls.insert(manager, {
      equipmentId: equipment.id,
      lineId: equipment.lineId,
      type: input.type,
      priority: input.priority,
      description: input.description || null,
      raisedAt,
      raisedBy: user.id,
      policyId: policy?.id ?? null,
    });
    if (input.openDowntime === true) {
      const eventId = `andon:${callId}`;
      await this.ingestion.recordInTransaction(manager, {
        eventId,
        equipmentId: equipment.id,
        ts: raisedAt.toISOString(),
        type: 'state',
        state: 'stopped',
        reasonCode: `andon.${input.type}`,
      });
      await this.calls.setDowntimeEvent(manager, callId, equipment.id, eventId);
    }
    // After the stop is linked, so that the work order carries its reason and counts its time.
    if (
      policy &&
      this.workOrderOpener &&
      opensWorkOrder(input.type, input.priority, policy.openWorkOrderAt)
    ) {
      await this.workOrderOpener(
        manager,
        {
          id: callId,
          equipmentId: equipment.id,
          equipmentCode: equipment.code,
          lineId: equipment.lineId,
          priority: input.priority,
          description: input.description || null,
        },
        user,
      );
    }
    if (policy) await this.calls.scheduleEscalations(manager, callId, raisedAt, policy.levels);
    await this.outbox.append(manager, {
      event: 'andon.call.raised',
      payload: callEventPayload(
        {
          id: callId,
          lineId: equipment.lineId,
          equipmentId: equipment.id,
          status: 'open',
          priority: input.priority,
          type: input.type,
        },
        raisedAt,
      ),
      rooms: lineAudience(equipment.lineId),
    });
    return callId;
  }

  async acknowledge(id: string, user: SessionUser): Promise<AndonCall> {
    const scope = await this.lineAccess.scopeOf(user);
    await this.calls.transaction(async (manager) => {
      const call = await this.calls.lock(manager, id);
      if (!call) throw notFound('Andon call', id);
      scope.assert(call.lineId, SUBJECT);
      if (call.status !== 'open') {
        throw new DomainException('INVALID_TRANSITION', `The call is already ${call.status}`);
      }
      const at = this.notBefore(call.raisedAt);
      await this.calls.acknowledge(manager, id, at, user.id);
      await this.outbox.append(manager, {
        event: 'andon.call.acknowledged',
        payload: callEventPayload({ ...call, status: 'acknowledged' }, at),
        rooms: lineAudience(call.lineId),
      });
    });
    this.dispatcher.kick();
    return this.mustGet(id);
  }

  async resolve(id: string, input: ResolveAndonCallInput, user: SessionUser): Promise<AndonCall> {
    const scope = await this.lineAccess.scopeOf(user);
    await this.calls.transaction(async (manager) => {
      const call = await this.calls.lock(manager, id);
      if (!call) throw notFound('Andon call', id);
      scope.assert(call.lineId, SUBJECT);
      if (call.status !== 'acknowledged') {
        throw new DomainException(
          'INVALID_TRANSITION',
          call.status === 'open'
            ? 'Acknowledge the call before resolving it'
            : 'The call is already resolved',
        );
      }
      const at = this.notBefore(call.raisedAt);
      await this.calls.resolve(manager, id, at, user.id, input.resolution || null);
      await this.outbox.append(manager, {
        event: 'andon.call.resolved',
        payload: callEventPayload({ ...call, status: 'resolved' }, at),
        rooms: lineAudience(call.lineId),
      });
    });
    this.dispatcher.kick();
    return this.mustGet(id);
  }

  /**
   * The call a work order is being opened from, locked in the caller's transaction so that two
   * work orders cannot claim it at once; null when there is no such call.
   */
  async lockForWorkOrder(
    manager: EntityManager,
    id: string,
  ): Promise<(LockedCall & { workOrderId: string | null; downtimeEventId: string | null }) | null> {
    const call = await this.calls.lock(manager, id);
    const links = call ? await this.calls.lockLinks(manager, id) : null;
    return call && links ? { ...call, ...links } : null;
  }

  /** Points the call at the work order opened from it (in the work order's transaction). */
  async linkWorkOrder(manager: EntityManager, id: string, workOrderId: string): Promise<void> {
    await this.calls.setWorkOrder(manager, id, workOrderId);
  }

  async get(id: string, user: SessionUser): Promise<AndonCall> {
    const call = await this.mustGet(id);
    (await this.lineAccess.scopeOf(user)).assert(call.lineId, SUBJECT);
    return call;
  }

  /**
   * Calls on the lines the user may see, filtered and paginated. A `lineId` or `equipmentId`
   * filter of another line is refused (403), not answered with an empty page; unknown equipment
   * matches nothing.
   */
  async list(query: AndonListQuery, user: SessionUser): Promise<Paginated<AndonCall>> {
    const scope = await this.lineAccess.scopeOf(user);
    const lineIds = scope.narrow(query.lineId);
    if (query.equipmentId !== undefined) {
      const equipment = await this.calls.findEquipment(null, query.equipmentId);
      if (equipment) scope.assert(equipment.lineId, 'That equipment');
    }
    const [items, total] = await this.calls.list(query, lineIds);
    return toPage(items, total, query);
  }

  async myLines(user: SessionUser): Promise<{ userId: string; lineIds: string[] }> {
    return this.lineAccess.get(user.id);
  }

  private async mustGet(id: string): Promise<AndonCall> {
    const call = await this.calls.get(id);
    if (!call) throw notFound('Andon call', id);
    return call;
  }

  /** The server's time, never before the raise (a clock stepped back must not give negative times). */
  private notBefore(raisedAt: Date): Date {
    const now = this.clock.now();
    return now < raisedAt ? raisedAt : now;
  }
}
