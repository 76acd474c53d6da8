import { Injectable } from '@nestjs/common';
import {
  type Interval,
  type OeeTotals,
  type StateSegment,
  type TimeModel,
  buildStateTimeline,
  classifyTime,
  computeTotals,
  mergeIntervals,
  plannedTimeFromShifts,
  unionIntervals,
} from '@ms5/oee';
import type { EntityManager } from 'typeorm';
import { type EquipmentContext, OeeRepository } from './oee.repository.js';

type Db = Pick<EntityManager, 'query'>;

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

  async totalsFor(
    context: EquipmentContext,
    range: Interval,
    windows: readonly Interval[],
    db?: Db,
  ): Promise<Array<Required<OeeTotals>>> {
    if (windows.length === 0) return [];
    const margin = context.microStopThresholdSeconds * 1000;
    const loaded = { start: range.start - margin, end: range.end + margin };
    const [events, counts, plannedStops] = await Promise.all([
      this.repository.stateEvents(context.equipmentId, loaded, db),
      this.repository.countEvents(context.equipmentId, range, context.idealCycleTimeSeconds, db),
      this.repository.plannedStops(context.equipmentId, context.lineId, range, db),
    ]);
    const timeline = buildStateTimeline(events, range);
    const planned = plannedTimeFromShifts(context.shifts, range);
    const plannedDowntime = unionIntervals(planned.plannedDowntime, mergeIntervals(plannedStops));
    return windows.map((window) =>
      computeTotals({
        window,
        plannedOperation: planned.plannedOperation,
        plannedDowntime,
        timeline,
        counts,
        microStopThresholdSeconds: context.microStopThresholdSeconds,
      }),
    );
  }
}
