import { Injectable } from '@nestjs/common';
import type { ProductionOrder, ProductionOrderStatus } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';
import { SqlWhere } from '../../platform/database/sql-where.js';

interface OrderRow {
  id: string;
  line_id: string;
  line_code: string;
  product_id: string;
  product_code: string;
  product_name: string;
  quantity: number;
  planned_start: Date;
  planned_end: Date;
  reference: string | null;
  status: ProductionOrderStatus;
  actual_start: Date | null;
  actual_end: Date | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT_ORDER = `
  SELECT o.id, o.line_id, l.code AS line_code, o.product_id, p.code AS product_code,
         p.name AS product_name, o.quantity, o.planned_start, o.planned_end, o.reference, o.status,
         o.actual_start, o.actual_end, o.cancel_reason, o.created_at, o.updated_at
    FROM production_orders o
    JOIN lines l ON l.id = o.line_id
    JOIN products p ON p.id = o.product_id`;

function toOrder(row: OrderRow): ProductionOrder {
  return {
    id: row.id,
    lineId: row.line_id,
    lineCode: row.line_code,
    productId: row.product_id,
    productCode: row.product_code,
    productName: row.product_name,
    quantity: row.quantity,
    plannedStart: row.planned_start.toISOString(),
    plannedEnd: row.planned_end.toISOString(),
    reference: row.reference,
    status: row.status,
    actualStart: row.actual_start?.toISOString() ?? null,
    actualEnd: row.actual_end?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface OrderWindow {
  lineId: string;
  plannedStart: string;
  plannedEnd: string;
}

export interface NewOrder extends OrderWindow {
  productId: string;
  quantity: number;
  reference: string | null;
  createdBy: string;
}

export interface OrderFields {
  productId: string;
  quantity: number;
  plannedStart: string;
  plannedEnd: string;
  reference: string | null;
}

export interface OrderFilter {
  lineId?: string;
  /** Only these lines (a user limited to some lines); null or absent: every line. */
  lineIds?: readonly string[] | null;
  statuses?: readonly ProductionOrderStatus[];
  from?: string;
  to?: string;
  includeCancelled: boolean;
}

export interface OrderConflict {
  id: string;
  reference: string | null;
  plannedStart: Date;
  plannedEnd: Date;
}

/** Production orders in SQL: the schedule's overlap rule lives in the table's constraint. */
@Injectable()
export class ProductionOrdersRepository extends BaseRepository {
  get(id: string, db?: EntityManager): Promise<ProductionOrder | null> {
    return this.one(`${SELECT_ORDER} WHERE o.id = $1`, [id], toOrder, db);
  }

  /** The order, locked for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<ProductionOrder | null> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM production_orders WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows.length === 0 ? null : this.get(id, manager);
  }

  async list(
    filter: OrderFilter,
    page: number,
    pageSize: number,
  ): Promise<[ProductionOrder[], number]> {
    const where = new SqlWhere();
    if (filter.lineId) where.add((p) => `o.line_id = ${p}`, filter.lineId);
    if (filter.lineIds) where.add((p) => `o.line_id = ANY(${p}::uuid[])`, filter.lineIds);
    if (filter.statuses) where.add((p) => `o.status = ANY(${p}::text[])`, filter.statuses);
    else if (!filter.includeCancelled) where.addLiteral(`o.status <> 'cancelled'`);
    if (filter.from) where.add((p) => `o.planned_end > ${p}::timestamptz`, filter.from);
    if (filter.to) where.add((p) => `o.planned_start < ${p}::timestamptz`, filter.to);
    return this.listPage({
      from: 'production_orders o',
      select: SELECT_ORDER,
      where,
      orderBy: 'o.planned_start, o.id',
      map: toOrder,
      page,
      pageSize,
    });
  }

  async lineExists(lineId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM lines WHERE id = $1', [
      lineId,
    ]);
    return rows.length > 0;
  }

  /** Which of the ids exist, as `{ lineId, productId }` flags. */
  async references(
    manager: EntityManager,
    lineId: string,
    productId: string,
  ): Promise<{ line: boolean; product: boolean }> {
    const [row] = await manager.query<Array<{ line: boolean; product: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM lines WHERE id = $1) AS line,
              EXISTS (SELECT 1 FROM products WHERE id = $2) AS product`,
      [lineId, productId],
    );
    return row ?? { line: false, product: false };
  }

  /** The first order of the line, other than `exceptId`, whose window overlaps and holds its slot. */
  async findOverlap(
    manager: EntityManager,
    window: OrderWindow,
    exceptId: string | null,
  ): Promise<OrderConflict | null> {
    const [row] = await manager.query<
      Array<{ id: string; reference: string | null; planned_start: Date; planned_end: Date }>
    >(
      `SELECT id, reference, planned_start, planned_end FROM production_orders
        WHERE line_id = $1 AND status <> 'cancelled' AND ($4::uuid IS NULL OR id <> $4::uuid)
          AND tstzrange(planned_start, planned_end) && tstzrange($2::timestamptz, $3::timestamptz)
        ORDER BY planned_start LIMIT 1`,
      [window.lineId, window.plannedStart, window.plannedEnd, exceptId],
    );
    return row
      ? {
          id: row.id,
          reference: row.reference,
          plannedStart: row.planned_start,
          plannedEnd: row.planned_end,
        }
      : null;
  }

  async insert(manager: EntityManager, order: NewOrder): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO production_orders (line_id, product_id, quantity, planned_start, planned_end, reference, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        order.lineId,
        order.productId,
        order.quantity,
        order.plannedStart,
        order.plannedEnd,
        order.reference,
        order.createdBy,
      ],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return row.id;
  }

  async update(manager: EntityManager, id: string, fields: OrderFields): Promise<void> {
    await manager.query(
      `UPDATE production_orders
          SET product_id = $2, quantity = $3, planned_start = $4, planned_end = $5, reference = $6,
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        fields.productId,
        fields.quantity,
        fields.plannedStart,
        fields.plannedEnd,
        fields.reference,
      ],
    );
  }

  /** The running order of the line, if any. */
  async runningOnLine(manager: EntityManager, lineId: string): Promise<{ id: string } | null> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM production_orders WHERE line_id = $1 AND status = 'running' LIMIT 1`,
      [lineId],
    );
    return row ?? null;
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: ProductionOrderStatus,
    stamps: { actualStart?: Date; actualEnd?: Date; cancelReason?: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE production_orders
          SET status = $2,
              actual_start = coalesce($3::timestamptz, actual_start),
              actual_end = coalesce($4::timestamptz, actual_end),
              cancel_reason = coalesce($5, cancel_reason),
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        status,
        stamps.actualStart ?? null,
        stamps.actualEnd ?? null,
        stamps.cancelReason ?? null,
      ],
    );
  }

  /** Locks the line's row: orders of one line are scheduled and started one at a time. */
  async lockLine(manager: EntityManager, lineId: string): Promise<void> {
    await manager.query('SELECT 1 FROM lines WHERE id = $1 FOR NO KEY UPDATE', [lineId]);
  }
}
