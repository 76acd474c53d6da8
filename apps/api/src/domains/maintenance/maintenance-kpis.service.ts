import { Injectable } from '@nestjs/common';
import type {
  MaintenanceKpiQuery,
  MaintenanceKpis,
  MaintenanceOverview,
  SessionUser,
} from '@ms5/contracts';
import { computeOeeFromTotals, emptyTotals } from '@ms5/oee';
import { Clock } from '../../platform/clock/clock.js';
import { DomainException } from '../../platform/common/domain.exception.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { OeeService, windowUntilNow } from '../oee/oee.service.js';
import { computeMaintenanceKpis } from './maintenance-kpis.js';
import { type KpiScope, MaintenanceKpisRepository } from './maintenance-kpis.repository.js';

const DAY_MS = 24 * 3_600_000;
const WORST = 5;

/**
 * Maintenance KPIs of one equipment, one line or every line the caller sees: MTBF and MTTR from
 * the machine stops (the OEE roll-ups, as `GET /api/downtime/reliability`), the rest from work
 * orders and their labour (`maintenance-kpis.ts` holds the formulas).
 */
@Injectable()
export class MaintenanceKpisService {
  constructor(
    private readonly repository: MaintenanceKpisRepository,
    private readonly oee: OeeService,
    private readonly lineAccess: LineAccessService,
    private readonly clock: Clock,
  ) {}

  async kpis(query: MaintenanceKpiQuery, user: SessionUser): Promise<MaintenanceKpis> {
    const scope = await this.scope(query, user);
    const now = this.clock.now().getTime();
    const window = windowUntilNow(query, now);
    const from = new Date(window.start);
    const to = new Date(window.end);
    const [workOrders, labourMinutes, open, stops] = await Promise.all([
      this.repository.workOrders(scope, from, to),
      this.repository.labourByType(scope, from, to),
      this.repository.openLabour(scope),
      this.stops(scope, window),
    ]);
    const result = computeMaintenanceKpis({
      from: window.start,
      to: window.end,
      workOrders,
      labourMinutes,
      openLabourMinutes: open.minutes,
      ...stops,
    });
    return {
      equipmentId: query.equipmentId ?? null,
      lineId: query.lineId ?? null,
      from: from.toISOString(),
      to: to.toISOString(),
      mtbfSeconds: result.mtbfSeconds,
      mttrSeconds: result.mttrSeconds,
      workOrderMttrSeconds: result.workOrderMttrSeconds,
      mttaSeconds: result.mttaSeconds,
      pmCompliance: result.pmCompliance,
      plannedMaintenancePercentage: result.plannedMaintenancePercentage,
      backlogHours: result.backlogHours,
      correctiveMaintenanceRatio: result.correctiveMaintenanceRatio,
      basis: {
        failures: stops.failures,
        runSeconds: stops.runSeconds,
        failureSeconds: stops.failureSeconds,
        completedCorrective: result.completedCorrective,
        assignedWorkOrders: result.assignedWorkOrders,
        preventiveDue: result.preventiveDue,
        preventiveCompliant: result.preventiveCompliant,
        labourMinutes,
        openWorkOrders: open.open,
      },
    };
  }

  /** The dashboard's maintenance summary over the caller's lines (stops: the last 30 days). */
  async overview(user: SessionUser): Promise<MaintenanceOverview> {
    const scope: KpiScope = { lineIds: (await this.lineAccess.scopeOf(user)).lineIds };
    const now = this.clock.now();
    const window = { start: now.getTime() - 30 * DAY_MS, end: now.getTime() };
    const counts = await this.repository.openCounts(scope, now);
    const contexts = await this.oee.contextsOf(await this.repository.equipmentIds(scope));
    const perEquipment = await Promise.all(
      contexts.map(async (context) => {
        const [totals] = await this.oee.totalsByWindow([context], [window]);
        return { context, totals: totals ?? emptyTotals() };
      }),
    );
    const all = computeOeeFromTotals(
      perEquipment.reduce((sum, { totals }) => {
        sum.runSeconds += totals.runSeconds;
        sum.failureCount += totals.failureCount;
        sum.failureSeconds += totals.failureSeconds;
        return sum;
      }, emptyTotals()),
    );
    const worst = perEquipment
      .map(({ context, totals }) => ({
        context,
        // Unplanned stop time: stops and micro-stops in planned busy time (time with no known
        // state, such as before a machine's first event, is not a stop).
        seconds: totals.downSeconds - totals.unknownSeconds + totals.minorStopSeconds,
      }))
      .filter((entry) => entry.seconds > 0)
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, WORST);
    const orders = await this.repository.openOrdersOf(worst.map((w) => w.context.equipmentId));
    const names = await this.repository.equipmentNames(worst.map((w) => w.context.equipmentId));
    return {
      at: now.toISOString(),
      openWorkOrders: counts.open,
      overdueWorkOrders: counts.overdue,
      dueInSevenDays: counts.dueSoon,
      mtbfSeconds: all.kpis.mtbfSeconds,
      mttrSeconds: all.kpis.mttrSeconds,
      worstEquipment: worst.map(({ context, seconds }) => ({
        equipmentId: context.equipmentId,
        equipmentCode: context.equipmentCode,
        equipmentName: names.get(context.equipmentId) ?? context.equipmentCode,
        lineId: context.lineId,
        unplannedStopSeconds: Math.round(seconds * 1000) / 1000,
        openWorkOrders: orders
          .filter((o) => o.equipmentId === context.equipmentId)
          .map(({ equipmentId: _equipmentId, ...order }) => order),
      })),
    };
  }

  /** One equipment (on a line in scope), one line (in scope), or the whole scope. */
  private async scope(query: MaintenanceKpiQuery, user: SessionUser): Promise<KpiScope> {
    const scope = await this.lineAccess.scopeOf(user);
    if (query.equipmentId) {
      const lineId = await this.repository.equipmentLine(query.equipmentId);
      if (!lineId) {
        throw new DomainException('INVALID_REFERENCE', 'Invalid equipmentId', [
          { path: 'equipmentId', message: 'Does not exist' },
        ]);
      }
      scope.assert(lineId, 'This equipment');
      return { equipmentId: query.equipmentId, lineIds: null };
    }
    return { lineIds: scope.narrow(query.lineId, 'That line') };
  }

  private async stops(
    scope: KpiScope,
    window: { start: number; end: number },
  ): Promise<{ failures: number; runSeconds: number; failureSeconds: number }> {
    const contexts = await this.oee.contextsOf(await this.repository.equipmentIds(scope));
    const [totals] =
      contexts.length === 0 ? [emptyTotals()] : await this.oee.totalsByWindow(contexts, [window]);
    return {
      failures: totals?.failureCount ?? 0,
      runSeconds: totals?.runSeconds ?? 0,
      failureSeconds: totals?.failureSeconds ?? 0,
    };
  }
}
