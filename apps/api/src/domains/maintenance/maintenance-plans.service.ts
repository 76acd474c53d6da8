import { Injectable } from '@nestjs/common';
import {
  type CreateMaintenancePlanInput,
  type MaintenancePlan,
  type MaintenancePlanListQuery,
  type Paginated,
  type PlanMeters,
  type SessionUser,
  type UpdateMaintenancePlanInput,
  toPage,
} from '@ms5/contracts';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { OeeService } from '../oee/oee.service.js';
import { MaintenancePlansRepository, type PlanRecord } from './maintenance-plans.repository.js';
import {
  type PlanEvaluation,
  type PlanScheduleState,
  evaluatePlan,
  hasMeter,
  meterOrigin,
} from './plan-schedule.js';

const ENTITY_TYPE = 'maintenance-plan';
const SUBJECT = 'This maintenance plan';

/** A plan with its meters read and its next due worked out at one instant. */
export interface EvaluatedPlan {
  record: PlanRecord;
  state: PlanScheduleState;
  meters: PlanMeters;
  evaluation: PlanEvaluation;
}

export function scheduleState(record: PlanRecord): PlanScheduleState {
  return {
    startAt: record.startAt.getTime(),
    floating: record.floating,
    leadTimeHours: record.leadTimeHours,
    triggers: record.triggers,
    lastOccurrence: record.lastOccurrence,
    lastDueAt: record.lastDueAt?.getTime() ?? null,
    lastClosedAt: record.lastWorkOrderId === null ? null : (record.lastClosedAt?.getTime() ?? null),
  };
}

/**
 * Preventive maintenance plans: per equipment, calendar, runtime and parts triggers (the first
 * reached wins), fixed or floating, with a lead time. The meters are read from the OEE roll-ups
 * plus the hours not rolled up yet (`OeeService.machineMeters`).
 */
@Injectable()
export class MaintenancePlansService {
  constructor(
    private readonly plans: MaintenancePlansRepository,
    private readonly oee: OeeService,
    private readonly audit: AuditService,
    private readonly lineAccess: LineAccessService,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateMaintenancePlanInput, actor: SessionUser): Promise<MaintenancePlan> {
    const equipment = await this.plans.equipment(input.equipmentId);
    if (!equipment) {
      throw new DomainException('INVALID_REFERENCE', 'Invalid equipmentId', [
        { path: 'equipmentId', message: 'Does not exist' },
      ]);
    }
    await this.lineAccess.assertCanSee(actor, equipment.lineId, 'This equipment');
    const now = this.clock.now();
    const id = await this.plans.transaction(async (manager) => {
      const planId = await this.plans.insert(manager, {
        equipmentId: equipment.id,
        lineId: equipment.lineId,
        title: input.title,
        description: input.description || null,
        priority: input.priority ?? 'medium',
        startAt: input.startAt ? new Date(input.startAt) : now,
        floating: input.floating ?? false,
        leadTimeHours: input.leadTimeHours ?? 0,
        createdAt: now,
        createdBy: actor.id,
      });
      await this.plans.replaceTriggers(manager, planId, input.triggers);
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.created`,
        entityType: ENTITY_TYPE,
        entityId: planId,
        after: { ...input },
      });
      return planId;
    });
    return this.view(id);
  }

  async list(
    query: MaintenancePlanListQuery,
    user: SessionUser,
  ): Promise<Paginated<MaintenancePlan>> {
    const scope = await this.lineAccess.scopeOf(user);
    const lineIds = scope.narrow(query.lineId, 'That line');
    if (query.equipmentId) {
      const equipment = await this.plans.equipment(query.equipmentId);
      if (equipment) scope.assert(equipment.lineId, 'This equipment');
    }
    const [records, total] = await this.plans.list(
      { equipmentId: query.equipmentId, lineIds, active: query.active },
      query.page,
      query.pageSize,
    );
    const evaluated = await this.evaluate(records, this.clock.now().getTime());
    return toPage(evaluated.map(toPlan), total, query);
  }

  async get(id: string, user: SessionUser): Promise<MaintenancePlan> {
    const record = await this.plans.get(id);
    if (!record) throw notFound('Maintenance plan', id);
    await this.lineAccess.assertCanSee(user, record.lineId, SUBJECT);
    return this.view(id);
  }

  async update(
    id: string,
    input: UpdateMaintenancePlanInput,
    actor: SessionUser,
  ): Promise<MaintenancePlan> {
    const before = await this.plans.get(id);
    if (!before) throw notFound('Maintenance plan', id);
    await this.lineAccess.assertCanSee(actor, before.lineId, SUBJECT);
    const now = this.clock.now();
    await this.plans.transaction(async (manager) => {
      const { triggers, ...change } = input;
      await this.plans.update(manager, id, change, now);
      if (triggers) await this.plans.replaceTriggers(manager, id, triggers);
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.${input.active === false ? 'deactivated' : 'updated'}`,
        entityType: ENTITY_TYPE,
        entityId: id,
        before: {
          title: before.title,
          priority: before.priority,
          floating: before.floating,
          leadTimeHours: before.leadTimeHours,
          active: before.active,
          triggers: before.triggers,
        },
        after: { ...input },
      });
    });
    return this.view(id);
  }

  /** `DELETE`: a plan that has work orders stays for their history; it only stops. */
  deactivate(id: string, actor: SessionUser): Promise<MaintenancePlan> {
    return this.update(id, { active: false }, actor);
  }

  /**
   * Reads the meters of every plan that has a meter trigger (one batch) and works out each
   * plan's next due. A meter origin that moved (an occurrence, a completion) has the reading of
   * its hour before it taken once and stored, so later reads need only the roll-ups.
   */
  async evaluate(records: readonly PlanRecord[], now: number): Promise<EvaluatedPlan[]> {
    const origins = new Map<string, number | null>();
    const requests: Parameters<OeeService['machineMeters']>[0][number][] = [];
    for (const record of records) {
      const state = scheduleState(record);
      const origin = meterOrigin(state);
      origins.set(record.id, origin);
      if (origin === null || !hasMeter(record.triggers)) continue;
      let offset = record.originOffset;
      if (origin !== record.meterOriginAt.getTime()) {
        offset = await this.oee.meterOffset(record.equipmentId, Math.min(origin, now));
        await this.plans.moveMeterOrigin(record.id, record.meterOriginAt, new Date(origin), offset);
      }
      requests.push({
        key: record.id,
        equipmentId: record.equipmentId,
        since: origin,
        sinceOffset: offset,
      });
    }
    const readings = await this.oee.machineMeters(requests, now);
    return records.map((record) => {
      const state = scheduleState(record);
      const reading = readings.get(record.id);
      const meters: PlanMeters = {
        runtimeHours: round((reading?.runSeconds ?? 0) / 3600),
        parts: reading?.parts ?? 0,
      };
      return { record, state, meters, evaluation: evaluatePlan(state, meters, now) };
    });
  }

  private async view(id: string): Promise<MaintenancePlan> {
    const record = await this.plans.get(id);
    if (!record) throw notFound('Maintenance plan', id);
    const [evaluated] = await this.evaluate([record], this.clock.now().getTime());
    if (!evaluated) throw notFound('Maintenance plan', id);
    return toPlan(evaluated);
  }
}

function toPlan({ record, state, meters, evaluation }: EvaluatedPlan): MaintenancePlan {
  const origin = meterOrigin(state) ?? record.meterOriginAt.getTime();
  return {
    id: record.id,
    equipmentId: record.equipmentId,
    equipmentCode: record.equipmentCode,
    equipmentName: record.equipmentName,
    lineId: record.lineId,
    title: record.title,
    description: record.description,
    priority: record.priority,
    startAt: record.startAt.toISOString(),
    floating: record.floating,
    leadTimeHours: record.leadTimeHours,
    active: record.active,
    triggers: record.triggers,
    occurrences: record.lastOccurrence,
    lastDueAt: record.lastDueAt?.toISOString() ?? null,
    meterOriginAt: new Date(origin).toISOString(),
    openWorkOrderId:
      record.lastWorkOrderId !== null && record.lastClosedAt === null
        ? record.lastWorkOrderId
        : null,
    nextDue: evaluation.nextDue,
    meters,
    createdAt: record.createdAt.toISOString(),
    createdBy: { id: record.createdBy.id, displayName: record.createdBy.displayName },
    updatedAt: record.updatedAt.toISOString(),
  };
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
