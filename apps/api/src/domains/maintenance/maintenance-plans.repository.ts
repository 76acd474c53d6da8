import { Injectable } from '@nestjs/common';
import type { PlanTrigger, Role, WorkOrderPriority } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';
import { SqlWhere } from '../../platform/database/sql-where.js';

type Db = Pick<EntityManager, 'query'>;

/** A plan as stored, with its triggers and the state of its last occurrence's work order. */
export interface PlanRecord {
  id: string;
  equipmentId: string;
  equipmentCode: string;
  equipmentName: string;
  lineId: string;
  title: string;
  description: string | null;
  priority: WorkOrderPriority;
  startAt: Date;
  floating: boolean;
  leadTimeHours: number;
  active: boolean;
  triggers: PlanTrigger[];
  lastOccurrence: number;
  lastDueAt: Date | null;
  meterOriginAt: Date;
  originOffset: { runSeconds: number; parts: number };
  /** The last occurrence's work order, and when it was completed or cancelled (null: open). */
  lastWorkOrderId: string | null;
  lastClosedAt: Date | null;
  createdAt: Date;
  createdBy: { id: string; username: string; role: Role; displayName: string };
  updatedAt: Date;
}

interface PlanRow {
  id: string;
  equipment_id: string;
  equipment_code: string;
  equipment_name: string;
  line_id: string;
  title: string;
  description: string | null;
  priority: WorkOrderPriority;
  start_at: Date;
  floating: boolean;
  lead_time_hours: number;
  active: boolean;
  triggers: Array<{
    kind: PlanTrigger['kind'];
    every: number | null;
    unit: 'day' | 'week' | 'month' | null;
    every_hours: number | null;
    every_parts: string | null;
  }>;
  last_occurrence: number;
  last_due_at: Date | null;
  meter_origin_at: Date;
  origin_offset_run_seconds: number;
  origin_offset_parts: number;
  last_work_order_id: string | null;
  last_closed_at: Date | null;
  created_at: Date;
  created_by: string;
  created_by_username: string;
  created_by_role: Role;
  created_by_name: string;
  updated_at: Date;
}

const TRIGGERS_COLUMN = `coalesce((SELECT json_agg(json_build_object('kind', t.kind, 'every', t.every, 'unit', t.unit,
                                                     'every_hours', t.every_hours,
                                                     'every_parts', t.every_parts::text)
                                   ORDER BY array_position(ARRAY['calendar','runtime','parts'], t.kind))
                     FROM maintenance_plan_triggers t WHERE t.plan_id = p.id), '[]'::json) AS triggers`;

const SELECT_PLAN = `
  SELECT p.id, p.equipment_id, e.code AS equipment_code, e.name AS equipment_name, p.line_id,
         p.title, p.description, p.priority, p.start_at, p.floating, p.lead_time_hours, p.active,
         ${TRIGGERS_COLUMN},
         p.last_occurrence, p.last_due_at, p.meter_origin_at, p.origin_offset_run_seconds,
         p.origin_offset_parts, lw.id AS last_work_order_id,
         coalesce(lw.completed_at, lw.cancelled_at) AS last_closed_at,
         p.created_at, p.created_by, u.username AS created_by_username, u.role AS created_by_role,
         u.display_name AS created_by_name, p.updated_at
    FROM maintenance_plans p
    JOIN equipment e ON e.id = p.equipment_id
    JOIN users u ON u.id = p.created_by
    LEFT JOIN work_orders lw ON lw.plan_id = p.id AND lw.plan_occurrence = p.last_occurrence`;

function toTrigger(row: PlanRow['triggers'][number]): PlanTrigger {
  switch (row.kind) {
    case 'calendar':
      return { kind: 'calendar', every: row.every ?? 1, unit: row.unit ?? 'day' };
    case 'runtime':
      return { kind: 'runtime', everyHours: Number(row.every_hours) };
    case 'parts':
      return { kind: 'parts', everyParts: Number(row.every_parts) };
  }
}

function toRecord(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    equipmentId: row.equipment_id,
    equipmentCode: row.equipment_code,
    equipmentName: row.equipment_name,
    lineId: row.line_id,
    title: row.title,
    description: row.description,
    priority: row.priority,
    startAt: row.start_at,
    floating: row.floating,
    leadTimeHours: Number(row.lead_time_hours),
    active: row.active,
    triggers: row.triggers.map(toTrigger),
    lastOccurrence: row.last_occurrence,
    lastDueAt: row.last_due_at,
    meterOriginAt: row.meter_origin_at,
    originOffset: {
      runSeconds: Number(row.origin_offset_run_seconds),
      parts: Number(row.origin_offset_parts),
    },
    lastWorkOrderId: row.last_work_order_id,
    lastClosedAt: row.last_closed_at,
    createdAt: row.created_at,
    createdBy: {
      id: row.created_by,
      username: row.created_by_username,
      role: row.created_by_role,
      displayName: row.created_by_name,
    },
    updatedAt: row.updated_at,
  };
}

export interface NewPlan {
  equipmentId: string;
  lineId: string;
  title: string;
  description: string | null;
  priority: WorkOrderPriority;
  startAt: Date;
  floating: boolean;
  leadTimeHours: number;
  createdAt: Date;
  createdBy: string;
}

export interface PlanFilter {
  equipmentId?: string;
  lineIds: readonly string[] | null;
  active?: boolean;
}

/** Preventive plans and their triggers, in SQL. */
@Injectable()
export class MaintenancePlansRepository extends BaseRepository {
  get(id: string, db?: Db): Promise<PlanRecord | null> {
    return this.one(`${SELECT_PLAN} WHERE p.id = $1`, [id], toRecord, db);
  }

  /**
   * Every active plan, for a scheduler pass: the plans in one statement and all their triggers
   * in another (rather than one trigger subquery a plan).
   */
  async active(db: Db = this.dataSource.manager): Promise<PlanRecord[]> {
    const [rows, triggers] = await Promise.all([
      db.query<PlanRow[]>(
        `${SELECT_PLAN.replace(TRIGGERS_COLUMN, "'[]'::json AS triggers")} WHERE p.active ORDER BY p.id`,
      ),
      db.query<Array<PlanRow['triggers'][number] & { plan_id: string }>>(
        `SELECT t.plan_id, t.kind, t.every, t.unit, t.every_hours, t.every_parts::text AS every_parts
           FROM maintenance_plan_triggers t JOIN maintenance_plans p ON p.id = t.plan_id
          WHERE p.active ORDER BY t.plan_id, array_position(ARRAY['calendar','runtime','parts'], t.kind)`,
      ),
    ]);
    const byPlan = new Map<string, PlanRow['triggers']>();
    for (const trigger of triggers) {
      const list = byPlan.get(trigger.plan_id) ?? [];
      list.push(trigger);
      byPlan.set(trigger.plan_id, list);
    }
    return rows.map((row) => toRecord({ ...row, triggers: byPlan.get(row.id) ?? [] }));
  }

  list(filter: PlanFilter, page: number, pageSize: number): Promise<[PlanRecord[], number]> {
    const where = new SqlWhere();
    if (filter.equipmentId) where.add((p) => `p.equipment_id = ${p}`, filter.equipmentId);
    if (filter.lineIds) where.add((p) => `p.line_id = ANY(${p}::uuid[])`, filter.lineIds);
    if (filter.active !== undefined) where.add((p) => `p.active = ${p}`, filter.active);
    return this.listPage({
      from: 'maintenance_plans p',
      select: SELECT_PLAN,
      where,
      orderBy: 'p.created_at, p.id',
      map: toRecord,
      page,
      pageSize,
    });
  }

  async equipment(id: string): Promise<{ id: string; lineId: string } | null> {
    return this.one(
      'SELECT id, line_id FROM equipment WHERE id = $1',
      [id],
      (row: { id: string; line_id: string }) => ({ id: row.id, lineId: row.line_id }),
    );
  }

  async insert(manager: EntityManager, plan: NewPlan): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO maintenance_plans (equipment_id, line_id, title, description, priority, start_at,
                                      floating, lead_time_hours, meter_origin_at, created_at,
                                      created_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $6, $9, $10, $9) RETURNING id`,
      [
        plan.equipmentId,
        plan.lineId,
        plan.title,
        plan.description,
        plan.priority,
        plan.startAt,
        plan.floating,
        plan.leadTimeHours,
        plan.createdAt,
        plan.createdBy,
      ],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return row.id;
  }

  async replaceTriggers(
    manager: EntityManager,
    planId: string,
    triggers: readonly PlanTrigger[],
  ): Promise<void> {
    await manager.query('DELETE FROM maintenance_plan_triggers WHERE plan_id = $1', [planId]);
    for (const trigger of triggers) {
      await manager.query(
        `INSERT INTO maintenance_plan_triggers (plan_id, kind, every, unit, every_hours, every_parts)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          planId,
          trigger.kind,
          trigger.kind === 'calendar' ? trigger.every : null,
          trigger.kind === 'calendar' ? trigger.unit : null,
          trigger.kind === 'runtime' ? trigger.everyHours : null,
          trigger.kind === 'parts' ? trigger.everyParts : null,
        ],
      );
    }
  }

  async update(
    manager: EntityManager,
    id: string,
    change: {
      title?: string;
      description?: string | null;
      priority?: WorkOrderPriority;
      floating?: boolean;
      leadTimeHours?: number;
      active?: boolean;
    },
    at: Date,
  ): Promise<void> {
    const params: unknown[] = [id, at];
    const sets = ['updated_at = $2'];
    const columns: Record<keyof typeof change, string> = {
      title: 'title',
      description: 'description',
      priority: 'priority',
      floating: 'floating',
      leadTimeHours: 'lead_time_hours',
      active: 'active',
    };
    for (const [key, column] of Object.entries(columns) as Array<[keyof typeof change, string]>) {
      if (change[key] === undefined) continue;
      params.push(change[key]);
      sets.push(`${column} = $${params.length}`);
    }
    await manager.query(`UPDATE maintenance_plans SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** The plan row locked for an occurrence, unless another scheduler holds it or moved it on. */
  async lockForOccurrence(
    manager: EntityManager,
    id: string,
    lastOccurrence: number,
  ): Promise<boolean> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM maintenance_plans
        WHERE id = $1 AND active AND last_occurrence = $2 FOR UPDATE SKIP LOCKED`,
      [id, lastOccurrence],
    );
    return rows.length > 0;
  }

  async recordOccurrence(
    manager: EntityManager,
    id: string,
    occurrence: number,
    dueAt: Date,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE maintenance_plans SET last_occurrence = $2, last_due_at = $3, updated_at = $4 WHERE id = $1`,
      [id, occurrence, dueAt, at],
    );
  }

  /** A new meter origin and the reading of its hour before it (unless moved on meanwhile). */
  async moveMeterOrigin(
    id: string,
    from: Date,
    to: Date,
    offset: { runSeconds: number; parts: number },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE maintenance_plans
          SET meter_origin_at = $3, origin_offset_run_seconds = $4, origin_offset_parts = $5
        WHERE id = $1 AND meter_origin_at = $2`,
      [id, from, to, offset.runSeconds, offset.parts],
    );
  }
}
