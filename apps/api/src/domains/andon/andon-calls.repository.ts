import { Injectable } from '@nestjs/common';
import type {
  AndonCall,
  AndonListQuery,
  AndonPriority,
  AndonStatus,
  AndonType,
  AndonWorkOrderPriority,
  EscalationLevelInput,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';

interface CallRow {
  id: string;
  equipment_id: string;
  equipment_code: string;
  equipment_name: string;
  line_id: string;
  type: AndonType;
  priority: AndonPriority;
  status: AndonStatus;
  description: string | null;
  resolution: string | null;
  raised_at: Date;
  raised_by: string;
  raised_by_name: string;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  escalation_level: number;
  escalated_at: Date | null;
  response_seconds: number | null;
  resolution_seconds: number | null;
  downtime_event_id: string | null;
  work_order_id: string | null;
}

const SELECT_CALL = `
  SELECT c.id, c.equipment_id, e.code AS equipment_code, e.name AS equipment_name, c.line_id,
         c.type, c.priority, c.status, c.description, c.resolution,
         c.raised_at, c.raised_by, ru.display_name AS raised_by_name,
         c.acknowledged_at, c.acknowledged_by, au.display_name AS acknowledged_by_name,
         c.resolved_at, c.resolved_by, vu.display_name AS resolved_by_name,
         c.escalation_level, c.escalated_at, c.response_seconds, c.resolution_seconds,
         c.downtime_event_id, c.work_order_id
    FROM andon_calls c
    JOIN equipment e ON e.id = c.equipment_id
    JOIN users ru ON ru.id = c.raised_by
    LEFT JOIN users au ON au.id = c.acknowledged_by
    LEFT JOIN users vu ON vu.id = c.resolved_by`;

const actor = (id: string | null, name: string | null) =>
  id === null ? null : { id, displayName: name ?? '' };

function toCall(row: CallRow): AndonCall {
  return {
    id: row.id,
    equipmentId: row.equipment_id,
    equipmentCode: row.equipment_code,
    equipmentName: row.equipment_name,
    lineId: row.line_id,
    type: row.type,
    priority: row.priority,
    status: row.status,
    description: row.description,
    resolution: row.resolution,
    raisedAt: row.raised_at.toISOString(),
    raisedBy: { id: row.raised_by, displayName: row.raised_by_name },
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: actor(row.acknowledged_by, row.acknowledged_by_name),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: actor(row.resolved_by, row.resolved_by_name),
    escalationLevel: row.escalation_level,
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    responseSeconds: row.response_seconds,
    resolutionSeconds: row.resolution_seconds,
    downtimeEventId: row.downtime_event_id,
    workOrderId: row.work_order_id,
  };
}

export interface NewCall {
  equipmentId: string;
  lineId: string;
  type: AndonType;
  priority: AndonPriority;
  description: string | null;
  raisedAt: Date;
  raisedBy: string;
  policyId: string | null;
}

export interface MatchedPolicy {
  id: string;
  levels: EscalationLevelInput[];
  openWorkOrderAt: AndonWorkOrderPriority | null;
}

export interface LockedCall {
  id: string;
  lineId: string;
  equipmentId: string;
  status: AndonStatus;
  type: AndonType;
  priority: AndonPriority;
  raisedAt: Date;
}

/** Andon calls and their escalation schedule, in SQL. */
@Injectable()
export class AndonCallsRepository extends BaseRepository {
  /** The equipment and its line, read in the caller's transaction when one is given. */
  async findEquipment(
    manager: EntityManager | null,
    equipmentId: string,
  ): Promise<{ id: string; lineId: string; code: string } | null> {
    const [row] = await (manager ?? this.dataSource.manager).query<
      Array<{ id: string; line_id: string; code: string }>
    >('SELECT id, line_id, code FROM equipment WHERE id = $1', [equipmentId]);
    return row ? { id: row.id, lineId: row.line_id, code: row.code } : null;
  }

  /** The most specific enabled policy: line and type beat line, which beats type, then newest. */
  async matchPolicy(
    manager: EntityManager,
    priority: AndonPriority,
    type: AndonType,
    lineId: string,
  ): Promise<MatchedPolicy | null> {
    const [row] = await manager.query<
      Array<{
        id: string;
        levels: EscalationLevelInput[];
        open_work_order_at: AndonWorkOrderPriority | null;
      }>
    >(
      `SELECT id, levels, open_work_order_at FROM andon_policies
        WHERE enabled AND priority = $1 AND (type IS NULL OR type = $2)
          AND (line_id IS NULL OR line_id = $3)
        ORDER BY (line_id IS NOT NULL)::int * 2 + (type IS NOT NULL)::int DESC, updated_at DESC
        LIMIT 1`,
      [priority, type, lineId],
    );
    return row ? { id: row.id, levels: row.levels, openWorkOrderAt: row.open_work_order_at } : null;
  }

  async insert(manager: EntityManager, call: NewCall): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO andon_calls
         (equipment_id, line_id, type, priority, description, raised_at, raised_by, policy_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING id`,
      [
        call.equipmentId,
        call.lineId,
        call.type,
        call.priority,
        call.description,
        call.raisedAt,
        call.raisedBy,
        call.policyId,
      ],
    );
    if (!row) throw new Error('insert returned no row');
    return row.id;
  }

  /** Links the call to the stop it opened (event ids are unique per equipment, not plant-wide). */
  async setDowntimeEvent(
    manager: EntityManager,
    callId: string,
    equipmentId: string,
    eventId: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE andon_calls SET downtime_event_id =
              (SELECT id FROM machine_events WHERE equipment_id = $2 AND event_id = $3)
        WHERE id = $1`,
      [callId, equipmentId, eventId],
    );
  }

  async scheduleEscalations(
    manager: EntityManager,
    callId: string,
    raisedAt: Date,
    levels: readonly EscalationLevelInput[],
  ): Promise<void> {
    if (levels.length === 0) return;
    await manager.query(
      `INSERT INTO andon_escalations (call_id, level, condition, notify_roles, due_at)
       SELECT $1, level, condition, string_to_array(roles, ','), $2::timestamptz + make_interval(mins => after)
         FROM unnest($3::int[], $4::text[], $5::text[], $6::int[]) AS l(level, condition, roles, after)`,
      [
        callId,
        raisedAt,
        levels.map((_, index) => index + 1),
        levels.map((level) => level.condition),
        levels.map((level) => level.notifyRoles.join(',')),
        levels.map((level) => level.afterMinutes),
      ],
    );
  }

  async lock(manager: EntityManager, id: string): Promise<LockedCall | null> {
    const [row] = await manager.query<
      Array<{
        id: string;
        line_id: string;
        equipment_id: string;
        status: AndonStatus;
        type: AndonType;
        priority: AndonPriority;
        raised_at: Date;
      }>
    >(
      `SELECT id, line_id, equipment_id, status, type, priority, raised_at
         FROM andon_calls WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row
      ? {
          id: row.id,
          lineId: row.line_id,
          equipmentId: row.equipment_id,
          status: row.status,
          type: row.type,
          priority: row.priority,
          raisedAt: row.raised_at,
        }
      : null;
  }

  /** The call's links, locked: the work order it became and the stop it opened, if any. */
  async lockLinks(
    manager: EntityManager,
    id: string,
  ): Promise<{ workOrderId: string | null; downtimeEventId: string | null } | null> {
    const [row] = await manager.query<
      Array<{ work_order_id: string | null; downtime_event_id: string | null }>
    >('SELECT work_order_id, downtime_event_id FROM andon_calls WHERE id = $1 FOR UPDATE', [id]);
    return row ? { workOrderId: row.work_order_id, downtimeEventId: row.downtime_event_id } : null;
  }

  async setWorkOrder(manager: EntityManager, id: string, workOrderId: string): Promise<void> {
    await manager.query('UPDATE andon_calls SET work_order_id = $2 WHERE id = $1', [
      id,
      workOrderId,
    ]);
  }

  async acknowledge(manager: EntityManager, id: string, at: Date, by: string): Promise<void> {
    await manager.query(
      `UPDATE andon_calls
          SET status = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3,
              response_seconds = EXTRACT(EPOCH FROM ($2::timestamptz - raised_at))
        WHERE id = $1`,
      [id, at, by],
    );
    await manager.query(
      `UPDATE andon_escalations SET cancelled_at = $2
        WHERE call_id = $1 AND condition = 'unacknowledged' AND fired_at IS NULL AND cancelled_at IS NULL`,
      [id, at],
    );
  }

  async resolve(
    manager: EntityManager,
    id: string,
    at: Date,
    by: string,
    resolution: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE andon_calls
          SET status = 'resolved', resolved_at = $2, resolved_by = $3, resolution = $4,
              resolution_seconds = EXTRACT(EPOCH FROM ($2::timestamptz - raised_at))
        WHERE id = $1`,
      [id, at, by, resolution],
    );
    await manager.query(
      `UPDATE andon_escalations SET cancelled_at = $2
        WHERE call_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`,
      [id, at],
    );
  }

  get(id: string, db?: EntityManager): Promise<AndonCall | null> {
    return this.one(`${SELECT_CALL} WHERE c.id = $1`, [id], toCall, db);
  }

  /** A page of calls; `lineIds`: only the calls of these lines (the caller's scope), null: every line. */
  async list(
    query: AndonListQuery,
    lineIds: readonly string[] | null,
  ): Promise<[AndonCall[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (lineIds !== null) add((p) => `c.line_id = ANY(${p}::uuid[])`, lineIds);
    if (query.status) add((p) => `c.status = ANY(${p}::text[])`, query.status);
    if (query.equipmentId) add((p) => `c.equipment_id = ${p}`, query.equipmentId);
    if (query.type) add((p) => `c.type = ${p}`, query.type);
    if (query.priority) add((p) => `c.priority = ${p}`, query.priority);
    if (query.from) add((p) => `c.raised_at >= ${p}`, query.from);
    if (query.to) add((p) => `c.raised_at < ${p}`, query.to);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order =
      query.sort === 'urgency'
        ? 'c.priority_rank DESC, c.raised_at ASC, c.id'
        : 'c.raised_at DESC, c.id';
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<CallRow[]>(
        `${SELECT_CALL} ${whereSql} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM andon_calls c ${whereSql}`,
        params,
      ),
    ]);
    return [rows.map(toCall), count?.total ?? 0];
  }
}
