import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';

export interface StopRow {
  /** The machine event that began the stop (a bigint, as text). */
  event_pk: string;
  equipment_id: string;
  equipment_code: string;
  line_id: string;
  state: 'stopped' | 'idle';
  started_at: Date;
  ended_at: Date | null;
  duration_seconds: number;
  micro_stop: boolean;
  machine_reason: string | null;
  assigned_reason: string | null;
  reason_name: string | null;
  assigned_by: string | null;
  assigned_at: Date | null;
  comment: string | null;
  total: number;
}

export interface Assignment {
  equipmentId: string;
  startedAt: Date;
  reasonCode: string;
}

/**
 * Stops are the stopped or idle stretches of the state events ("gaps and islands" in SQL):
 * a stretch starts at an event whose state differs from the previous one and ends at the next
 * event with another state. Stretches that began up to 7 days before the window are found.
 */
const STOPS_SQL = `
  WITH ev AS (
    SELECT m.id, m.equipment_id, m.ts, m.event_id, m.state, m.reason_code,
           lag(m.state) OVER (PARTITION BY m.equipment_id ORDER BY m.ts, m.event_id) AS prev_state
      FROM machine_events m
     WHERE m.type = 'state' AND m.equipment_id = ANY($1::uuid[])
       AND m.ts >= $2::timestamptz - interval '7 days' AND m.ts < $3::timestamptz
  ), stops AS (
    SELECT ev.id AS event_pk, ev.equipment_id, ev.ts AS started_at, ev.state, ev.reason_code AS machine_reason,
           (SELECT n.ts FROM machine_events n
             WHERE n.equipment_id = ev.equipment_id AND n.type = 'state' AND n.ts > ev.ts AND n.state <> ev.state
             ORDER BY n.ts LIMIT 1) AS ended_at
      FROM ev
     WHERE ev.state IN ('stopped', 'idle') AND ev.prev_state IS DISTINCT FROM ev.state
  )
  SELECT s.event_pk::text AS event_pk, s.equipment_id, e.code AS equipment_code, e.line_id, s.state,
         s.started_at, s.ended_at,
         extract(epoch FROM coalesce(s.ended_at, now()) - s.started_at)::float8 AS duration_seconds,
         (s.ended_at IS NOT NULL AND s.ended_at - s.started_at < make_interval(secs => l.micro_stop_threshold_seconds)) AS micro_stop,
         s.machine_reason, a.reason_code AS assigned_reason,
         r.name AS reason_name, u.username AS assigned_by, a.assigned_at, a.comment,
         count(*) OVER ()::int AS total
    FROM stops s
    JOIN equipment e ON e.id = s.equipment_id
    JOIN lines l ON l.id = e.line_id
    LEFT JOIN downtime_assignments a ON a.equipment_id = s.equipment_id AND a.started_at = s.started_at
    LEFT JOIN downtime_reasons r ON r.code = coalesce(a.reason_code, s.machine_reason)
    LEFT JOIN users u ON u.id = a.assigned_by
   WHERE coalesce(s.ended_at, 'infinity') > $2::timestamptz
     AND ($4::boolean IS NOT TRUE OR (a.reason_code IS NULL AND s.machine_reason IS NULL
          AND NOT (s.ended_at IS NOT NULL AND s.ended_at - s.started_at < make_interval(secs => l.micro_stop_threshold_seconds))))
   ORDER BY s.started_at DESC, e.code
   LIMIT $5 OFFSET $6`;

@Injectable()
export class DowntimeRepository extends BaseRepository {
  stops(
    equipmentIds: readonly string[],
    from: Date,
    to: Date,
    unassignedOnly: boolean,
    limit: number,
    offset: number,
  ): Promise<StopRow[]> {
    return this.dataSource.query(STOPS_SQL, [
      equipmentIds,
      from,
      to,
      unassignedOnly,
      limit,
      offset,
    ]);
  }

  /** The stop of this equipment that began exactly at `startedAt`, if there is one. */
  async stopStartingAt(
    equipmentId: string,
    startedAt: Date,
  ): Promise<{ machineReason: string | null } | null> {
    const rows = await this.dataSource.query<Array<{ reason_code: string | null }>>(
      `SELECT m.reason_code FROM machine_events m
        WHERE m.equipment_id = $1 AND m.type = 'state' AND m.ts = $2 AND m.state IN ('stopped', 'idle')
          AND coalesce((SELECT p.state FROM machine_events p
                         WHERE p.equipment_id = m.equipment_id AND p.type = 'state' AND p.ts < m.ts
                         ORDER BY p.ts DESC, p.event_id DESC LIMIT 1), '') <> m.state
        LIMIT 1`,
      [equipmentId, startedAt],
    );
    const row = rows[0];
    return row ? { machineReason: row.reason_code } : null;
  }

  /** The line of the equipment, or null when there is no such equipment. */
  async lineOfEquipment(equipmentId: string): Promise<string | null> {
    const rows = await this.dataSource.query<Array<{ line_id: string }>>(
      'SELECT line_id FROM equipment WHERE id = $1',
      [equipmentId],
    );
    return rows[0]?.line_id ?? null;
  }

  async reasonExists(code: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM downtime_reasons WHERE code = $1',
      [code],
    );
    return rows.length > 0;
  }

  async reasonNames(): Promise<Map<string, { name: string; category: string }>> {
    const rows = await this.dataSource.query<
      Array<{ code: string; name: string; category: string }>
    >('SELECT code, name, category FROM downtime_reasons');
    return new Map(rows.map((row) => [row.code, { name: row.name, category: row.category }]));
  }

  async assignmentsIn(
    equipmentIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Assignment[]> {
    const rows = await this.dataSource.query<
      Array<{ equipment_id: string; started_at: Date; reason_code: string }>
    >(
      `SELECT equipment_id, started_at, reason_code FROM downtime_assignments
        WHERE equipment_id = ANY($1::uuid[]) AND started_at >= $2::timestamptz - interval '7 days' AND started_at < $3`,
      [equipmentIds, from, to],
    );
    return rows.map((row) => ({
      equipmentId: row.equipment_id,
      startedAt: row.started_at,
      reasonCode: row.reason_code,
    }));
  }

  /** Locks and returns the current assignment, then writes the new one. */
  async upsertAssignment(
    manager: EntityManager,
    input: {
      equipmentId: string;
      startedAt: Date;
      reasonCode: string;
      comment: string | null;
      userId: string;
    },
  ): Promise<{ before: { reasonCode: string; comment: string | null } | null }> {
    const current = await manager.query<Array<{ reason_code: string; comment: string | null }>>(
      'SELECT reason_code, comment FROM downtime_assignments WHERE equipment_id = $1 AND started_at = $2 FOR UPDATE',
      [input.equipmentId, input.startedAt],
    );
    await manager.query(
      `INSERT INTO downtime_assignments (equipment_id, started_at, reason_code, comment, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (equipment_id, started_at) DO UPDATE
         SET reason_code = EXCLUDED.reason_code, comment = EXCLUDED.comment,
             assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at`,
      [input.equipmentId, input.startedAt, input.reasonCode, input.comment, input.userId],
    );
    const row = current[0];
    return { before: row ? { reasonCode: row.reason_code, comment: row.comment } : null };
  }
}
