import { Injectable } from '@nestjs/common';
import type { Handover, HandoverSummary } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';

interface HandoverRow {
  id: string;
  line_id: string;
  line_code: string;
  shift_id: string | null;
  shift_name: string;
  timezone: string;
  shift_date: string;
  period_start: Date;
  period_end: Date;
  summary: HandoverSummary;
  notes: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | null;
  acknowledge_note: string | null;
}

const SELECT_HANDOVER = `
  SELECT h.id, h.line_id, l.code AS line_code, h.shift_id, h.shift_name, h.timezone,
         to_char(h.shift_date, 'YYYY-MM-DD') AS shift_date, h.period_start, h.period_end, h.summary,
         h.notes, h.created_by, cu.display_name AS created_by_name, h.created_at,
         h.acknowledged_by, au.display_name AS acknowledged_by_name, h.acknowledged_at,
         h.acknowledge_note
    FROM shift_handovers h
    JOIN lines l ON l.id = h.line_id
    JOIN users cu ON cu.id = h.created_by
    LEFT JOIN users au ON au.id = h.acknowledged_by`;

function toHandover(row: HandoverRow): Handover {
  return {
    id: row.id,
    lineId: row.line_id,
    lineCode: row.line_code,
    shift: {
      id: row.shift_id,
      name: row.shift_name,
      date: row.shift_date,
      timezone: row.timezone,
    },
    from: row.period_start.toISOString(),
    to: row.period_end.toISOString(),
    summary: row.summary,
    notes: row.notes,
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    acknowledgedBy:
      row.acknowledged_by === null
        ? null
        : { id: row.acknowledged_by, displayName: row.acknowledged_by_name ?? '' },
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgeNote: row.acknowledge_note,
  };
}

export interface NewHandover {
  lineId: string;
  shiftId: string;
  shiftName: string;
  timezone: string;
  shiftDate: string;
  periodStart: Date;
  periodEnd: Date;
  summary: HandoverSummary;
  notes: string;
  createdBy: string;
  createdAt: Date;
}

export interface HandoverFilter {
  lineId?: string;
  /** Only these lines (a user limited to some lines); null or absent: every line. */
  lineIds?: readonly string[] | null;
  status: 'open' | 'acknowledged' | 'all';
}

type OpenAndonCall = HandoverSummary['openAndonCalls'][number];
type OpenOrder = HandoverSummary['openOrders'][number];
type OpenWorkOrder = NonNullable<HandoverSummary['openWorkOrders']>[number];

/** Shift handovers in SQL, and the open andon calls and orders a summary lists. */
@Injectable()
export class HandoverRepository extends BaseRepository {
  get(id: string, db?: EntityManager): Promise<Handover | null> {
    return this.one(`${SELECT_HANDOVER} WHERE h.id = $1`, [id], toHandover, db);
  }

  /** The handover, locked for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<Handover | null> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM shift_handovers WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows.length === 0 ? null : this.get(id, manager);
  }

  /** The handover already written for this occurrence of the shift, if any. */
  async findForOccurrence(
    lineId: string,
    shiftId: string,
    shiftDate: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const [row] = await db.query<Array<{ id: string }>>(
      'SELECT id FROM shift_handovers WHERE line_id = $1 AND shift_id = $2 AND shift_date = $3::date',
      [lineId, shiftId, shiftDate],
    );
    return row?.id ?? null;
  }

  /** Serialises handover writes of one line (the occurrence check, then the insert). */
  async lockLine(manager: EntityManager, lineId: string): Promise<void> {
    await manager.query('SELECT 1 FROM lines WHERE id = $1 FOR NO KEY UPDATE', [lineId]);
  }

  async insert(manager: EntityManager, handover: NewHandover): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO shift_handovers (line_id, shift_id, shift_name, timezone, shift_date, period_start,
                                    period_end, summary, notes, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8::jsonb, $9, $10, $11) RETURNING id`,
      [
        handover.lineId,
        handover.shiftId,
        handover.shiftName,
        handover.timezone,
        handover.shiftDate,
        handover.periodStart,
        handover.periodEnd,
        JSON.stringify(handover.summary),
        handover.notes,
        handover.createdBy,
        handover.createdAt,
      ],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return row.id;
  }

  async acknowledge(
    manager: EntityManager,
    id: string,
    by: string,
    at: Date,
    note: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE shift_handovers SET acknowledged_by = $2, acknowledged_at = $3, acknowledge_note = $4
        WHERE id = $1`,
      [id, by, at, note],
    );
  }

  async list(
    filter: HandoverFilter,
    page: number,
    pageSize: number,
  ): Promise<[Handover[], number]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.lineId) {
      params.push(filter.lineId);
      conditions.push(`h.line_id = $${params.length}`);
    }
    if (filter.lineIds) {
      params.push(filter.lineIds);
      conditions.push(`h.line_id = ANY($${params.length}::uuid[])`);
    }
    if (filter.status === 'open') conditions.push('h.acknowledged_at IS NULL');
    if (filter.status === 'acknowledged') conditions.push('h.acknowledged_at IS NOT NULL');
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [count] = await this.dataSource.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM shift_handovers h ${where}`,
      params,
    );
    const rows = await this.dataSource.query<HandoverRow[]>(
      `${SELECT_HANDOVER} ${where}
        ORDER BY h.period_start DESC, h.created_at DESC, h.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return [rows.map(toHandover), count?.total ?? 0];
  }

  /**
   * Andon calls of the line raised by `at` and not resolved by then, oldest first, with the
   * status they had at that time.
   */
  async openAndonCalls(lineId: string, at: Date): Promise<OpenAndonCall[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        equipment_code: string;
        type: OpenAndonCall['type'];
        priority: OpenAndonCall['priority'];
        status: OpenAndonCall['status'];
        raised_at: Date;
        description: string | null;
      }>
    >(
      `SELECT c.id, e.code AS equipment_code, c.type, c.priority,
              CASE WHEN c.acknowledged_at IS NOT NULL AND c.acknowledged_at <= $2 THEN 'acknowledged'
                   ELSE 'open' END AS status,
              c.raised_at, c.description
         FROM andon_calls c JOIN equipment e ON e.id = c.equipment_id
        WHERE c.line_id = $1 AND c.raised_at <= $2 AND (c.resolved_at IS NULL OR c.resolved_at > $2)
        ORDER BY c.raised_at, c.id`,
      [lineId, at],
    );
    return rows.map((row) => ({
      id: row.id,
      equipmentCode: row.equipment_code,
      type: row.type,
      priority: row.priority,
      status: row.status,
      raisedAt: row.raised_at.toISOString(),
      description: row.description,
    }));
  }

  /**
   * The line's work orders open at `at`: created by then and neither completed nor cancelled by
   * then, with the status of their last step up to `at` (the history), oldest first. A summary
   * drafted for an earlier time must not show what happened after it.
   */
  async openWorkOrders(lineId: string, at: Date): Promise<OpenWorkOrder[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        title: string;
        number: string;
        equipment_code: string;
        type: OpenWorkOrder['type'];
        priority: OpenWorkOrder['priority'];
        status: OpenWorkOrder['status'] | null;
        created_at: Date;
      }>
    >(
      `SELECT w.id, w.title, w.number, e.code AS equipment_code, w.type, w.priority,
              (SELECT h.to_status FROM work_order_status_history h
                WHERE h.work_order_id = w.id AND h.at <= $2
                ORDER BY h.at DESC, h.id DESC LIMIT 1) AS status,
              w.created_at
         FROM work_orders w JOIN equipment e ON e.id = w.equipment_id
        WHERE w.line_id = $1 AND w.created_at <= $2
          AND (w.completed_at IS NULL OR w.completed_at > $2)
          AND (w.cancelled_at IS NULL OR w.cancelled_at > $2)
        ORDER BY w.created_at, w.number`,
      [lineId, at],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      number: row.number,
      equipmentCode: row.equipment_code,
      type: row.type,
      priority: row.priority,
      status: row.status ?? 'open',
      createdAt: row.created_at.toISOString(),
    }));
  }

  /**
   * Orders of the line still to finish: running, released, or planned to start before `until`
   * (and not cancelled or completed), by planned start.
   */
  async openOrders(lineId: string, until: Date): Promise<OpenOrder[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        reference: string | null;
        product_code: string;
        status: OpenOrder['status'];
        quantity: number;
        planned_end: Date;
      }>
    >(
      `SELECT o.id, o.reference, p.code AS product_code, o.status, o.quantity, o.planned_end
         FROM production_orders o JOIN products p ON p.id = o.product_id
        WHERE o.line_id = $1
          AND (o.status IN ('running', 'released') OR (o.status = 'planned' AND o.planned_start < $2))
        ORDER BY o.planned_start, o.id`,
      [lineId, until],
    );
    return rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      productCode: row.product_code,
      status: row.status,
      quantity: row.quantity,
      plannedEnd: row.planned_end.toISOString(),
    }));
  }

  async lineCode(lineId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ code: string }>>(
      'SELECT code FROM lines WHERE id = $1',
      [lineId],
    );
    return row?.code ?? null;
  }
}
