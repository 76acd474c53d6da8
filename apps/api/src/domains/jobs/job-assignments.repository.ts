import { Injectable } from '@nestjs/common';
import type { JobAssignment, JobStatus, ProductionOrderStatus, Role } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';
import { SqlWhere } from '../../platform/database/sql-where.js';

interface JobRow {
  id: string;
  order_id: string;
  order_reference: string | null;
  order_status: ProductionOrderStatus;
  line_id: string;
  line_code: string;
  product_code: string;
  operator_id: string;
  operator_name: string;
  shift_date: string | null;
  note: string | null;
  status: JobStatus;
  assigned_by: string | null;
  assigned_by_name: string | null;
  assigned_at: Date;
  accepted_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  quantity: number;
  actual_start: Date | null;
  actual_end: Date | null;
  output_ids: string[];
}

/** Where a job's progress is counted: the line's output, from the order's start to its end (or now). */
export interface ProgressSource {
  equipmentIds: string[];
  /** Epoch ms; `null` while the order has not started (no progress yet). */
  start: number | null;
  end: number | null;
  targetQuantity: number;
}

/** A job as stored; its progress is counted by the service (the same part attribution as OEE). */
export interface StoredJob {
  job: Omit<JobAssignment, 'progress'>;
  progress: ProgressSource;
}

/**
 * A job with its order and where its progress is counted: the good parts at the line's output
 * from the order's actual start to its end (or now). The output is the line's output equipment,
 * or — when none is set — the sum over the line's equipment (right for parallel machines).
 */
const SELECT_JOB = `
  SELECT j.id, j.order_id, o.reference AS order_reference, o.status AS order_status,
         o.line_id, l.code AS line_code, p.code AS product_code,
         j.operator_id, ou.display_name AS operator_name, to_char(j.shift_date, 'YYYY-MM-DD') AS shift_date,
         j.note, j.status, j.assigned_by, au.display_name AS assigned_by_name,
         j.assigned_at, j.accepted_at, j.started_at, j.completed_at, o.quantity,
         o.actual_start, o.actual_end,
         ARRAY(SELECT e.id FROM equipment e
                WHERE e.line_id = o.line_id AND (l.output_equipment_id IS NULL OR e.id = l.output_equipment_id)
                ORDER BY e.code) AS output_ids
    FROM job_assignments j
    JOIN production_orders o ON o.id = j.order_id
    JOIN lines l ON l.id = o.line_id
    JOIN products p ON p.id = o.product_id
    JOIN users ou ON ou.id = j.operator_id
    LEFT JOIN users au ON au.id = j.assigned_by`;

function toJob(row: JobRow): StoredJob {
  const job: StoredJob['job'] = {
    id: row.id,
    orderId: row.order_id,
    orderReference: row.order_reference,
    orderStatus: row.order_status,
    lineId: row.line_id,
    lineCode: row.line_code,
    productCode: row.product_code,
    operator: { id: row.operator_id, displayName: row.operator_name },
    shiftDate: row.shift_date,
    note: row.note,
    status: row.status,
    assignedBy:
      row.assigned_by === null
        ? null
        : { id: row.assigned_by, displayName: row.assigned_by_name ?? '' },
    assignedAt: row.assigned_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
  };
  return {
    job,
    progress: {
      equipmentIds: row.output_ids,
      start: row.actual_start?.getTime() ?? null,
      end: row.actual_end?.getTime() ?? null,
      targetQuantity: row.quantity,
    },
  };
}

export interface JobFilter {
  operatorId?: string;
  orderId?: string;
  lineId?: string;
  /** Only these lines (a user limited to some lines); null or absent: every line. */
  lineIds?: readonly string[] | null;
  statuses?: readonly JobStatus[];
}

export interface NewJob {
  orderId: string;
  operatorId: string;
  shiftDate: string | null;
  note: string | null;
  assignedBy: string;
}

export interface LockedJob {
  id: string;
  orderId: string;
  /** The line of the job's order. */
  lineId: string;
  operatorId: string;
  status: JobStatus;
}

/** Job assignments in SQL. */
@Injectable()
export class JobAssignmentsRepository extends BaseRepository {
  get(id: string, db?: EntityManager): Promise<StoredJob | null> {
    return this.one(`${SELECT_JOB} WHERE j.id = $1`, [id], toJob, db);
  }

  async lock(manager: EntityManager, id: string): Promise<LockedJob | null> {
    const [row] = await manager.query<
      Array<{
        id: string;
        order_id: string;
        line_id: string;
        operator_id: string;
        status: JobStatus;
      }>
    >(
      `SELECT j.id, j.order_id, o.line_id, j.operator_id, j.status
         FROM job_assignments j JOIN production_orders o ON o.id = j.order_id
        WHERE j.id = $1 FOR UPDATE OF j`,
      [id],
    );
    return row
      ? {
          id: row.id,
          orderId: row.order_id,
          lineId: row.line_id,
          operatorId: row.operator_id,
          status: row.status,
        }
      : null;
  }

  /** The line of the order, or `null` when there is no such order (a list filter names it). */
  async orderLine(orderId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ line_id: string }>>(
      'SELECT line_id FROM production_orders WHERE id = $1',
      [orderId],
    );
    return row?.line_id ?? null;
  }

  async list(filter: JobFilter, page: number, pageSize: number): Promise<[StoredJob[], number]> {
    const where = new SqlWhere();
    if (filter.operatorId) where.add((p) => `j.operator_id = ${p}`, filter.operatorId);
    if (filter.orderId) where.add((p) => `j.order_id = ${p}`, filter.orderId);
    if (filter.lineId) where.add((p) => `o.line_id = ${p}`, filter.lineId);
    if (filter.lineIds) where.add((p) => `o.line_id = ANY(${p}::uuid[])`, filter.lineIds);
    if (filter.statuses) where.add((p) => `j.status = ANY(${p}::text[])`, filter.statuses);
    return this.listPage({
      from: 'job_assignments j JOIN production_orders o ON o.id = j.order_id',
      select: SELECT_JOB,
      where,
      orderBy: 'j.shift_date DESC NULLS LAST, j.assigned_at DESC, j.id',
      map: toJob,
      page,
      pageSize,
    });
  }

  async userRole(manager: EntityManager, userId: string): Promise<Role | null> {
    const [row] = await manager.query<Array<{ role: Role }>>(
      'SELECT role FROM users WHERE id = $1 AND NOT disabled',
      [userId],
    );
    return row?.role ?? null;
  }

  async insert(manager: EntityManager, job: NewJob): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO job_assignments (order_id, operator_id, shift_date, note, assigned_by)
       VALUES ($1, $2, $3::date, $4, $5) RETURNING id`,
      [job.orderId, job.operatorId, job.shiftDate, job.note, job.assignedBy],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return row.id;
  }

  /** Moves the job to `status` and stamps the matching time column. */
  async setStatus(manager: EntityManager, id: string, status: JobStatus, at: Date): Promise<void> {
    const column = {
      assigned: 'assigned_at',
      accepted: 'accepted_at',
      started: 'started_at',
      completed: 'completed_at',
    }[status];
    await manager.query(`UPDATE job_assignments SET status = $2, ${column} = $3 WHERE id = $1`, [
      id,
      status,
      at,
    ]);
  }
}
