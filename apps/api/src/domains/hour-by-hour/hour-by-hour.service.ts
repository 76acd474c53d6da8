import { Injectable } from '@nestjs/common';
import type {
  HourByHour,
  HourByHourQuery,
  HourByHourRow,
  HourLoss,
  SessionUser,
} from '@ms5/contracts';
import {
  type HourTarget,
  type Interval,
  type OrderSegment,
  clipIntervals,
  hourlyTargets,
  mergeIntervals,
  subtractIntervals,
  totalLength,
} from '@ms5/oee';
import { Clock } from '../../platform/clock/clock.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import type { LineScope } from '../../platform/line-access/line-scope.js';
import { notFound } from '../../platform/common/domain.exception.js';
import { DowntimeService, type StopRow } from '../downtime/downtime.service.js';
import { PartCountsService } from '../oee/part-counts.service.js';
import {
  HourByHourRepository,
  type LineOutput,
  type PlannedStopRow,
  type ScheduledOrder,
} from './hour-by-hour.repository.js';
import {
  type LineShiftOccurrence,
  type OccurrenceDefault,
  findOccurrence,
} from './shift-occurrence.js';

export type { LineOutput, LineShiftOccurrence };

/** The reason code of stops nobody has given a reason yet. */
export const UNASSIGNED = 'UNASSIGNED';
const UNASSIGNED_NAME = 'No reason given';
/** Enough stops for any shift of one line. */
const MAX_STOPS = 10_000;

const round = (value: number, digits = 6) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The hour-by-hour board: each clock hour of a shift occurrence, its target from the orders
 * planned in it (at their product's ideal cycle time, less breaks and planned stops), against
 * the good parts counted at the line's output, with the running gap and, for an hour that fell
 * short, the stop reason that cost the most time.
 */
@Injectable()
export class HourByHourService {
  constructor(
    private readonly repository: HourByHourRepository,
    private readonly downtime: DowntimeService,
    private readonly parts: PartCountsService,
    private readonly clock: Clock,
    private readonly lineAccess: LineAccessService,
  ) {}

  /** The line with its machines and output station, or `null` when there is no such line. */
  line(lineId: string): Promise<LineOutput | null> {
    return this.repository.line(lineId);
  }

  /** Every downtime reason by code: its name and whether it is planned. */
  reasons(): Promise<Map<string, { name: string; planned: boolean }>> {
    return this.repository.reasons();
  }

  /** 404 for an unknown line, 403 for a line the user is not assigned to. */
  async board(lineId: string, query: HourByHourQuery, user: SessionUser): Promise<HourByHour> {
    const now = this.clock.now().getTime();
    const scope = await this.lineAccess.scopeOf(user);
    const { line, occurrence } = await this.occurrence(lineId, query, now, 'running', {
      scope,
      subject: 'This board',
    });
    return this.compute(line, occurrence, now);
  }

  /**
   * The line (404 when unknown) and the occurrence the query names (see {@link findOccurrence}).
   * With `access`, a line out of the caller's scope is 403 before the query is judged (a shift
   * of another line says nothing about it).
   */
  async occurrence(
    lineId: string,
    query: { shiftId?: string; date?: string },
    now: number,
    prefer: OccurrenceDefault = 'running',
    access?: { scope: LineScope; subject: string },
  ): Promise<{ line: LineOutput; occurrence: LineShiftOccurrence }> {
    const line = await this.repository.line(lineId);
    if (!line) throw notFound('Line', lineId);
    access?.scope.assert(line.id, access.subject);
    const shifts = await this.repository.shifts(lineId);
    return { line, occurrence: findOccurrence(line, shifts, query, now, prefer) };
  }

  /** The board of one occurrence as of `now`. */
  async compute(
    line: LineOutput,
    occurrence: LineShiftOccurrence,
    now: number,
  ): Promise<HourByHour> {
    const window: Interval = { start: occurrence.start, end: occurrence.end };
    const [orders, stops] = await Promise.all([
      this.repository.orders(line, window, now),
      this.repository.plannedStops(line.id, window),
    ]);
    const plan = {
      timezone: occurrence.shift.timezone,
      breaks: occurrence.breaks,
      plannedStops: stops
        .filter((s) => s.equipmentId === null || s.equipmentId === line.outputEquipmentId)
        .map(({ start, end }) => ({ start, end })),
      orders: orders.map(toSegment),
    };
    const targets = hourlyTargets({ ...plan, shift: window });
    const outputIds =
      line.outputEquipmentId === null ? line.equipmentIds : [line.outputEquipmentId];
    const counts = await this.parts.partsIn(
      outputIds,
      // Parts of reports after now are not known yet.
      targets.map((t) => ({ start: t.start, end: Math.min(t.end, now) })),
      now,
    );
    const byId = new Map(orders.map((o) => [o.id, o]));
    let cumulativeActual = 0;
    const hours: HourByHourRow[] = targets.map((t, index) => {
      const count = counts[index] ?? { good: 0, reject: 0 };
      cumulativeActual += count.good;
      const phase = t.end <= now ? 'past' : t.start <= now ? 'current' : 'future';
      return {
        start: new Date(t.start).toISOString(),
        end: new Date(t.end).toISOString(),
        plannedSeconds: round(t.plannedSeconds, 3),
        target: t.target,
        actualGood: count.good,
        actualReject: count.reject,
        cumulativeTarget: t.cumulativeTarget,
        cumulativeActual,
        cumulativeGap: cumulativeActual - t.cumulativeTarget,
        orders: hourOrders(t, byId),
        phase,
        short: phase === 'past' && count.good < t.target,
        topLoss: null,
      };
    });
    const short = hours.flatMap((row, index) => (row.short ? [index] : []));
    if (short.length > 0) {
      const losses = await this.topLosses(line, occurrence, stops, targets, short, now);
      for (const [index, loss] of losses) {
        const row = hours[index];
        if (row) row.topLoss = loss;
      }
    }
    const target = targets.at(-1)?.cumulativeTarget ?? 0;
    // Whole parts due from the shift's start up to now (the same floor as the hours use).
    const until = Math.min(now, occurrence.end);
    const targetSoFar =
      until <= occurrence.start
        ? 0
        : until >= occurrence.end
          ? target
          : (hourlyTargets({ ...plan, shift: { start: occurrence.start, end: until } }).at(-1)
              ?.cumulativeTarget ?? 0);
    const actualGood = hours.reduce((sum, row) => sum + row.actualGood, 0);
    return {
      lineId: line.id,
      lineCode: line.code,
      outputEquipmentId: line.outputEquipmentId,
      shift: occurrence.shift,
      from: new Date(occurrence.start).toISOString(),
      to: new Date(occurrence.end).toISOString(),
      hours,
      totals: {
        plannedSeconds: round(
          targets.reduce((sum, t) => sum + t.plannedSeconds, 0),
          3,
        ),
        target,
        actualGood,
        actualReject: hours.reduce((sum, row) => sum + row.actualReject, 0),
        gap: actualGood - target,
        targetSoFar,
        gapSoFar: actualGood - targetSoFar,
      },
      generatedAt: new Date(now).toISOString(),
    };
  }

  /**
   * For each short hour, the reason with the most unplanned stop time on the line's equipment:
   * stops (not micro-stops) clipped to the hour, less breaks and planned stops of the line and of
   * that equipment; stops with a reason marked planned left out; no reason → `UNASSIGNED`.
   */
  private async topLosses(
    line: LineOutput,
    occurrence: LineShiftOccurrence,
    plannedStops: readonly PlannedStopRow[],
    targets: readonly HourTarget[],
    shortHours: readonly number[],
    now: number,
  ): Promise<Map<number, HourLoss>> {
    const out = new Map<number, HourLoss>();
    if (line.equipmentIds.length === 0) return out;
    const [stops, reasons] = await Promise.all([
      this.downtime.stopsIn(
        line.equipmentIds,
        new Date(occurrence.start),
        new Date(Math.min(occurrence.end, now)),
        MAX_STOPS,
      ),
      this.repository.reasons(),
    ]);
    const plannedFor = new Map<string, Interval[]>();
    const planned = (equipmentId: string): Interval[] => {
      let list = plannedFor.get(equipmentId);
      if (!list) {
        list = mergeIntervals([
          ...occurrence.breaks,
          ...plannedStops.filter((s) => s.equipmentId === null || s.equipmentId === equipmentId),
        ]);
        plannedFor.set(equipmentId, list);
      }
      return list;
    };
    const lost = stops.flatMap((stop) => {
      if (stop.micro_stop) return [];
      const code = stop.assigned_reason ?? stop.machine_reason;
      const reason = code === null ? undefined : reasons.get(code);
      if (reason?.planned === true) return [];
      return [{ stop, code, name: reason?.name ?? code ?? UNASSIGNED_NAME }];
    });
    for (const index of shortHours) {
      const hour = targets[index];
      if (!hour) continue;
      const byReason = new Map<string, { name: string; seconds: number }>();
      for (const { stop, code, name } of lost) {
        const seconds = unplannedSeconds(stop, hour, planned(stop.equipment_id), now);
        if (seconds <= 0) continue;
        const key = code ?? UNASSIGNED;
        const entry = byReason.get(key) ?? { name, seconds: 0 };
        entry.seconds += seconds;
        byReason.set(key, entry);
      }
      const [top] = [...byReason.entries()].sort(
        (a, b) => b[1].seconds - a[1].seconds || a[0].localeCompare(b[0]),
      );
      if (top) {
        out.set(index, {
          reasonCode: top[0],
          reasonName: top[1].name,
          seconds: round(top[1].seconds, 3),
        });
      }
    }
    return out;
  }
}

/** Seconds of a stop inside the hour and outside planned downtime. */
function unplannedSeconds(
  stop: StopRow,
  hour: Interval,
  planned: readonly Interval[],
  now: number,
): number {
  const end = stop.ended_at?.getTime() ?? now;
  const inHour = clipIntervals([{ start: stop.started_at.getTime(), end }], hour);
  return totalLength(subtractIntervals(inHour, planned)) / 1000;
}

/** The pace of an order: one cycle time, or the summed rate of several parallel machines. */
function toSegment(order: ScheduledOrder): OrderSegment {
  const [single, ...more] = order.cycleTimes;
  const base = { start: order.start, end: order.end, orderId: order.id };
  if (single !== undefined && more.length === 0) return { ...base, idealCycleTimeSeconds: single };
  return { ...base, partsPerSecond: order.cycleTimes.reduce((sum, ct) => sum + 1 / ct, 0) };
}

function hourOrders(
  target: HourTarget,
  orders: ReadonlyMap<string, ScheduledOrder>,
): HourByHourRow['orders'] {
  return target.orders.flatMap(({ orderId }) => {
    const order = orders.get(orderId);
    if (!order) return [];
    const rate = order.cycleTimes.reduce((sum, ct) => sum + 1 / ct, 0);
    return [
      {
        id: order.id,
        reference: order.reference,
        productCode: order.productCode,
        idealCycleTimeSeconds:
          order.cycleTimes.length === 1 ? (order.cycleTimes[0] ?? 0) : round(1 / rate),
      },
    ];
  });
}
