import { Injectable } from '@nestjs/common';
import type {
  OeeLinesQuery,
  OeeLinesReport,
  OeeQuery,
  OeeReport,
  OeeSeriesQuery,
  OeeSeriesReport,
  RollupStatus,
} from '@ms5/contracts';
import {
  type Interval,
  type OeeResult,
  type OeeTotals,
  computeOeeFromTotals,
  emptyTotals,
  shiftOccurrences,
  subtractIntervals,
  sumTotals,
  wallTimeAt,
  wallTimeToInstant,
} from '@ms5/oee';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { LineScope } from '../../platform/line-access/line-scope.js';
import { OeeEngineAdapter } from './oee-engine.adapter.js';
import { type EquipmentContext, OeeRepository } from './oee.repository.js';

export type { EquipmentContext };

/** What a machine did over a time: `running` seconds (planned or not) and parts made. */
export interface MachineMeter {
  runSeconds: number;
  parts: number;
}

const HOUR_MS = 3_600_000;
const MAX_WINDOWS = 2000;
/** Up to this many windows the database sums the roll-ups; a longer series is summed here. */
const FEW_WINDOWS = 4;

/**
 * OEE for an equipment or a line over any window: whole hours come from the roll-ups, the rest
 * (window edges, the current hour, hours not rolled up yet) is computed from raw events. Roll-ups
 * across equipment and time are time-weighted: totals are summed, then the KPIs computed.
 */
@Injectable()
export class OeeService {
  constructor(
    private readonly repository: OeeRepository,
    private readonly engine: OeeEngineAdapter,
  ) {}

  /** One machine's state timeline over a range and its ISO 22400 time model (for loss breakdowns). */
  timeModel(context: EquipmentContext, range: Interval): ReturnType<OeeEngineAdapter['timeModel']> {
    return this.engine.timeModel(context, range);
  }

  /**
   * `lines` is the caller's scope; internal callers that checked the line themselves (the
   * handover of a line they may see) pass none.
   */
  async report(
    query: OeeQuery,
    now: number = Date.now(),
    lines: LineScope = LineScope.everyLine,
  ): Promise<OeeReport> {
    const contexts = await this.scope(query, lines);
    const window = windowUntilNow(query, now);
    const [totals] = await this.totalsByWindow(contexts, [window]);
    return toReport(query, window, computeOeeFromTotals(totals ?? emptyTotals()));
  }

  async series(
    query: OeeSeriesQuery,
    now: number = Date.now(),
    lines: LineScope = LineScope.everyLine,
  ): Promise<OeeSeriesReport> {
    const contexts = await this.scope(query, lines);
    const window = windowUntilNow(query, now);
    const windows = this.buckets(query, contexts, window);
    const totals = await this.totalsByWindow(contexts, windows);
    return {
      equipmentId: query.equipmentId ?? null,
      lineId: query.lineId ?? null,
      bucket: query.bucket,
      from: new Date(window.start).toISOString(),
      to: new Date(window.end).toISOString(),
      points: windows.map((w, index) => {
        const { kpis, times, counts, flags } = computeOeeFromTotals(totals[index] ?? emptyTotals());
        return {
          label: w.label,
          from: new Date(w.start).toISOString(),
          to: new Date(w.end).toISOString(),
          availability: round(kpis.availability),
          performance: round(kpis.performance),
          quality: round(kpis.quality),
          oee: round(kpis.oee),
          performanceAboveOne: flags.performanceAboveOne,
          plannedProductionSeconds: times.plannedBusySeconds,
          runSeconds: times.runSeconds,
          totalCount: counts.total,
          goodCount: counts.good,
          rejectCount: counts.reject,
        };
      }),
    };
  }

  /**
   * Every line's OEE over one window, and the plant's (all equipment summed). For a line-limited
   * caller: their lines, and "the plant" is the sum of those.
   */
  async lines(
    query: OeeLinesQuery,
    now: number = Date.now(),
    scope: LineScope = LineScope.everyLine,
  ): Promise<OeeLinesReport> {
    const window = windowUntilNow(query, now);
    const contexts = await this.repository.equipmentContexts(
      await this.repository.equipmentIdsOfLines(scope.lineIds),
    );
    const lines = await this.repository.linesWithEquipment(scope.lineIds);
    // Lines are independent: computed side by side (each takes its own pool connections).
    const perLine = await Promise.all(
      lines.map(async (line) => {
        const [totals] = await this.totalsByWindow(
          contexts.filter((c) => c.lineId === line.id),
          [window],
        );
        return { line, totals: totals ?? emptyTotals() };
      }),
    );
    const all = perLine.map((entry) => entry.totals);
    return {
      from: new Date(window.start).toISOString(),
      to: new Date(window.end).toISOString(),
      plant: toReport({}, window, computeOeeFromTotals(sumTotals(all))),
      lines: perLine.map(({ line, totals }) => ({
        ...toReport({ lineId: line.id }, window, computeOeeFromTotals(totals)),
        lineCode: line.code,
        lineName: line.name,
      })),
    };
  }

  /** The roll-up progress of the caller's lines' equipment. */
  async rollupStatus(scope: LineScope = LineScope.everyLine): Promise<RollupStatus> {
    const status = await this.repository.rollupStatus(scope.lineIds);
    return {
      queuedEquipment: status.queued,
      oldestQueuedSince: status.oldest ? new Date(status.oldest).toISOString() : null,
      storedHours: status.hours,
      lastComputedAt: status.last ? new Date(status.last).toISOString() : null,
    };
  }

  /**
   * What each machine did since each request's `since`, for maintenance meters: seconds in
   * `running` state (planned or not) and parts made (good + reject + rework). Whole hours come
   * from the roll-ups (`meterRollups`); the rest — the hours after an equipment's last final
   * hour, the open hour — from that time's raw events only (`meterTails`). A request whose
   * `since` hour was rolled up gives `sinceOffset`, the reading of that hour before `since`
   * (see `meterOffset`), which the hour's roll-up includes and the meter does not.
   */
  async machineMeters(
    requests: ReadonlyArray<{
      key: string;
      equipmentId: string;
      since: number;
      sinceOffset: MachineMeter;
    }>,
    now: number,
  ): Promise<Map<string, MachineMeter>> {
    const out = new Map<string, MachineMeter>();
    const live = requests.filter((r) => r.since < now);
    for (const r of requests) if (r.since >= now) out.set(r.key, { runSeconds: 0, parts: 0 });
    if (live.length === 0) return out;
    const openHour = floorHour(now);
    const rolled = new Map(
      (
        await this.repository.meterRollups(
          live.map((r) => ({
            key: r.key,
            equipmentId: r.equipmentId,
            sinceHour: floorHour(r.since),
          })),
          openHour,
        )
      ).map((row) => [row.key, row]),
    );
    const byEquipment = new Map<
      string,
      Array<{ key: string; liveFrom: number; base: MachineMeter }>
    >();
    for (const r of live) {
      const row = rolled.get(r.key);
      const useRolled = row !== undefined && row.rolledUntil !== null && row.rolledUntil > r.since;
      const base: MachineMeter = useRolled
        ? {
            runSeconds: row.runSeconds - (row.sinceHourRolled ? r.sinceOffset.runSeconds : 0),
            parts: row.parts - (row.sinceHourRolled ? r.sinceOffset.parts : 0),
          }
        : { runSeconds: 0, parts: 0 };
      const liveFrom = useRolled ? (row.rolledUntil ?? r.since) : r.since;
      const list = byEquipment.get(r.equipmentId) ?? [];
      list.push({ key: r.key, liveFrom, base });
      byEquipment.set(r.equipmentId, list);
    }
    const tails = await this.repository.meterTails(
      [...byEquipment.entries()].flatMap(([equipmentId, list]) =>
        list
          .filter((entry) => entry.liveFrom < now)
          .map((entry) => ({ equipmentId, from: entry.liveFrom })),
      ),
      now,
    );
    const tailOf = new Map(tails.map((tail) => [`${tail.equipmentId}:${tail.from}`, tail]));
    for (const [equipmentId, list] of byEquipment) {
      for (const entry of list) {
        const tail = tailOf.get(`${equipmentId}:${entry.liveFrom}`);
        out.set(entry.key, {
          runSeconds: Math.max(0, entry.base.runSeconds + (tail?.runSeconds ?? 0)),
          parts: Math.max(0, Math.round((entry.base.parts + (tail?.parts ?? 0)) * 1000) / 1000),
        });
      }
    }
    return out;
  }

  /** The meters of `since`'s hour before `since`, from that hour's raw events. */
  async meterOffset(equipmentId: string, since: number): Promise<MachineMeter> {
    const hour = floorHour(since);
    const [context] = await this.repository.equipmentContexts([equipmentId]);
    if (!context || since <= hour) return { runSeconds: 0, parts: 0 };
    const [t] = await this.engine.totalsFor(context, { start: hour, end: since }, [
      { start: hour, end: since },
    ]);
    return { runSeconds: t?.machineRunSeconds ?? 0, parts: t ? t.good + t.reject + t.rework : 0 };
  }

  /** What the engine needs of each of these equipment (unknown ids are left out). */
  contextsOf(equipmentIds: readonly string[]): Promise<EquipmentContext[]> {
    return this.repository.equipmentContexts(equipmentIds);
  }

  /**
   * The equipment an `equipmentId` or `lineId` query is about: 404 for an unknown one, 403
   * `LINE_NOT_ASSIGNED` for one on a line outside `lines` (the caller's scope).
   */
  async scope(
    query: { equipmentId?: string; lineId?: string },
    lines: LineScope = LineScope.everyLine,
  ): Promise<EquipmentContext[]> {
    let ids: string[];
    if (query.equipmentId) ids = [query.equipmentId];
    else if (query.lineId) ids = await this.repository.equipmentIdsOfLine(query.lineId);
    else
      throw new DomainException('INVALID_REFERENCE', 'Give equipmentId or lineId', [
        { path: 'equipmentId', message: 'Required' },
      ]);
    const contexts = await this.repository.equipmentContexts(ids);
    if (query.equipmentId) {
      const [context] = contexts;
      if (!context) throw notFound('Equipment', query.equipmentId);
      lines.assert(context.lineId, 'This equipment');
    } else if (query.lineId) {
      if (contexts.length === 0 && !(await this.repository.lineExists(query.lineId)))
        throw notFound('Line', query.lineId);
      lines.assert(query.lineId, 'That line');
    }
    return contexts;
  }

  private buckets(
    query: OeeSeriesQuery,
    contexts: readonly EquipmentContext[],
    window: Interval,
  ): Array<Interval & { label: string }> {
    const out: Array<Interval & { label: string }> = [];
    if (query.bucket === 'shift') {
      const patterns = contexts[0]?.shifts ?? [];
      for (const pattern of patterns) {
        for (const occurrence of shiftOccurrences(pattern, window.start, window.end)) {
          out.push({
            start: Math.max(occurrence.start, window.start),
            end: Math.min(occurrence.end, window.end),
            label: `${pattern.name} ${new Date(occurrence.start).toISOString()}`,
          });
        }
      }
      out.sort((a, b) => a.start - b.start);
    } else {
      const step = query.bucket === 'hour' ? HOUR_MS : 24 * HOUR_MS;
      const first =
        query.bucket === 'hour'
          ? Math.floor(window.start / HOUR_MS) * HOUR_MS
          : startOfDay(window.start, query.timezone);
      for (let t = first; t < window.end;) {
        const next =
          query.bucket === 'hour' ? t + step : startOfDay(t + step + 2 * HOUR_MS, query.timezone);
        out.push({
          start: Math.max(t, window.start),
          end: Math.min(next, window.end),
          label: new Date(t).toISOString(),
        });
        t = next;
      }
    }
    if (out.length > MAX_WINDOWS) {
      throw new DomainException(
        'INVALID_REFERENCE',
        `At most ${MAX_WINDOWS} buckets; narrow the window or use a larger bucket`,
        [{ path: 'bucket', message: 'Too many buckets for this window' }],
      );
    }
    return out.filter((w) => w.end > w.start);
  }

  /** Summed totals of all equipment for each window. */
  async totalsByWindow(
    contexts: readonly EquipmentContext[],
    windows: readonly Interval[],
  ): Promise<Array<Required<OeeTotals>>> {
    const ids = contexts.map((c) => c.equipmentId);
    const perWindow: Array<OeeTotals[]> = windows.map(() => []);
    const rolled =
      ids.length === 0 || windows.length === 0
        ? []
        : windows.length <= FEW_WINDOWS
          ? await this.repository.sumFinalHoursByWindow(ids, windows)
          : await this.sumFinalHoursInMemory(ids, windows);
    const rolledBy = new Map(rolled.map((row) => [`${row.windowIndex}:${row.equipmentId}`, row]));
    for (const context of contexts) {
      const live: Interval[] = [];
      const liveOwner: number[] = [];
      for (const [index, window] of windows.entries()) {
        const row = rolledBy.get(`${index}:${context.equipmentId}`);
        if (row) perWindow[index]?.push(row);
        const covered = await this.coveredHours(context.equipmentId, window, row?.hours ?? 0);
        for (const piece of subtractIntervals([window], covered)) {
          live.push(piece);
          liveOwner.push(index);
        }
      }
      if (live.length === 0) continue;
      const range = {
        start: Math.min(...live.map((p) => p.start)),
        end: Math.max(...live.map((p) => p.end)),
      };
      const totals = await this.engine.totalsFor(context, range, live);
      totals.forEach((t, i) => perWindow[liveOwner[i] ?? 0]?.push(t));
    }
    return perWindow.map((list) => sumTotals(list));
  }

  /**
   * For many small windows (a series): one index range read of the hours, summed per window here.
   * (For a few large windows the database sums instead.)
   */
  private async sumFinalHoursInMemory(
    ids: readonly string[],
    windows: readonly Interval[],
  ): Promise<
    Array<Required<OeeTotals> & { windowIndex: number; equipmentId: string; hours: number }>
  > {
    const from = Math.min(...windows.map((w) => w.start));
    const to = Math.max(...windows.map((w) => w.end));
    const hours = await this.repository.finalHoursInRange(ids, { start: from, end: to });
    const out: Array<
      Required<OeeTotals> & { windowIndex: number; equipmentId: string; hours: number }
    > = [];
    const byEquipment = new Map<string, typeof hours>();
    for (const row of hours) {
      const list = byEquipment.get(row.equipmentId) ?? [];
      list.push(row);
      byEquipment.set(row.equipmentId, list);
    }
    for (const [equipmentId, rows] of byEquipment) {
      rows.sort((a, b) => a.hourMs - b.hourMs);
      windows.forEach((window, windowIndex) => {
        const inside = rows.filter(
          (row) => row.hourMs >= window.start && row.hourMs + HOUR_MS <= window.end,
        );
        if (inside.length > 0)
          out.push({ ...sumTotals(inside), windowIndex, equipmentId, hours: inside.length });
      });
    }
    return out;
  }

  /** The final roll-up hours inside a window, as intervals. */
  private async coveredHours(
    equipmentId: string,
    window: Interval,
    rolledHours: number,
  ): Promise<Interval[]> {
    if (rolledHours === 0) return [];
    const firstHour = Math.ceil(window.start / HOUR_MS) * HOUR_MS;
    const lastHourEnd = Math.floor(window.end / HOUR_MS) * HOUR_MS;
    const wholeHours = Math.max(0, (lastHourEnd - firstHour) / HOUR_MS);
    if (rolledHours === wholeHours) return [{ start: firstHour, end: lastHourEnd }];
    const starts = await this.repository.finalHourStarts(equipmentId, window);
    return starts.map((start) => ({ start, end: start + HOUR_MS }));
  }
}

const DAY_MS = 24 * HOUR_MS;
const floorHour = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** `[from, to)`, not past now: time that has not happened yet is not counted. */
export function windowUntilNow(query: { from: string; to: string }, now: number): Interval {
  const start = Date.parse(query.from);
  return { start, end: Math.min(Date.parse(query.to), Math.max(now, start)) };
}

/** The instant of local midnight, in `timezone`, of the day that contains `ms`. */
function startOfDay(ms: number, timezone: string): number {
  return wallTimeToInstant(Math.floor(wallTimeAt(ms, timezone) / DAY_MS) * DAY_MS, timezone);
}

function round(value: number | null, digits = 6): number | null {
  return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}

function toReport(
  query: { equipmentId?: string; lineId?: string },
  window: Interval,
  result: OeeResult,
): OeeReport {
  const { times, counts, kpis } = result;
  return {
    equipmentId: query.equipmentId ?? null,
    lineId: query.lineId ?? null,
    from: new Date(window.start).toISOString(),
    to: new Date(window.end).toISOString(),
    availability: round(kpis.availability),
    performance: round(kpis.performance),
    quality: round(kpis.quality),
    oee: round(kpis.oee),
    plannedProductionSeconds: times.plannedBusySeconds,
    runSeconds: times.runSeconds,
    totalCount: counts.total,
    goodCount: counts.good,
    rejectCount: counts.reject,
    times,
    counts,
    kpis,
    losses: result.losses,
    flags: result.flags,
    explanation: explain(result),
  };
}

const s = (seconds: number): string => `${Math.round(seconds * 10) / 10} s`;
const outside = (parts: number): string =>
  parts > 0 ? `, of which ${parts} made outside planned production time` : '';

/** Each factor with the times and counts it came from, in words. */
function explain(result: OeeResult): OeeReport['explanation'] {
  const { times, counts, kpis } = result;
  const pct = (v: number | null) =>
    v === null ? 'n/a (nothing to divide by)' : `${(v * 100).toFixed(2)} %`;
  return {
    plannedProduction: `planned busy time = planned operation ${s(times.plannedOperationSeconds)} − planned downtime ${s(times.plannedDowntimeSeconds)} = ${s(times.plannedBusySeconds)}`,
    availability: `availability = run time ${s(times.runSeconds)} / planned busy time ${s(times.plannedBusySeconds)} = ${pct(kpis.availability)}`,
    performance: `performance = ideal time ${s(times.idealSeconds)} (${counts.total} parts${outside(result.flags.countsOutsidePlannedTime)}) / run time ${s(times.runSeconds)} = ${pct(kpis.performance)}`,
    quality: `quality = good ${counts.good} / produced ${counts.total} = ${pct(kpis.quality)}`,
    oee: `OEE = ${pct(kpis.availability)} × ${pct(kpis.performance)} × ${pct(kpis.quality)} = ${pct(kpis.oee)}`,
  };
}
