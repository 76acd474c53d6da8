import { Injectable } from '@nestjs/common';
import type { ProductionOrderStatus } from '@ms5/contracts';
import type { Interval, ShiftBreak } from '@ms5/oee';
import { BaseRepository } from '../../platform/database/base.repository.js';

export interface LineOutput {
  id: string;
  code: string;
  /** The output equipment, when set (and still on the line). */
  outputEquipmentId: string | null;
  /** Every equipment of the line. */
  equipmentIds: string[];
}

export interface LineShift {
  id: string;
  name: string;
  startTime: string;
  endTime: string;
  timezone: string;
  breaks: ShiftBreak[];
}

export interface PlannedStopRow extends Interval {
  /** Null for a stop of the whole line. */
  equipmentId: string | null;
}

export interface ScheduledOrder extends Interval {
  id: string;
  reference: string | null;
  productCode: string;
  status: ProductionOrderStatus;
  started: boolean;
  /**
   * The product's ideal cycle time at each place whose count is the line's output: one entry for
   * the output equipment, or one per equipment of the line when there is none.
   */
  cycleTimes: number[];
}

const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** The SQL behind the hour-by-hour board: the line's shifts, orders, planned stops and output counts. */
@Injectable()
export class HourByHourRepository extends BaseRepository {
  async line(lineId: string): Promise<LineOutput | null> {
    const [row] = await this.dataSource.query<
      Array<{ id: string; code: string; output_equipment_id: string | null; equipment: string[] }>
    >(
      `SELECT l.id, l.code, o.id AS output_equipment_id,
              coalesce(array_agg(e.id ORDER BY e.code) FILTER (WHERE e.id IS NOT NULL), '{}') AS equipment
         FROM lines l
         LEFT JOIN equipment o ON o.id = l.output_equipment_id AND o.line_id = l.id
         LEFT JOIN equipment e ON e.line_id = l.id
        WHERE l.id = $1
        GROUP BY l.id, o.id`,
      [lineId],
    );
    return row
      ? {
          id: row.id,
          code: row.code,
          outputEquipmentId: row.output_equipment_id,
          equipmentIds: row.equipment,
        }
      : null;
  }

  async shifts(lineId: string): Promise<LineShift[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        name: string;
        start_time: string;
        end_time: string;
        timezone: string;
        breaks: ShiftBreak[];
      }>
    >(
      `SELECT id, name, start_time, end_time, timezone, breaks FROM shifts WHERE line_id = $1 ORDER BY start_time, name`,
      [lineId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      startTime: row.start_time,
      endTime: row.end_time,
      timezone: row.timezone,
      breaks: row.breaks,
    }));
  }

  /** Planned stops of the line, and of any of its equipment, that meet the window. */
  async plannedStops(lineId: string, window: Interval): Promise<PlannedStopRow[]> {
    const rows = await this.dataSource.query<
      Array<{ equipment_id: string | null; start: number; end: number }>
    >(
      `SELECT s.equipment_id, ${ms('s.starts_at')} AS start, ${ms('s.ends_at')} AS "end"
         FROM planned_stops s
        WHERE (s.line_id = $1 OR s.equipment_id IN (SELECT id FROM equipment WHERE line_id = $1))
          AND s.starts_at < $3 AND s.ends_at > $2`,
      [lineId, new Date(window.start), new Date(window.end)],
    );
    return rows.map((row) => ({
      equipmentId: row.equipment_id,
      start: Number(row.start),
      end: Number(row.end),
    }));
  }

  /**
   * The line's orders that are not cancelled and whose window meets `[from, to)`: an order that
   * started over its actual window (to its end, or while it runs to the later of its planned end
   * and `now`), one not started over its planned window. Started orders first, then by start.
   * The cycle time at each output place: the product's time for that equipment, else for the
   * line, else the product's default.
   */
  async orders(line: LineOutput, window: Interval, now: number): Promise<ScheduledOrder[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        reference: string | null;
        product_code: string;
        status: ProductionOrderStatus;
        started: boolean;
        start: number;
        end: number;
        cycle_times: number[];
      }>
    >(
      `WITH windows AS (
         SELECT o.id, o.reference, o.status, o.product_id, o.line_id, o.actual_start IS NOT NULL AS started,
                coalesce(o.actual_start, o.planned_start) AS starts,
                CASE WHEN o.actual_start IS NULL THEN o.planned_end
                     ELSE coalesce(o.actual_end, greatest(o.planned_end, $4::timestamptz)) END AS ends
           FROM production_orders o
          WHERE o.line_id = $1 AND o.status <> 'cancelled')
       SELECT w.id, w.reference, w.status, w.started, p.code AS product_code,
              ${ms('w.starts')} AS start, ${ms('w.ends')} AS "end",
              coalesce(
                (SELECT array_agg(coalesce(ce.ideal_cycle_time_seconds, cl.ideal_cycle_time_seconds,
                                           p.ideal_cycle_time_seconds) ORDER BY e.code)
                   FROM equipment e
                   LEFT JOIN product_cycle_times ce ON ce.product_id = p.id AND ce.equipment_id = e.id
                  WHERE e.id = ANY($5::uuid[])),
                ARRAY[coalesce(cl.ideal_cycle_time_seconds, p.ideal_cycle_time_seconds)]) AS cycle_times
         FROM windows w
         JOIN products p ON p.id = w.product_id
         LEFT JOIN product_cycle_times cl ON cl.product_id = p.id AND cl.line_id = w.line_id
        WHERE w.starts < $3 AND w.ends > $2
        ORDER BY w.started DESC, w.starts, w.id`,
      [
        line.id,
        new Date(window.start),
        new Date(window.end),
        new Date(now),
        line.outputEquipmentId === null ? line.equipmentIds : [line.outputEquipmentId],
      ],
    );
    return rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      productCode: row.product_code,
      status: row.status,
      started: row.started,
      start: Number(row.start),
      end: Number(row.end),
      cycleTimes: row.cycle_times.map(Number),
    }));
  }

  /** Every downtime reason's name and whether it is planned. */
  async reasons(): Promise<Map<string, { name: string; planned: boolean }>> {
    const rows = await this.dataSource.query<
      Array<{ code: string; name: string; planned: boolean }>
    >('SELECT code, name, planned FROM downtime_reasons');
    return new Map(rows.map((row) => [row.code, { name: row.name, planned: row.planned }]));
  }
}
