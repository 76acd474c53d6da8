import { Injectable } from '@nestjs/common';
import {
  type Interval,
  type OeeTotals,
  type StateSegment,
  type TimeModel,
  apportionCounts,
  buildStateTimeline,
  classifyTime,
  computeTotals,
  countsSpan,
  mergeIntervals,
  plannedTimeFromShifts,
  sumTotals,
  unionIntervals,
} from '@ms5/oee';
import type { EntityManager } from 'typeorm';
import { type EquipmentContext, OeeRepository } from './oee.repository.js';

type Db = Pick<EntityManager, 'query'>;

const CHUNK_MS = 24 * 3_600_000;

/**
 * Feeds one equipment's raw events, shift calendar and planned stops into the OEE engine for a
 * range, and returns the totals of each window asked for. Events are loaded a micro-stop
 * threshold beyond the range, so that a stop cut by the range's edge is classed by its full length.
 */
@Injectable()
export class OeeEngineAdapter {
  constructor(private readonly repository: OeeRepository) {}

  /** The state timeline of a range and its ISO 22400 time model (planned busy time and the rest). */
  async timeModel(
    context: EquipmentContext,
    range: Interval,
  ): Promise<{ timeline: StateSegment[]; model: TimeModel }> {
    const margin = context.microStopThresholdSeconds * 1000;
    const [events, plannedStops] = await Promise.all([
      this.repository.stateEvents(context.equipmentId, {
        start: range.start - margin,
        end: range.end + margin,
      }),
      this.repository.plannedStops(context.equipmentId, context.lineId, range),
    ]);
    const timeline = buildStateTimeline(events, range);
    const planned = plannedTimeFromShifts(context.shifts, range);
    const model = classifyTime({
      window: range,
      plannedOperation: planned.plannedOperation,
      plannedDowntime: unionIntervals(planned.plannedDowntime, mergeIntervals(plannedStops)),
      timeline,
      microStopThresholdSeconds: context.microStopThresholdSeconds,
    });
    return { timeline, model };
  }

  /**
   * Totals of each window. The range is worked a day at a time, each day loading only its own
   * events, so that a year costs 365 small reads instead of one huge timeline.
   */
  async totalsFor(
    context: EquipmentContext,
    range: Interval,
    windows: readonly Interval[],
    db?: Db,
  ): Promise<Array<Required<OeeTotals>>> {
    const parts: OeeTotals[][] = windows.map(() => []);
    if (windows.length === 0) return [];
    for (let chunkStart = range.start; chunkStart < range.end; chunkStart += CHUNK_MS) {
      const chunk = { start: chunkStart, end: Math.min(chunkStart + CHUNK_MS, range.end) };
      const pieces: Interval[] = [];
      const owners: number[] = [];
      windows.forEach((window, index) => {
        const start = Math.max(window.start, chunk.start);
        const end = Math.min(window.end, chunk.end);
        if (end > start) {
          pieces.push({ start, end });
          owners.push(index);
        }
      });
      if (pieces.length === 0) continue;
      const totals = await this.chunkTotals(context, chunk, pieces, db);
      totals.forEach((t, i) => parts[owners[i] ?? 0]?.push(t));
    }
    return parts.map((list) => sumTotals(list));
  }

  private async chunkTotals(
    context: EquipmentContext,
    range: Interval,
    windows: readonly Interval[],
    db?: Db,
  ): Promise<Array<Required<OeeTotals>>> {
    const margin = context.microStopThresholdSeconds * 1000;
    // One after the other: inside a transaction they share one connection, which runs one query at a time.
    const counts = await this.repository.countEvents(
      context.equipmentId,
      range,
      context.idealCycleTimeSeconds,
      db,
    );
    const plannedStops = await this.repository.plannedStops(
      context.equipmentId,
      context.lineId,
      range,
      db,
    );
    // The timeline covers the range and every interval the counts' parts may come from.
    const span = countsSpan(range, counts);
    const events = await this.repository.stateEvents(
      context.equipmentId,
      { start: span.start - margin, end: span.end + margin },
      db,
    );
    const timeline = buildStateTimeline(events, span);
    const apportioned = apportionCounts(counts, timeline);
    const planned = plannedTimeFromShifts(context.shifts, range);
    const plannedDowntime = unionIntervals(planned.plannedDowntime, mergeIntervals(plannedStops));
    return windows.map((window) =>
      computeTotals({
        window,
        plannedOperation: planned.plannedOperation,
        plannedDowntime,
        timeline,
        counts,
        apportioned,
        microStopThresholdSeconds: context.microStopThresholdSeconds,
      }),
    );
  }
}
