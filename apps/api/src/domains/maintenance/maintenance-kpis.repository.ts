import { Injectable } from '@nestjs/common';
import type { WorkOrderPriority, WorkOrderStatus, WorkOrderType } from '@ms5/contracts';
import { BaseRepository } from '../../platform/database/base.repository.js';
import type { KpiWorkOrder } from './maintenance-kpis.js';

/** Which work orders a KPI covers: one equipment, or these lines (null: every line). */
export interface KpiScope {
  equipmentId?: string;
  lineIds: readonly string[] | null;
}

const OPEN = `w.status NOT IN ('completed','cancelled')`;
const SCOPE = `($1::uuid IS NULL OR w.equipment_id = $1) AND ($2::uuid[] IS NULL OR w.line_id = ANY($2::uuid[]))`;
const scopeParams = (scope: KpiScope) => [scope.equipmentId ?? null, scope.lineIds];

/** The SQL behind the maintenance KPIs and the overview. */
@Injectable()
export class MaintenanceKpisRepository extends BaseRepository {
  /** Work orders created, completed or due in `[from, to)`, with their plan's interval. */
  async workOrders(scope: KpiScope, from: Date, to: Date): Promise<KpiWorkOrder[]> {
    const rows = await this.dataSource.query<
      Array<{
        type: WorkOrderType;
        status: WorkOrderStatus;
        created_at: Date;
        assigned_at: Date | null;
        started_at: Date | null;
        completed_at: Date | null;
        due_at: Date | null;
        interval_ms: number | null;
      }>
    >(
      `SELECT w.type, w.status, w.created_at, w.assigned_at, w.started_at, w.completed_at, w.due_at,
              (SELECT coalesce(
                        max(CASE t.unit WHEN 'day' THEN t.every * 86400000.0
                                        WHEN 'week' THEN t.every * 604800000.0
                                        WHEN 'month' THEN t.every * 2592000000.0 END),
                        max(t.every_hours * 3600000.0))
                 FROM maintenance_plan_triggers t WHERE t.plan_id = w.plan_id)::float8 AS interval_ms
         FROM work_orders w
        WHERE ${SCOPE}
          AND ((w.created_at >= $3 AND w.created_at < $4)
               OR (w.completed_at >= $3 AND w.completed_at < $4)
               OR (w.due_at >= $3 AND w.due_at < $4))`,
      [...scopeParams(scope), from, to],
    );
    return rows.map((row) => ({
      type: row.type,
      status: row.status,
      createdAt: row.created_at.getTime(),
      assignedAt: row.assigned_at?.getTime() ?? null,
      startedAt: row.started_at?.getTime() ?? null,
      completedAt: row.completed_at?.getTime() ?? null,
      dueAt: row.due_at?.getTime() ?? null,
      intervalMs: row.interval_ms === null ? null : Number(row.interval_ms),
    }));
  }

  /** Labour minutes that started in `[from, to)`, by the work order's type. */
  async labourByType(
    scope: KpiScope,
    from: Date,
    to: Date,
  ): Promise<Record<WorkOrderType, number>> {
    const rows = await this.dataSource.query<Array<{ type: WorkOrderType; minutes: number }>>(
      `SELECT w.type, sum(l.minutes)::float8 AS minutes
         FROM work_order_labour l JOIN work_orders w ON w.id = l.work_order_id
        WHERE ${SCOPE} AND l.started_at >= $3 AND l.started_at < $4
        GROUP BY w.type`,
      [...scopeParams(scope), from, to],
    );
    const out: Record<WorkOrderType, number> = { corrective: 0, preventive: 0, inspection: 0 };
    for (const row of rows) out[row.type] = Number(row.minutes);
    return out;
  }

  /** Labour minutes booked on the work orders open now, and how many are open. */
  async openLabour(scope: KpiScope): Promise<{ minutes: number; open: number }> {
    const [row] = await this.dataSource.query<Array<{ minutes: number; open: number }>>(
      `SELECT coalesce((SELECT sum(l.minutes) FROM work_order_labour l
                         JOIN work_orders w ON w.id = l.work_order_id WHERE ${SCOPE} AND ${OPEN}), 0)::float8 AS minutes,
              (SELECT count(*) FROM work_orders w WHERE ${SCOPE} AND ${OPEN})::int AS open`,
      scopeParams(scope),
    );
    return { minutes: Number(row?.minutes ?? 0), open: Number(row?.open ?? 0) };
  }

  /** Open, overdue and due-within-the-week counts at `now`. */
  async openCounts(
    scope: KpiScope,
    now: Date,
  ): Promise<{ open: number; overdue: number; dueSoon: number }> {
    const [row] = await this.dataSource.query<
      Array<{ open: number; overdue: number; due_soon: number }>
    >(
      `SELECT count(*)::int AS open,
              count(*) FILTER (WHERE w.due_at < $3)::int AS overdue,
              count(*) FILTER (WHERE w.due_at >= $3 AND w.due_at < $3::timestamptz + interval '7 days')::int AS due_soon
         FROM work_orders w WHERE ${SCOPE} AND ${OPEN}`,
      [...scopeParams(scope), now],
    );
    return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, dueSoon: row?.due_soon ?? 0 };
  }

  /** The equipment in scope. */
  async equipmentIds(scope: KpiScope): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM equipment e
        WHERE ($1::uuid IS NULL OR e.id = $1) AND ($2::uuid[] IS NULL OR e.line_id = ANY($2::uuid[]))`,
      scopeParams(scope),
    );
    return rows.map((row) => row.id);
  }

  async equipmentNames(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<Array<{ id: string; name: string }>>(
      'SELECT id, name FROM equipment WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async equipmentLine(id: string): Promise<string | null> {
    return this.one(
      'SELECT line_id FROM equipment WHERE id = $1',
      [id],
      (row: { line_id: string }) => row.line_id,
    );
  }

  /** The open work orders of these equipment, most urgent first. */
  async openOrdersOf(equipmentIds: readonly string[]): Promise<
    Array<{
      equipmentId: string;
      id: string;
      number: string;
      type: WorkOrderType;
      priority: WorkOrderPriority;
      status: WorkOrderStatus;
      title: string;
      dueAt: string | null;
    }>
  > {
    const rows = await this.dataSource.query<
      Array<{
        equipment_id: string;
        id: string;
        number: string;
        type: WorkOrderType;
        priority: WorkOrderPriority;
        status: WorkOrderStatus;
        title: string;
        due_at: Date | null;
      }>
    >(
      `SELECT w.equipment_id, w.id, w.number, w.type, w.priority, w.status, w.title, w.due_at
         FROM work_orders w WHERE w.equipment_id = ANY($1::uuid[]) AND ${OPEN}
        ORDER BY w.priority_rank DESC, w.due_at ASC NULLS LAST, w.number`,
      [equipmentIds],
    );
    return rows.map((row) => ({
      equipmentId: row.equipment_id,
      id: row.id,
      number: row.number,
      type: row.type,
      priority: row.priority,
      status: row.status,
      title: row.title,
      dueAt: row.due_at?.toISOString() ?? null,
    }));
  }
}
