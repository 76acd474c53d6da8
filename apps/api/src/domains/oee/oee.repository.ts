import { Injectable } from '@nestjs/common';
import {
  type CountEvent,
  type Interval,
  MAX_COUNT_INTERVAL_MS,
  type OeeTotals,
  type ShiftPattern,
  type StateEvent,
  linkCounts,
} from '@ms5/oee';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';

/** What the OEE engine needs to know about one equipment. */
export interface EquipmentContext {
  equipmentId: string;
  equipmentCode: string;
  lineId: string;
  idealCycleTimeSeconds: number;
  microStopThresholdSeconds: number;
  shifts: Array<ShiftPattern & { name: string }>;
}

export interface HourlyRow extends Required<OeeTotals> {
  hour: Date;
}

type Queryable = Pick<EntityManager, 'query'>;

const TOTAL_COLUMNS = `
  coalesce(sum(calendar_seconds), 0)::float8 AS "calendarSeconds",
  coalesce(sum(planned_operation_seconds), 0)::float8 AS "plannedOperationSeconds",
  coalesce(sum(planned_downtime_seconds), 0)::float8 AS "plannedDowntimeSeconds",
  coalesce(sum(run_seconds), 0)::float8 AS "runSeconds",
  coalesce(sum(setup_seconds), 0)::float8 AS "setupSeconds",
  coalesce(sum(down_seconds), 0)::float8 AS "downSeconds",
  coalesce(sum(minor_stop_seconds), 0)::float8 AS "minorStopSeconds",
  coalesce(sum(unknown_seconds), 0)::float8 AS "unknownSeconds",
  coalesce(sum(good), 0)::float8 AS "good",
  coalesce(sum(reject), 0)::float8 AS "reject",
  coalesce(sum(rework), 0)::float8 AS "rework",
  coalesce(sum(ideal_seconds), 0)::float8 AS "idealSeconds",
  coalesce(sum(outside_planned_parts), 0)::float8 AS "outsidePlannedParts",
  coalesce(sum(failures), 0)::float8 AS "failureCount",
  coalesce(sum(failure_seconds), 0)::float8 AS "failureSeconds",
  coalesce(sum(machine_run_seconds), 0)::float8 AS "machineRunSeconds"`;

/** The SQL behind OEE: raw events for the engine, and the hourly roll-ups it maintains. */
@Injectable()
export class OeeRepository extends BaseRepository {
  async equipmentContexts(
    equipmentIds: readonly string[],
    db: Queryable = this.dataSource,
  ): Promise<EquipmentContext[]> {
    const rows = await db.query<
      Array<{
        id: string;
        code: string;
        line_id: string;
        ideal: number;
        threshold: number;
        shifts: Array<ShiftPattern & { name: string }> | null;
      }>
    >(
      `SELECT e.id, e.code, e.line_id, e.ideal_cycle_time_seconds AS ideal, l.micro_stop_threshold_seconds AS threshold,
              (SELECT json_agg(json_build_object('name', s.name, 'startTime', s.start_time, 'endTime', s.end_time,
                                                 'timezone', s.timezone, 'breaks', s.breaks))
                 FROM shifts s WHERE s.line_id = e.line_id) AS shifts
         FROM equipment e JOIN lines l ON l.id = e.line_id
        WHERE e.id = ANY($1::uuid[])
        ORDER BY e.code`,
      [equipmentIds],
    );
    return rows.map((row) => ({
      equipmentId: row.id,
      equipmentCode: row.code,
      lineId: row.line_id,
      idealCycleTimeSeconds: Number(row.ideal),
      microStopThresholdSeconds: Number(row.threshold),
      shifts: row.shifts ?? [],
    }));
  }

  async lineExists(lineId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM lines WHERE id = $1', [
      lineId,
    ]);
    return rows.length > 0;
  }

  async equipmentIdsOfLine(lineId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM equipment WHERE line_id = $1 ORDER BY code',
      [lineId],
    );
    return rows.map((row) => row.id);
  }

  async plannedStops(
    equipmentId: string,
    lineId: string,
    window: Interval,
    db: Queryable = this.dataSource,
  ): Promise<Interval[]> {
    const rows = await db.query<Array<{ start: string; end: string }>>(
      `SELECT (extract(epoch FROM starts_at) * 1000)::float8 AS start, (extract(epoch FROM ends_at) * 1000)::float8 AS "end"
         FROM planned_stops
        WHERE (equipment_id = $1 OR line_id = $2) AND starts_at < to_timestamp($4 / 1000.0) AND ends_at > to_timestamp($3 / 1000.0)`,
      [equipmentId, lineId, window.start, window.end],
    );
    return rows.map((row) => ({ start: Number(row.start), end: Number(row.end) }));
  }

  /** State events in the window, plus the last one before it (so the window starts in a known state). */
  async stateEvents(
    equipmentId: string,
    window: Interval,
    db: Queryable = this.dataSource,
  ): Promise<StateEvent[]> {
    const rows = await db.query<
      Array<{
        event_id: string;
        ms: string;
        state: StateEvent['state'];
        reason_code: string | null;
      }>
    >(
      `(SELECT event_id, (extract(epoch FROM ts) * 1000)::float8 AS ms, state, reason_code
          FROM machine_events
         WHERE equipment_id = $1 AND type = 'state' AND ts < to_timestamp($2 / 1000.0)
         ORDER BY ts DESC, event_id DESC LIMIT 1)
       UNION ALL
       (SELECT event_id, (extract(epoch FROM ts) * 1000)::float8, state, reason_code
          FROM machine_events
         WHERE equipment_id = $1 AND type = 'state' AND ts >= to_timestamp($2 / 1000.0) AND ts < to_timestamp($3 / 1000.0))`,
      [equipmentId, window.start, window.end],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      ts: Number(row.ms),
      state: row.state,
      ...(row.reason_code ? { reasonCode: row.reason_code } : {}),
    }));
  }

  /**
   * The count events whose parts can fall in the window, linked to their previous count
   * (`since`, see `linkCounts`): those reported in it, the first one after it (its parts may
   * have been made inside), and the one before it (only to give the first its interval; left
   * out of the result). Each carries the ideal cycle time it was made at: the product's of the
   * order running on the line at the time (its override for the equipment, then for the line,
   * then its default), or else the equipment's own (`idealCycleTimeSeconds`); `null` when only
   * the quantities matter (the cycle times are then 0 and not looked up).
   */
  async countEvents(
    equipmentId: string,
    window: Interval,
    idealCycleTimeSeconds: number | null,
    db: Queryable = this.dataSource,
  ): Promise<CountEvent[]> {
    const rows = await db.query<
      Array<{ event_id: string; ms: string; good: number; reject: number; before: boolean }>
    >(
      `(SELECT event_id, (extract(epoch FROM ts) * 1000)::float8 AS ms, good, reject, true AS before
          FROM machine_events
         WHERE equipment_id = $1 AND type = 'count' AND ts < to_timestamp($2 / 1000.0)
           AND ts >= to_timestamp(($2 - $4) / 1000.0)
         ORDER BY ts DESC, event_id DESC LIMIT 1)
       UNION ALL
       (SELECT event_id, (extract(epoch FROM ts) * 1000)::float8, good, reject, false
          FROM machine_events
         WHERE equipment_id = $1 AND type = 'count' AND ts >= to_timestamp($2 / 1000.0) AND ts < to_timestamp($3 / 1000.0))
       UNION ALL
       (SELECT event_id, (extract(epoch FROM ts) * 1000)::float8, good, reject, false
          FROM machine_events
         WHERE equipment_id = $1 AND type = 'count' AND ts >= to_timestamp($3 / 1000.0)
           AND ts <= to_timestamp(($3 + $4) / 1000.0)
         ORDER BY ts, event_id LIMIT 1)`,
      [equipmentId, window.start, window.end, MAX_COUNT_INTERVAL_MS],
    );
    if (rows.length === 0) return [];
    const before = new Set(rows.filter((row) => row.before).map((row) => row.event_id));
    // A loop, not Math.min(...): a dense day holds more rows than a call takes arguments.
    let first = Infinity;
    let last = -Infinity;
    for (const row of rows) {
      first = Math.min(first, Number(row.ms));
      last = Math.max(last, Number(row.ms));
    }
    const runs =
      idealCycleTimeSeconds === null
        ? []
        : await this.orderRuns(equipmentId, { start: first, end: last + 1 }, db);
    const counts = rows.map((row): CountEvent => {
      const ts = Number(row.ms);
      const run = runs.find((r) => r.start <= ts && (r.end === null || ts < r.end));
      return {
        eventId: row.event_id,
        ts,
        good: Number(row.good),
        reject: Number(row.reject),
        idealCycleTimeSeconds: run?.idealCycleTimeSeconds ?? idealCycleTimeSeconds ?? 0,
      };
    });
    return linkCounts(counts).filter((count) => !before.has(count.eventId));
  }

  /** The orders that ran on the equipment's line during the window, with their product's cycle time. */
  private async orderRuns(
    equipmentId: string,
    window: Interval,
    db: Queryable,
  ): Promise<Array<{ start: number; end: number | null; idealCycleTimeSeconds: number }>> {
    const rows = await db.query<Array<{ start_ms: string; end_ms: string | null; ideal: number }>>(
      `SELECT (extract(epoch FROM o.actual_start) * 1000)::float8 AS start_ms,
              (extract(epoch FROM o.actual_end) * 1000)::float8 AS end_ms,
              coalesce(ce.ideal_cycle_time_seconds, cl.ideal_cycle_time_seconds, p.ideal_cycle_time_seconds) AS ideal
         FROM equipment e
         JOIN production_orders o ON o.line_id = e.line_id
         JOIN products p ON p.id = o.product_id
         LEFT JOIN product_cycle_times ce ON ce.product_id = p.id AND ce.equipment_id = e.id
         LEFT JOIN product_cycle_times cl ON cl.product_id = p.id AND cl.line_id = e.line_id
        WHERE e.id = $1 AND o.actual_start IS NOT NULL AND o.actual_start < to_timestamp($3 / 1000.0)
          AND (o.actual_end IS NULL OR o.actual_end > to_timestamp($2 / 1000.0))
        ORDER BY o.actual_start`,
      [equipmentId, window.start, window.end],
    );
    return rows.map((row) => ({
      start: Number(row.start_ms),
      end: row.end_ms === null ? null : Number(row.end_ms),
      idealCycleTimeSeconds: Number(row.ideal),
    }));
  }

  async lastEventMs(equipmentId: string, db: Queryable = this.dataSource): Promise<number | null> {
    const rows = await db.query<Array<{ ms: string | null }>>(
      // Two index look-ups (equipment_id, type, ts) rather than a scan of the equipment's events.
      `SELECT (extract(epoch FROM greatest(
                (SELECT max(ts) FROM machine_events WHERE equipment_id = $1 AND type = 'state'),
                (SELECT max(ts) FROM machine_events WHERE equipment_id = $1 AND type = 'count'))) * 1000)::float8 AS ms`,
      [equipmentId],
    );
    const ms = rows[0]?.ms;
    return ms === null || ms === undefined ? null : Number(ms);
  }

  async replaceHours(
    manager: EntityManager,
    equipmentId: string,
    range: Interval,
    rows: readonly HourlyRow[],
    computedAt: Date,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM oee_hourly
        WHERE equipment_id = $1 AND hour >= to_timestamp($2 / 1000.0) AND hour < to_timestamp($3 / 1000.0)`,
      [equipmentId, range.start, range.end],
    );
    if (rows.length === 0) return;
    const column = <K extends keyof HourlyRow>(key: K) => rows.map((row) => row[key]);
    await manager.query(
      `INSERT INTO oee_hourly (equipment_id, hour, calendar_seconds, planned_operation_seconds, planned_downtime_seconds,
         run_seconds, setup_seconds, down_seconds, minor_stop_seconds, unknown_seconds, good, reject, rework,
         ideal_seconds, failures, failure_seconds, outside_planned_parts, machine_run_seconds, computed_at)
       SELECT $1, *, $19::timestamptz FROM unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[],
         $8::float8[], $9::float8[], $10::float8[], $11::bigint[], $12::bigint[], $13::bigint[], $14::float8[],
         $15::int[], $16::float8[], $17::bigint[], $18::float8[])`,
      [
        equipmentId,
        column('hour'),
        column('calendarSeconds'),
        column('plannedOperationSeconds'),
        column('plannedDowntimeSeconds'),
        column('runSeconds'),
        column('setupSeconds'),
        column('downSeconds'),
        column('minorStopSeconds'),
        column('unknownSeconds'),
        column('good'),
        column('reject'),
        column('rework'),
        column('idealSeconds'),
        column('failureCount'),
        column('failureSeconds'),
        column('outsidePlannedParts'),
        column('machineRunSeconds'),
        computedAt,
      ],
    );
  }

  /**
   * For each window and equipment: the summed final roll-ups of the whole hours inside the
   * window, and how many such hours there were (to tell whether any is missing).
   */
  async sumFinalHoursByWindow(
    equipmentIds: readonly string[],
    windows: readonly Interval[],
  ): Promise<
    Array<Required<OeeTotals> & { windowIndex: number; equipmentId: string; hours: number }>
  > {
    const rows = await this.dataSource.query<
      Array<Required<OeeTotals> & { windowIndex: number; equipmentId: string; hours: number }>
    >(
      `SELECT w.idx::int - 1 AS "windowIndex", h.equipment_id AS "equipmentId", count(*)::int AS hours, ${TOTAL_COLUMNS}
         FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS w(starts, last_hour, idx)
         JOIN oee_hourly h
           ON h.equipment_id = ANY($1::uuid[])
          AND h.hour >= w.starts
          AND h.hour <= w.last_hour
          AND h.computed_at >= h.hour + interval '1 hour'
        GROUP BY 1, 2`,
      // Bounds as plain time stamps (the last whole hour's start), so each window is an index range.
      [
        equipmentIds,
        windows.map((w) => new Date(w.start)),
        windows.map((w) => new Date(w.end - 3_600_000)),
      ],
    );
    return rows;
  }

  /** Every final roll-up hour of the equipment inside `[from, to)`, with its totals. */
  async finalHoursInRange(
    equipmentIds: readonly string[],
    range: Interval,
  ): Promise<Array<Required<OeeTotals> & { equipmentId: string; hourMs: number }>> {
    const rows = await this.dataSource.query<
      Array<Required<OeeTotals> & { equipmentId: string; hourMs: string }>
    >(
      `SELECT equipment_id AS "equipmentId", (extract(epoch FROM hour) * 1000)::float8 AS "hourMs",
              calendar_seconds AS "calendarSeconds", planned_operation_seconds AS "plannedOperationSeconds",
              planned_downtime_seconds AS "plannedDowntimeSeconds", run_seconds AS "runSeconds",
              setup_seconds AS "setupSeconds", down_seconds AS "downSeconds", minor_stop_seconds AS "minorStopSeconds",
              unknown_seconds AS "unknownSeconds", good::float8 AS good, reject::float8 AS reject,
              rework::float8 AS rework, ideal_seconds AS "idealSeconds", failures::float8 AS "failureCount",
              failure_seconds AS "failureSeconds", outside_planned_parts::float8 AS "outsidePlannedParts",
              machine_run_seconds AS "machineRunSeconds"
         FROM oee_hourly
        WHERE equipment_id = ANY($1::uuid[]) AND hour >= $2 AND hour < $3
          AND computed_at >= hour + interval '1 hour'`,
      [equipmentIds, new Date(range.start), new Date(range.end)],
    );
    return rows.map((row) => ({ ...row, hourMs: Number(row.hourMs) }));
  }

  /**
   * Machine meters from the roll-ups: for each request, the running seconds and parts of the
   * final hours from the hour of its `since` up to the end of its equipment's last final hour
   * before `openHour` (`rolledUntil`; null: no such hour). One pass over each equipment's hours
   * since its earliest request: the requests are markers in the hour series, so each reads its
   * sum as the equipment's total less what came before it.
   */
  async meterRollups(
    requests: ReadonlyArray<{ key: string; equipmentId: string; sinceHour: number }>,
    openHour: number,
  ): Promise<
    Array<{
      key: string;
      runSeconds: number;
      parts: number;
      rolledUntil: number | null;
      sinceHourRolled: boolean;
    }>
  > {
    if (requests.length === 0) return [];
    const rows = await this.dataSource.query<
      Array<{
        key: string;
        run: number;
        parts: number;
        rolled_until: string | null;
        since_hour_rolled: boolean;
      }>
    >(
      `WITH req AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[]) AS r(key, equipment_id, since_hour)),
       eq AS (SELECT equipment_id, min(since_hour) AS since FROM req GROUP BY 1),
       tail AS (
         SELECT eq.equipment_id, eq.since,
                (SELECT h.hour + interval '1 hour' FROM oee_hourly h
                  WHERE h.equipment_id = eq.equipment_id AND h.hour >= eq.since AND h.hour < $4
                    AND h.computed_at >= h.hour + interval '1 hour'
                  ORDER BY h.hour DESC LIMIT 1) AS rolled_until
           FROM eq),
       -- One index range per equipment (a lateral), never a scan of the whole table.
       hours AS (
         SELECT tail.equipment_id, h.hour, h.run, h.parts
           FROM tail CROSS JOIN LATERAL (
             SELECT o.hour, o.machine_run_seconds AS run, (o.good + o.reject + o.rework)::float8 AS parts
               FROM oee_hourly o
              WHERE o.equipment_id = tail.equipment_id AND o.hour >= tail.since AND o.hour < tail.rolled_until
                AND o.computed_at >= o.hour + interval '1 hour') h),
       marked AS (
         SELECT equipment_id, hour AS at, 1 AS ord, run, parts, NULL::text AS key FROM hours
         UNION ALL
         SELECT equipment_id, since_hour, 0, 0, 0, key FROM req),
       cum AS (
         SELECT key, equipment_id, at,
                sum(run) OVER w AS run_before, sum(parts) OVER w AS parts_before,
                -- Whether the marker's own hour was rolled up (a row of that hour beside it).
                bool_or(ord = 1) OVER (PARTITION BY equipment_id, at) AS since_hour_rolled
           FROM marked
         WINDOW w AS (PARTITION BY equipment_id ORDER BY at, ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),
       totals AS (SELECT equipment_id, sum(run) AS run, sum(parts) AS parts FROM hours GROUP BY 1)
       SELECT c.key, (coalesce(t.run, 0) - c.run_before)::float8 AS run,
              (coalesce(t.parts, 0) - c.parts_before)::float8 AS parts,
              (extract(epoch FROM tail.rolled_until) * 1000)::float8 AS rolled_until,
              coalesce(c.since_hour_rolled, false) AS since_hour_rolled
         FROM cum c JOIN tail USING (equipment_id) LEFT JOIN totals t USING (equipment_id)
        WHERE c.key IS NOT NULL`,
      [
        requests.map((r) => r.key),
        requests.map((r) => r.equipmentId),
        requests.map((r) => new Date(r.sinceHour)),
        new Date(openHour),
      ],
    );
    return rows.map((row) => ({
      key: row.key,
      runSeconds: Number(row.run),
      parts: Number(row.parts),
      rolledUntil: row.rolled_until === null ? null : Number(row.rolled_until),
      sinceHourRolled: row.since_hour_rolled,
    }));
  }

  /**
   * The meters of each `(equipment, from)` over `[from, now)` from raw events, in one statement:
   * the time in `running` (each state holding until the equipment's next state event), and the
   * parts of the count events in the span — the first one's only for its share of the time since
   * the count before it (the roll-up hours before `from` hold the rest). Meant for the short
   * spans after the last rolled-up hour: it reads only the events of the span and one before.
   */
  async meterTails(
    spans: ReadonlyArray<{ equipmentId: string; from: number }>,
    now: number,
  ): Promise<Array<{ equipmentId: string; from: number; runSeconds: number; parts: number }>> {
    if (spans.length === 0) return [];
    const rows = await this.dataSource.query<
      Array<{ equipment_id: string; from_ms: string; run: number; parts: number }>
    >(
      `WITH p AS (
         SELECT DISTINCT * FROM unnest($1::uuid[], $2::timestamptz[]) AS p(equipment_id, live_from))
       SELECT p.equipment_id, (extract(epoch FROM p.live_from) * 1000)::float8 AS from_ms,
              coalesce(r.run, 0)::float8 AS run, coalesce(c.parts, 0)::float8 AS parts
         FROM p
         LEFT JOIN LATERAL (
           SELECT sum(greatest(0, extract(epoch FROM least(coalesce(s.next_ts, $3), $3) - greatest(s.ts, p.live_from))))
                    FILTER (WHERE s.state = 'running') AS run
             FROM (
               SELECT x.ts, x.state, lead(x.ts) OVER (ORDER BY x.ts, x.id) AS next_ts
                 FROM ((SELECT id, ts, state FROM machine_events
                         WHERE equipment_id = p.equipment_id AND type = 'state' AND ts < p.live_from
                         ORDER BY ts DESC, id DESC LIMIT 1)
                       UNION ALL
                       (SELECT id, ts, state FROM machine_events
                         WHERE equipment_id = p.equipment_id AND type = 'state'
                           AND ts >= p.live_from AND ts < $3)) x) s) r ON true
         LEFT JOIN LATERAL (
           SELECT sum((z.good + z.reject) *
                      CASE WHEN z.prev_ts IS NOT NULL AND z.prev_ts < p.live_from
                           THEN extract(epoch FROM z.ts - p.live_from) / nullif(extract(epoch FROM z.ts - z.prev_ts), 0)
                           ELSE 1 END) AS parts
             FROM (
               SELECT y.ts, y.good, y.reject, lag(y.ts) OVER (ORDER BY y.ts, y.id) AS prev_ts
                 FROM ((SELECT id, ts, good, reject FROM machine_events
                         WHERE equipment_id = p.equipment_id AND type = 'count' AND ts < p.live_from
                         ORDER BY ts DESC, id DESC LIMIT 1)
                       UNION ALL
                       (SELECT id, ts, good, reject FROM machine_events
                         WHERE equipment_id = p.equipment_id AND type = 'count'
                           AND ts >= p.live_from AND ts <= $3)) y) z
            WHERE z.ts >= p.live_from) c ON true`,
      [spans.map((s) => s.equipmentId), spans.map((s) => new Date(s.from)), new Date(now)],
    );
    return rows.map((row) => ({
      equipmentId: row.equipment_id,
      from: Number(row.from_ms),
      runSeconds: Number(row.run),
      parts: Number(row.parts),
    }));
  }

  /** The final roll-up hours (epoch ms) of one equipment in `[from, to)`. */
  async finalHourStarts(equipmentId: string, window: Interval): Promise<number[]> {
    const rows = await this.dataSource.query<Array<{ ms: string }>>(
      `SELECT (extract(epoch FROM hour) * 1000)::float8 AS ms FROM oee_hourly
        WHERE equipment_id = $1 AND hour >= to_timestamp($2 / 1000.0) AND hour <= to_timestamp($3 / 1000.0) - interval '1 hour'
          AND computed_at >= hour + interval '1 hour'`,
      [equipmentId, window.start, window.end],
    );
    return rows.map((row) => Number(row.ms));
  }

  /** The lines among `lineIds` (null: every line) with their equipment, by code. */
  async linesWithEquipment(lineIds: readonly string[] | null): Promise<
    Array<{
      id: string;
      code: string;
      name: string;
      equipment: Array<{ id: string; code: string; name: string }>;
    }>
  > {
    return this.dataSource.query(
      `SELECT l.id, l.code, l.name,
              coalesce(json_agg(json_build_object('id', e.id, 'code', e.code, 'name', e.name) ORDER BY e.code)
                       FILTER (WHERE e.id IS NOT NULL), '[]') AS equipment
         FROM lines l LEFT JOIN equipment e ON e.line_id = l.id
        WHERE $1::uuid[] IS NULL OR l.id = ANY($1::uuid[])
        GROUP BY l.id ORDER BY l.code`,
      [lineIds],
    );
  }

  /** The latest state of each equipment, with the reason (an operator's assignment wins). */
  async currentStates(equipmentIds: readonly string[]): Promise<
    Array<{
      equipmentId: string;
      state: string;
      since: Date;
      reasonCode: string | null;
      reasonName: string | null;
    }>
  > {
    return this.dataSource.query(
      // One backward index step per equipment (equipment_id, type, ts), however long the history.
      `SELECT eq.id AS "equipmentId", l.state, l.ts AS since,
              coalesce(a.reason_code, l.reason_code) AS "reasonCode", r.name AS "reasonName"
         FROM equipment eq
         CROSS JOIN LATERAL (
           SELECT m.ts, m.state, m.reason_code FROM machine_events m
            WHERE m.equipment_id = eq.id AND m.type = 'state' AND m.ts <= now() + interval '5 minutes'
            ORDER BY m.ts DESC, m.event_id DESC LIMIT 1) l
         LEFT JOIN downtime_assignments a ON a.equipment_id = eq.id AND a.started_at = l.ts
         LEFT JOIN downtime_reasons r ON r.code = coalesce(a.reason_code, l.reason_code)
        WHERE eq.id = ANY($1::uuid[])`,
      [equipmentIds],
    );
  }

  /** The roll-ups of the equipment of `lineIds` (null: every line). */
  async rollupStatus(lineIds: readonly string[] | null): Promise<{
    queued: number;
    oldest: Date | null;
    hours: number;
    last: Date | null;
  }> {
    const [row] = await this.dataSource.query<
      Array<{ queued: number; oldest: Date | null; hours: number; last: Date | null }>
    >(
      `WITH scoped AS (SELECT id FROM equipment WHERE $1::uuid[] IS NULL OR line_id = ANY($1::uuid[]))
       SELECT (SELECT count(*)::int FROM oee_rollup_queue WHERE equipment_id IN (SELECT id FROM scoped)) AS queued,
              (SELECT min(since) FROM oee_rollup_queue WHERE equipment_id IN (SELECT id FROM scoped)) AS oldest,
              (SELECT count(*)::int FROM oee_hourly WHERE equipment_id IN (SELECT id FROM scoped)) AS hours,
              (SELECT max(computed_at) FROM oee_hourly WHERE equipment_id IN (SELECT id FROM scoped)) AS last`,
      [lineIds],
    );
    return row ?? { queued: 0, oldest: null, hours: 0, last: null };
  }

  /** The equipment of `lineIds` (null: every line), by code. */
  async equipmentIdsOfLines(lineIds: readonly string[] | null): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM equipment WHERE $1::uuid[] IS NULL OR line_id = ANY($1::uuid[]) ORDER BY code',
      [lineIds],
    );
    return rows.map((row) => row.id);
  }
}
