import { Injectable } from '@nestjs/common';
import type { Overview, OverviewQuery } from '@ms5/contracts';
import {
  type Interval,
  type OeeTotals,
  computeOeeFromTotals,
  emptyTotals,
  shiftOccurrences,
  sumTotals,
} from '@ms5/oee';
import { notFound } from '../../platform/common/domain.exception.js';
import { LineScope } from '../../platform/line-access/line-scope.js';
import { OeeRepository } from './oee.repository.js';
import { OeeService } from './oee.service.js';

const HOUR_MS = 3_600_000;

type Summary = Overview['lines'][number]['oee'];

function summary(totals: Required<OeeTotals>): Summary {
  const result = computeOeeFromTotals(totals);
  return {
    availability: result.kpis.availability,
    performance: result.kpis.performance,
    quality: result.kpis.quality,
    oee: result.kpis.oee,
    performanceAboveOne: result.flags.performanceAboveOne,
    goodCount: result.counts.good,
    rejectCount: result.counts.reject,
    plannedProductionSeconds: result.times.plannedBusySeconds,
  };
}

/** The plant at a glance: each line's current shift OEE, each equipment's live state and OEE. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OeeRepository,
    private readonly oee: OeeService,
  ) {}

  /** The caller's lines only (`scope`); a `lineId` of another line is refused, an unknown one 404. */
  async overview(
    query: OverviewQuery,
    now: number = Date.now(),
    scope: LineScope = LineScope.everyLine,
  ): Promise<Overview> {
    if (query.lineId && !(await this.repository.lineExists(query.lineId)))
      throw notFound('Line', query.lineId);
    const lines = await this.repository.linesWithEquipment(scope.narrow(query.lineId));
    const allIds = lines.flatMap((line) => line.equipment.map((e) => e.id));
    const contexts = new Map(
      (await this.repository.equipmentContexts(allIds)).map((c) => [c.equipmentId, c]),
    );
    const states = new Map(
      (await this.repository.currentStates(allIds)).map((s) => [s.equipmentId, s]),
    );

    const out: Overview['lines'] = [];
    for (const line of lines) {
      const shifts =
        line.equipment.length > 0 ? (contexts.get(line.equipment[0]?.id ?? '')?.shifts ?? []) : [];
      const window = currentWindow(shifts, now);
      const perEquipment: Array<Required<OeeTotals>> = [];
      const equipment: Overview['lines'][number]['equipment'] = [];
      for (const item of line.equipment) {
        const context = contexts.get(item.id);
        const [totals] = context ? await this.oee.totalsByWindow([context], [window]) : [];
        const equipmentTotals = totals ?? emptyTotals();
        perEquipment.push(equipmentTotals);
        const state = states.get(item.id);
        equipment.push({
          ...item,
          state:
            (state?.state as Overview['lines'][number]['equipment'][number]['state'] | undefined) ??
            'unknown',
          stateSince: state ? new Date(state.since).toISOString() : null,
          reasonCode: state?.reasonCode ?? null,
          reasonName: state?.reasonName ?? null,
          oee: summary(equipmentTotals),
        });
      }
      out.push({
        id: line.id,
        code: line.code,
        name: line.name,
        window: {
          from: new Date(window.start).toISOString(),
          to: new Date(window.end).toISOString(),
          label: window.label,
        },
        oee: summary(sumTotals(perEquipment)),
        equipment,
      });
    }
    return { at: new Date(now).toISOString(), lines: out };
  }
}

/** The shift going on now (up to now), else the latest one that ended, else the last 8 hours. */
function currentWindow(
  shifts: ReadonlyArray<Parameters<typeof shiftOccurrences>[0] & { name: string }>,
  now: number,
): Interval & { label: string } {
  let best: (Interval & { label: string }) | undefined;
  for (const pattern of shifts) {
    for (const occurrence of shiftOccurrences(pattern, now - 36 * HOUR_MS, now + 1)) {
      if (occurrence.start > now) continue;
      const candidate = {
        start: occurrence.start,
        end: Math.min(occurrence.end, now),
        label: pattern.name,
      };
      if (!best || candidate.start > best.start) best = candidate;
    }
  }
  return best && best.end > best.start
    ? best
    : { start: now - 8 * HOUR_MS, end: now, label: 'Last 8 hours' };
}
