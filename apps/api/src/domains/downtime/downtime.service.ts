import { Injectable } from '@nestjs/common';
import {
  type AssignDowntimeReasonInput,
  type DowntimeListQuery,
  type DowntimePareto,
  type DowntimeParetoQuery,
  type DowntimeStop,
  type Paginated,
  type ReliabilityReport,
  type SessionUser,
  toPage,
} from '@ms5/contracts';
import { computeOeeFromTotals, emptyTotals, overlapLength } from '@ms5/oee';
import { AuditService } from '../../platform/audit/audit.service.js';
import { notFound } from '../../platform/common/domain.exception.js';
import { LineScope } from '../../platform/line-access/line-scope.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { type EquipmentContext, OeeService, windowUntilNow } from '../oee/oee.service.js';
import { DowntimeRepository, type StopRow } from './downtime.repository.js';

export type { StopRow };

const MICRO_STOPS = 'Micro-stops';
const CHANGEOVER = 'Changeover (setup)';
const UNASSIGNED = 'No reason given';
const UNKNOWN = 'No machine data';

/** Stops, the reasons people give them, the Pareto of lost time, and MTBF / MTTR. */
@Injectable()
export class DowntimeService {
  constructor(
    private readonly downtime: DowntimeRepository,
    private readonly oeeService: OeeService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The stops of these machines that overlap a window, oldest first, at most `limit` (the same
   * gaps-and-islands SQL as the stop list), for boards that sum their own losses.
   */
  stopsIn(
    equipmentIds: readonly string[],
    from: Date,
    to: Date,
    limit: number,
  ): Promise<StopRow[]> {
    return this.downtime.stops(equipmentIds, from, to, false, limit, 0);
  }

  /** The stops of an equipment or line the caller may see (`lines`: 403 for another line's). */
  async list(query: DowntimeListQuery, lines: LineScope): Promise<Paginated<DowntimeStop>> {
    const contexts = await this.oeeService.scope(query, lines);
    const rows = await this.downtime.stops(
      contexts.map((c) => c.equipmentId),
      new Date(query.from),
      new Date(query.to),
      query.unassigned === true,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    return toPage(
      rows.map(toStop),
      rows[0]?.total ?? (await this.countOnEmptyPage(query, contexts)),
      query,
    );
  }

  /** Operators say (or correct) why a machine stopped; the change is audited (who, when, old → new). */
  async assignReason(
    input: AssignDowntimeReasonInput,
    actor: SessionUser,
    lines: LineScope,
  ): Promise<DowntimeStop> {
    // Another line's machine is refused before anything is looked at (an unknown one is a 400
    // below: no stop of it starts then).
    const lineId = await this.downtime.lineOfEquipment(input.equipmentId);
    if (lineId) lines.assert(lineId, 'This equipment');
    const startedAt = new Date(input.startedAt);
    const errors = [];
    if (!(await this.downtime.reasonExists(input.reasonCode))) {
      errors.push({ path: 'reasonCode', message: 'Unknown downtime reason' });
    }
    const stop = await this.downtime.stopStartingAt(input.equipmentId, startedAt);
    if (!stop)
      errors.push({ path: 'startedAt', message: 'No stop of this equipment starts at this time' });
    if (errors.length > 0) throw new FieldValidationException(errors);

    await this.downtime.transaction(async (manager) => {
      const { before } = await this.downtime.upsertAssignment(manager, {
        equipmentId: input.equipmentId,
        startedAt,
        reasonCode: input.reasonCode,
        comment: input.comment ?? null,
        userId: actor.id,
      });
      await this.audit.record(manager, {
        actor,
        action: before ? 'downtime.reason-corrected' : 'downtime.reason-assigned',
        entityType: 'downtime',
        entityId: `${input.equipmentId}@${startedAt.toISOString()}`,
        before: before ?? { reasonCode: stop?.machineReason ?? null },
        after: { reasonCode: input.reasonCode, comment: input.comment ?? null },
      });
    });
    const [row] = await this.downtime.stops(
      [input.equipmentId],
      startedAt,
      new Date(startedAt.getTime() + 1),
      false,
      1,
      0,
    );
    if (!row) throw notFound('Stop', input.startedAt);
    return toStop(row);
  }

  /**
   * Lost planned busy time by reason, largest first, with cumulative shares: stops of at least the
   * micro-stop threshold by their reason (the operator's, else the machine's), micro-stops and
   * changeovers as their own bars, time without machine data as another. Only time inside
   * planned busy time counts, exactly as in OEE.
   */
  async pareto(
    query: DowntimeParetoQuery,
    now: number = Date.now(),
    lines: LineScope = LineScope.everyLine,
  ): Promise<DowntimePareto> {
    const contexts = await this.oeeService.scope(query, lines);
    const window = windowUntilNow(query, now);
    const assignments = await this.downtime.assignmentsIn(
      contexts.map((c) => c.equipmentId),
      new Date(window.start),
      new Date(window.end),
    );
    const assigned = new Map(
      assignments.map((a) => [`${a.equipmentId}@${a.startedAt.getTime()}`, a.reasonCode]),
    );
    const bars = new Map<
      string,
      { reasonCode: string | null; seconds: number; stops: Set<string> }
    >();
    const add = (key: string, reasonCode: string | null, seconds: number, stopKey: string) => {
      if (seconds <= 0) return;
      const bar = bars.get(key) ?? { reasonCode, seconds: 0, stops: new Set<string>() };
      bar.seconds += seconds;
      bar.stops.add(stopKey);
      bars.set(key, bar);
    };
    for (const context of contexts) {
      const { timeline, model } = await this.oeeService.timeModel(context, window);
      const thresholdMs = context.microStopThresholdSeconds * 1000;
      for (const segment of timeline) {
        const seconds = overlapLength(segment, model.plannedBusy) / 1000;
        const episodeStart = segment.episodeStart ?? segment.start;
        const stopKey = `${context.equipmentId}@${episodeStart}`;
        if (segment.state === 'unknown') add(UNKNOWN, null, seconds, stopKey);
        else if (segment.state === 'changeover') add(CHANGEOVER, null, seconds, stopKey);
        else if (segment.state === 'stopped' || segment.state === 'idle') {
          const episodeEnd = segment.episodeEnd ?? Infinity;
          if (episodeEnd - episodeStart < thresholdMs) add(MICRO_STOPS, null, seconds, stopKey);
          else {
            const code = assigned.get(stopKey) ?? segment.reasonCode ?? null;
            add(code ?? UNASSIGNED, code, seconds, stopKey);
          }
        }
      }
    }
    const names = await this.downtime.reasonNames();
    const totalSeconds = [...bars.values()].reduce((sum, bar) => sum + bar.seconds, 0);
    let cumulative = 0;
    const items = [...bars.entries()]
      .sort((a, b) => b[1].seconds - a[1].seconds || a[0].localeCompare(b[0]))
      .map(([key, bar]) => {
        cumulative += bar.seconds;
        const reason = bar.reasonCode ? names.get(bar.reasonCode) : undefined;
        return {
          reasonCode: bar.reasonCode,
          reasonName: reason?.name ?? key,
          category: reason?.category ?? null,
          seconds: bar.seconds,
          stops: bar.stops.size,
          share: totalSeconds > 0 ? bar.seconds / totalSeconds : 0,
          cumulativeShare: totalSeconds > 0 ? cumulative / totalSeconds : 0,
        };
      });
    return {
      from: new Date(window.start).toISOString(),
      to: new Date(window.end).toISOString(),
      totalSeconds,
      items,
    };
  }

  /** MTBF (run time / failures) and MTTR (failure time / failures) per equipment, from real stops. */
  async reliability(
    query: DowntimeParetoQuery,
    now: number = Date.now(),
    lines: LineScope = LineScope.everyLine,
  ): Promise<ReliabilityReport> {
    const contexts = await this.oeeService.scope(query, lines);
    const window = windowUntilNow(query, now);
    const items = [];
    for (const context of contexts) {
      // From the hourly roll-ups where they exist, like every OEE figure.
      const [totals] = await this.oeeService.totalsByWindow([context], [window]);
      const result = computeOeeFromTotals(totals ?? emptyTotals());
      items.push({
        equipmentId: context.equipmentId,
        equipmentCode: context.equipmentCode,
        failures: result.counts.failures,
        runSeconds: result.times.runSeconds,
        failureSeconds: result.times.failureSeconds,
        mtbfSeconds: result.kpis.mtbfSeconds,
        mttrSeconds: result.kpis.mttrSeconds,
      });
    }
    return {
      from: new Date(window.start).toISOString(),
      to: new Date(window.end).toISOString(),
      items,
    };
  }

  /** On a page past the end the window query has no row to carry the total: count from page one. */
  private async countOnEmptyPage(
    query: DowntimeListQuery,
    contexts: EquipmentContext[],
  ): Promise<number> {
    if (query.page === 1 || contexts.length === 0) return 0;
    const rows = await this.downtime.stops(
      contexts.map((c) => c.equipmentId),
      new Date(query.from),
      new Date(query.to),
      query.unassigned === true,
      1,
      0,
    );
    return rows[0]?.total ?? 0;
  }
}

function toStop(row: StopRow): DowntimeStop {
  const reasonCode = row.assigned_reason ?? row.machine_reason;
  return {
    downtimeEventId: row.event_pk,
    equipmentId: row.equipment_id,
    equipmentCode: row.equipment_code,
    lineId: row.line_id,
    state: row.state,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    durationSeconds: Math.round(row.duration_seconds * 1000) / 1000,
    microStop: row.micro_stop,
    reasonCode,
    reasonName: row.reason_name,
    reasonSource: row.assigned_reason ? 'operator' : row.machine_reason ? 'machine' : null,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at?.toISOString() ?? null,
    comment: row.comment,
  };
}
