import { Injectable } from '@nestjs/common';
import type { ChecklistAnswer, ChecklistItem, ChecklistRun, JobStatus } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';
import { SqlWhere } from '../../platform/database/sql-where.js';

interface RunRow {
  id: string;
  template_id: string;
  template_name: string;
  template_version: number;
  job_id: string | null;
  order_id: string | null;
  line_id: string;
  items: ChecklistItem[];
  answers: ChecklistAnswer[];
  passed: boolean;
  blocking: boolean;
  failed_item_ids: string[];
  note: string | null;
  andon_call_id: string | null;
  completed_by: string;
  completed_by_name: string;
  completed_at: Date;
}

const SELECT_RUN = `
  SELECT r.id, r.template_id, r.template_name, r.template_version, r.job_id, r.order_id,
         r.line_id, r.items, r.answers, r.passed, r.blocking, r.failed_item_ids, r.note,
         r.andon_call_id, r.completed_by, u.display_name AS completed_by_name, r.completed_at
    FROM checklist_runs r
    JOIN users u ON u.id = r.completed_by`;

function toRun(row: RunRow): ChecklistRun {
  return {
    id: row.id,
    templateId: row.template_id,
    templateName: row.template_name,
    templateVersion: row.template_version,
    jobId: row.job_id,
    orderId: row.order_id,
    lineId: row.line_id,
    items: row.items,
    answers: row.answers,
    passed: row.passed,
    blocking: row.blocking,
    failedItemIds: row.failed_item_ids,
    note: row.note,
    andonCallId: row.andon_call_id,
    completedBy: { id: row.completed_by, displayName: row.completed_by_name },
    completedAt: row.completed_at.toISOString(),
  };
}

export interface RunFilter {
  lineId?: string;
  /** Only these lines (a user limited to some lines); null or absent: every line. */
  lineIds?: readonly string[] | null;
  jobId?: string;
  templateId?: string;
}

/** A job with what a checklist needs of it: its operator, its status and its order's line and product. */
export interface ChecklistJob {
  id: string;
  operatorId: string;
  status: JobStatus;
  orderId: string;
  lineId: string;
  productId: string;
}

export interface NewRun {
  templateId: string;
  templateVersion: number;
  templateName: string;
  /** A job's pre-start checklist, or (`workOrderId`) a maintenance work order's: never both. */
  jobId: string | null;
  orderId: string | null;
  workOrderId?: string | null;
  lineId: string;
  items: ChecklistItem[];
  answers: ChecklistAnswer[];
  passed: boolean;
  blocking: boolean;
  failedItemIds: string[];
  note: string | null;
  andonCallId: string | null;
  completedBy: string;
  completedAt: Date;
}

/** Completed checklists (runs), and the jobs they are done on, in SQL. */
@Injectable()
export class ChecklistRunsRepository extends BaseRepository {
  get(id: string, db?: EntityManager): Promise<ChecklistRun | null> {
    return this.one(`${SELECT_RUN} WHERE r.id = $1`, [id], toRun, db);
  }

  async list(filter: RunFilter, page: number, pageSize: number): Promise<[ChecklistRun[], number]> {
    const where = new SqlWhere();
    if (filter.lineId) where.add((p) => `r.line_id = ${p}`, filter.lineId);
    if (filter.lineIds) where.add((p) => `r.line_id = ANY(${p}::uuid[])`, filter.lineIds);
    if (filter.jobId) where.add((p) => `r.job_id = ${p}`, filter.jobId);
    if (filter.templateId) where.add((p) => `r.template_id = ${p}`, filter.templateId);
    return this.listPage({
      from: 'checklist_runs r',
      select: SELECT_RUN,
      where,
      orderBy: 'r.completed_at DESC, r.id',
      map: toRun,
      page,
      pageSize,
    });
  }

  /** The newest run of each template on the job. */
  async latestForJob(
    jobId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, ChecklistRun>> {
    const rows = await db.query<RunRow[]>(
      `${SELECT_RUN}
        WHERE r.id IN (
          SELECT DISTINCT ON (template_id) id
            FROM checklist_runs
           WHERE job_id = $1
           ORDER BY template_id, completed_at DESC, id
        )`,
      [jobId],
    );
    return new Map(rows.map((row) => [row.template_id, toRun(row)]));
  }

  /** The newest run on the work order (any template, any version), if any. */
  latestForWorkOrder(workOrderId: string, db?: EntityManager): Promise<ChecklistRun | null> {
    return this.one(
      `${SELECT_RUN} WHERE r.work_order_id = $1 ORDER BY r.completed_at DESC, r.id LIMIT 1`,
      [workOrderId],
      toRun,
      db,
    );
  }

  /** When the work order's newest run was completed, if ever. */
  async lastWorkOrderRunAt(manager: EntityManager, workOrderId: string): Promise<Date | null> {
    const [row] = await manager.query<Array<{ at: Date | null }>>(
      `SELECT max(completed_at) AS at FROM checklist_runs WHERE work_order_id = $1`,
      [workOrderId],
    );
    return row?.at ?? null;
  }

  /** When the job's newest run of the template was completed, if ever. */
  async lastCompletedAt(
    manager: EntityManager,
    jobId: string,
    templateId: string,
  ): Promise<Date | null> {
    const [row] = await manager.query<Array<{ at: Date | null }>>(
      `SELECT max(completed_at) AS at FROM checklist_runs WHERE job_id = $1 AND template_id = $2`,
      [jobId, templateId],
    );
    return row?.at ?? null;
  }

  /** The job and its order's line and product; locked against steps and other runs when asked. */
  async findJob(
    jobId: string,
    { manager, lock = false }: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<ChecklistJob | null> {
    const db = manager ?? this.dataSource.manager;
    const [row] = await db.query<
      Array<{
        id: string;
        operator_id: string;
        status: JobStatus;
        order_id: string;
        line_id: string;
        product_id: string;
      }>
    >(
      `SELECT j.id, j.operator_id, j.status, o.id AS order_id, o.line_id, o.product_id
         FROM job_assignments j
         JOIN production_orders o ON o.id = j.order_id
        WHERE j.id = $1 ${lock ? 'FOR UPDATE OF j' : ''}`,
      [jobId],
    );
    return row
      ? {
          id: row.id,
          operatorId: row.operator_id,
          status: row.status,
          orderId: row.order_id,
          lineId: row.line_id,
          productId: row.product_id,
        }
      : null;
  }

  /** The line of the equipment, or `null` when there is no such equipment. */
  async equipmentLine(manager: EntityManager, equipmentId: string): Promise<string | null> {
    const [row] = await manager.query<Array<{ line_id: string }>>(
      'SELECT line_id FROM equipment WHERE id = $1',
      [equipmentId],
    );
    return row?.line_id ?? null;
  }

  async insert(manager: EntityManager, run: NewRun): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO checklist_runs
         (template_id, template_version, template_name, job_id, order_id, line_id, items, answers,
          passed, blocking, failed_item_ids, note, andon_call_id, completed_by, completed_at,
          work_order_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11::text[], $12, $13, $14, $15,
               $16)
       RETURNING id`,
      [
        run.templateId,
        run.templateVersion,
        run.templateName,
        run.jobId,
        run.orderId,
        run.lineId,
        JSON.stringify(run.items),
        JSON.stringify(run.answers),
        run.passed,
        run.blocking,
        run.failedItemIds,
        run.note,
        run.andonCallId,
        run.completedBy,
        run.completedAt,
        run.workOrderId ?? null,
      ],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return row.id;
  }
}
