import { Injectable } from '@nestjs/common';
import type {
  AndonPriority,
  AndonStatus,
  AndonType,
  Role,
  WorkOrder,
  WorkOrderAction,
  WorkOrderAssignee,
  WorkOrderAssigneeCandidate,
  WorkOrderHistoryEntry,
  WorkOrderLabourEntry,
  WorkOrderPart,
  WorkOrderPriority,
  WorkOrderStatus,
  WorkOrderStop,
  WorkOrderSummary,
  WorkOrderType,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';
import { SqlWhere } from '../../platform/database/sql-where.js';

type Db = Pick<EntityManager, 'query'>;

interface WorkOrderRow {
  id: string;
  number: string;
  type: WorkOrderType;
  priority: WorkOrderPriority;
  status: WorkOrderStatus;
  equipment_id: string;
  equipment_code: string;
  equipment_name: string;
  line_id: string;
  title: string;
  description: string | null;
  due_at: Date | null;
  failure_reason_id: string | null;
  reason_code: string | null;
  reason_name: string | null;
  reason_category: string | null;
  cause: string | null;
  remedy: string | null;
  hold_reason: string | null;
  cancel_reason: string | null;
  andon_call_id: string | null;
  downtime_event_id: string | null;
  plan_id: string | null;
  plan_occurrence: number | null;
  checklist_template_id: string | null;
  checklist_required: boolean;
  follow_up_of: string | null;
  assignees: Array<{ id: string; username: string; displayName: string; assignedAt: string }>;
  created_at: Date;
  created_by: string;
  created_by_name: string;
  assigned_at: Date | null;
  assigned_by: string | null;
  assigned_by_name: string | null;
  started_at: Date | null;
  started_by: string | null;
  started_by_name: string | null;
  completed_at: Date | null;
  completed_by: string | null;
  completed_by_name: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancelled_by_name: string | null;
  updated_at: Date;
}

const SELECT_WORK_ORDER = `
  SELECT w.id, w.number, w.type, w.priority, w.status, w.equipment_id, e.code AS equipment_code,
         e.name AS equipment_name, w.line_id, w.title, w.description, w.due_at,
         w.failure_reason_id, r.code AS reason_code, r.name AS reason_name, r.category AS reason_category,
         w.cause, w.remedy, w.hold_reason, w.cancel_reason, w.andon_call_id,
         w.downtime_event_id::text AS downtime_event_id, w.plan_id, w.plan_occurrence,
         w.checklist_template_id, w.checklist_required, w.follow_up_of,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'username', u.username,
                                                     'displayName', u.display_name,
                                                     'assignedAt', a.assigned_at)
                                   ORDER BY a.assigned_at, u.display_name, u.id)
                     FROM work_order_assignees a JOIN users u ON u.id = a.user_id
                    WHERE a.work_order_id = w.id), '[]'::json) AS assignees,
         w.created_at, w.created_by, cu.display_name AS created_by_name,
         w.assigned_at, w.assigned_by, au.display_name AS assigned_by_name,
         w.started_at, w.started_by, su.display_name AS started_by_name,
         w.completed_at, w.completed_by, fu.display_name AS completed_by_name,
         w.cancelled_at, w.cancelled_by, xu.display_name AS cancelled_by_name,
         w.updated_at
    FROM work_orders w
    JOIN equipment e ON e.id = w.equipment_id
    JOIN users cu ON cu.id = w.created_by
    LEFT JOIN downtime_reasons r ON r.id = w.failure_reason_id
    LEFT JOIN users au ON au.id = w.assigned_by
    LEFT JOIN users su ON su.id = w.started_by
    LEFT JOIN users fu ON fu.id = w.completed_by
    LEFT JOIN users xu ON xu.id = w.cancelled_by`;

/** Most urgent first: priority, then the earliest due (none last), then number. */
const URGENCY = 'w.priority_rank DESC, w.due_at ASC NULLS LAST, w.number';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
const actor = (id: string | null, name: string | null) =>
  id === null ? null : { id, displayName: name ?? '' };

function toSummary(row: WorkOrderRow): WorkOrderSummary {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    priority: row.priority,
    status: row.status,
    equipmentId: row.equipment_id,
    equipmentCode: row.equipment_code,
    equipmentName: row.equipment_name,
    lineId: row.line_id,
    title: row.title,
    description: row.description,
    dueAt: iso(row.due_at),
    failureReason:
      row.failure_reason_id === null
        ? null
        : {
            id: row.failure_reason_id,
            code: row.reason_code ?? '',
            name: row.reason_name ?? '',
            category: row.reason_category ?? '',
          },
    cause: row.cause,
    remedy: row.remedy,
    holdReason: row.hold_reason,
    cancelReason: row.cancel_reason,
    andonCallId: row.andon_call_id,
    downtimeEventId: row.downtime_event_id,
    planId: row.plan_id,
    planOccurrence: row.plan_occurrence,
    checklistTemplateId: row.checklist_template_id,
    checklistRequired: row.checklist_required,
    followUpOf: row.follow_up_of,
    assignees: row.assignees.map((a): WorkOrderAssignee => ({
      ...a,
      assignedAt: new Date(a.assignedAt).toISOString(),
    })),
    createdAt: row.created_at.toISOString(),
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    assignedAt: iso(row.assigned_at),
    assignedBy: actor(row.assigned_by, row.assigned_by_name),
    startedAt: iso(row.started_at),
    startedBy: actor(row.started_by, row.started_by_name),
    completedAt: iso(row.completed_at),
    completedBy: actor(row.completed_by, row.completed_by_name),
    cancelledAt: iso(row.cancelled_at),
    cancelledBy: actor(row.cancelled_by, row.cancelled_by_name),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface NewWorkOrder {
  type: WorkOrderType;
  priority: WorkOrderPriority;
  equipmentId: string;
  lineId: string;
  title: string;
  description: string | null;
  dueAt: Date | null;
  failureReasonId: string | null;
  andonCallId: string | null;
  downtimeEventId: string | null;
  planId: string | null;
  /** With `planId`: which occurrence of the plan (unique per plan). */
  planOccurrence?: number | null;
  /** A checklist to answer, and whether completing needs it passed. */
  checklistTemplateId?: string | null;
  checklistRequired?: boolean;
  /** The work order (and its failed checklist item) this follow-up was opened from. */
  followUpOf?: string | null;
  followUpItemId?: string | null;
  createdAt: Date;
  createdBy: string;
}

/** The columns a lifecycle step sets besides the status (null leaves a column as it is). */
export interface StepChange {
  status: WorkOrderStatus;
  at: Date;
  by: string;
  /** The step's time and actor go to `<stamp>_at` / `<stamp>_by`; `assigned` keeps the first. */
  stamps?: ReadonlyArray<'assigned' | 'started' | 'completed' | 'cancelled'>;
  holdReason?: string | null;
  cancelReason?: string;
  cause?: string | null;
  remedy?: string | null;
  failureReasonId?: string;
}

export interface WorkOrderFilter {
  statuses?: readonly WorkOrderStatus[];
  equipmentId?: string;
  lineId?: string;
  /** Only these lines (a user limited to some lines); null: every line. */
  lineIds: readonly string[] | null;
  type?: WorkOrderType;
  planId?: string;
  andonCallId?: string;
  /** Only work orders assigned to this user. */
  assigneeId?: string;
}

/** The state event a stop began with, as a work order links it. */
export interface StopEvent {
  id: string;
  equipmentId: string;
  type: 'state' | 'count';
  state: string | null;
  ts: Date;
  /** The operator's reason for the stop, else the machine's. */
  reasonCode: string | null;
}

export interface Candidate {
  id: string;
  role: Role;
  disabled: boolean;
}

export interface LockedWorkOrder {
  id: string;
  status: WorkOrderStatus;
  lineId: string;
  assigneeIds: string[];
  checklistTemplateId: string | null;
  checklistRequired: boolean;
}

/** Work orders, their assignees, history, labour and parts, in SQL. */
@Injectable()
export class WorkOrdersRepository extends BaseRepository {
  summary(id: string, db?: Db): Promise<WorkOrderSummary | null> {
    return this.one(`${SELECT_WORK_ORDER} WHERE w.id = $1`, [id], toSummary, db);
  }

  /** The work order's status, line and assignees, locked for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<LockedWorkOrder | null> {
    const [row] = await manager.query<
      Array<{
        id: string;
        status: WorkOrderStatus;
        line_id: string;
        assignee_ids: string[];
        checklist_template_id: string | null;
        checklist_required: boolean;
      }>
    >(
      `SELECT w.id, w.status, w.line_id, w.checklist_template_id, w.checklist_required,
              array(SELECT a.user_id::text FROM work_order_assignees a
                     WHERE a.work_order_id = w.id ORDER BY a.user_id) AS assignee_ids
         FROM work_orders w WHERE w.id = $1 FOR UPDATE OF w`,
      [id],
    );
    return row
      ? {
          id: row.id,
          status: row.status,
          lineId: row.line_id,
          assigneeIds: row.assignee_ids,
          checklistTemplateId: row.checklist_template_id,
          checklistRequired: row.checklist_required,
        }
      : null;
  }

  async equipment(id: string, db?: Db): Promise<{ id: string; lineId: string } | null> {
    return this.one(
      'SELECT id, line_id FROM equipment WHERE id = $1',
      [id],
      (row: { id: string; line_id: string }) => ({ id: row.id, lineId: row.line_id }),
      db,
    );
  }

  async reasonIdExists(id: string, db?: Db): Promise<boolean> {
    return (
      (await this.one(
        'SELECT 1 AS found FROM downtime_reasons WHERE id = $1',
        [id],
        () => true,
        db,
      )) ?? false
    );
  }

  async reasonIdByCode(code: string, db?: Db): Promise<string | null> {
    return this.one(
      'SELECT id FROM downtime_reasons WHERE code = $1',
      [code],
      (row: { id: string }) => row.id,
      db,
    );
  }

  /** The machine event, with the reason its stop was given (the operator's over the machine's). */
  async stopEvent(id: string, db?: Db): Promise<StopEvent | null> {
    return this.one(
      `SELECT m.id::text AS id, m.equipment_id, m.type, m.state, m.ts,
              coalesce(a.reason_code, m.reason_code) AS reason_code
         FROM machine_events m
         LEFT JOIN downtime_assignments a ON a.equipment_id = m.equipment_id AND a.started_at = m.ts
        WHERE m.id = $1`,
      [id],
      (row: {
        id: string;
        equipment_id: string;
        type: 'state' | 'count';
        state: string | null;
        ts: Date;
        reason_code: string | null;
      }): StopEvent => ({
        id: row.id,
        equipmentId: row.equipment_id,
        type: row.type,
        state: row.state,
        ts: row.ts,
        reasonCode: row.reason_code,
      }),
      db,
    );
  }

  /** The users named, with their role and whether they are disabled; unknown ids are left out. */
  async candidates(ids: readonly string[], db?: Db): Promise<Map<string, Candidate>> {
    const rows = await (db ?? this.dataSource.manager).query<Candidate[]>(
      'SELECT id, role, disabled FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * The next number of the year: the year's counter row is created or incremented, and stays
   * locked until the transaction ends, so two creations never share a number.
   */
  async nextNumber(manager: EntityManager, year: number): Promise<string> {
    const [row] = await manager.query<Array<{ last_value: number }>>(
      `INSERT INTO work_order_numbers (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = work_order_numbers.last_value + 1
       RETURNING last_value`,
      [year],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return `WO-${year}-${String(row.last_value).padStart(5, '0')}`;
  }

  async insert(manager: EntityManager, number: string, order: NewWorkOrder): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO work_orders (number, type, priority, equipment_id, line_id, title, description,
                                due_at, failure_reason_id, andon_call_id, downtime_event_id, plan_id,
                                created_at, created_by, updated_at, plan_occurrence,
                                checklist_template_id, checklist_required, follow_up_of,
                                follow_up_item_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::bigint, $12, $13, $14, $13, $15,
               $16, $17, $18, $19)
       RETURNING id`,
      [
        number,
        order.type,
        order.priority,
        order.equipmentId,
        order.lineId,
        order.title,
        order.description,
        order.dueAt,
        order.failureReasonId,
        order.andonCallId,
        order.downtimeEventId,
        order.planId,
        order.createdAt,
        order.createdBy,
        order.planOccurrence ?? null,
        order.checklistTemplateId ?? null,
        order.checklistRequired ?? false,
        order.followUpOf ?? null,
        order.followUpItemId ?? null,
      ],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return row.id;
  }

  async applyStep(manager: EntityManager, id: string, change: StepChange): Promise<void> {
    const params: unknown[] = [id, change.status, change.at];
    const sets = ['status = $2', 'updated_at = $3'];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    const stamps = change.stamps ?? [];
    if (stamps.length > 0) params.push(change.by);
    const by = `$${params.length}`;
    for (const stamp of stamps) {
      // The first assignment is the one response times are measured to.
      sets.push(
        stamp === 'assigned'
          ? `assigned_at = coalesce(assigned_at, $3), assigned_by = coalesce(assigned_by, ${by})`
          : `${stamp}_at = $3, ${stamp}_by = ${by}`,
      );
    }
    if (change.holdReason !== undefined) set('hold_reason', change.holdReason);
    if (change.cancelReason !== undefined) set('cancel_reason', change.cancelReason);
    if (change.cause !== undefined) set('cause', change.cause);
    if (change.remedy !== undefined) set('remedy', change.remedy);
    if (change.failureReasonId !== undefined) set('failure_reason_id', change.failureReasonId);
    await manager.query(`UPDATE work_orders SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** Replaces the assignees; those kept keep their first assignment time. */
  async replaceAssignees(
    manager: EntityManager,
    id: string,
    userIds: readonly string[],
    at: Date,
    by: string,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM work_order_assignees WHERE work_order_id = $1 AND NOT (user_id = ANY($2::uuid[]))`,
      [id, userIds],
    );
    await manager.query(
      `INSERT INTO work_order_assignees (work_order_id, user_id, assigned_at, assigned_by)
       SELECT $1, unnest($2::uuid[]), $3, $4
       ON CONFLICT (work_order_id, user_id) DO NOTHING`,
      [id, userIds, at, by],
    );
  }

  async addHistory(
    manager: EntityManager,
    id: string,
    entry: {
      action: WorkOrderAction;
      from: WorkOrderStatus | null;
      to: WorkOrderStatus;
      at: Date;
      by: string;
      reason: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO work_order_status_history (work_order_id, action, from_status, to_status, at, by_user, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, entry.action, entry.from, entry.to, entry.at, entry.by, entry.reason],
    );
  }

  async addLabour(
    manager: EntityManager,
    id: string,
    entry: { userId: string; startedAt: Date; minutes: number; at: Date; by: string },
  ): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO work_order_labour (work_order_id, user_id, started_at, minutes, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [id, entry.userId, entry.startedAt, entry.minutes, entry.at, entry.by],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    await this.touch(manager, id, entry.at);
    return row.id;
  }

  async addPart(
    manager: EntityManager,
    id: string,
    part: {
      partNumber: string;
      description: string | null;
      quantity: number;
      at: Date;
      by: string;
    },
  ): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO work_order_parts (work_order_id, part_number, description, quantity, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [id, part.partNumber, part.description, part.quantity, part.at, part.by],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    await this.touch(manager, id, part.at);
    return row.id;
  }

  async history(id: string, db: Db = this.dataSource.manager): Promise<WorkOrderHistoryEntry[]> {
    const rows = await db.query<
      Array<{
        action: WorkOrderAction;
        from_status: WorkOrderStatus | null;
        to_status: WorkOrderStatus;
        at: Date;
        by_user: string;
        by_name: string;
        reason: string | null;
      }>
    >(
      `SELECT h.action, h.from_status, h.to_status, h.at, h.by_user, u.display_name AS by_name, h.reason
         FROM work_order_status_history h JOIN users u ON u.id = h.by_user
        WHERE h.work_order_id = $1 ORDER BY h.at, h.id`,
      [id],
    );
    return rows.map((row) => ({
      action: row.action,
      from: row.from_status,
      to: row.to_status,
      at: row.at.toISOString(),
      by: { id: row.by_user, displayName: row.by_name },
      reason: row.reason,
    }));
  }

  async labour(id: string, db: Db = this.dataSource.manager): Promise<WorkOrderLabourEntry[]> {
    const rows = await db.query<
      Array<{
        id: string;
        user_id: string;
        user_name: string;
        started_at: Date;
        minutes: number;
        recorded_at: Date;
        recorded_by: string;
        recorded_by_name: string;
      }>
    >(
      `SELECT l.id, l.user_id, u.display_name AS user_name, l.started_at, l.minutes, l.recorded_at,
              l.recorded_by, r.display_name AS recorded_by_name
         FROM work_order_labour l
         JOIN users u ON u.id = l.user_id
         JOIN users r ON r.id = l.recorded_by
        WHERE l.work_order_id = $1 ORDER BY l.started_at, l.recorded_at, l.id`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id,
      user: { id: row.user_id, displayName: row.user_name },
      startedAt: row.started_at.toISOString(),
      minutes: row.minutes,
      recordedAt: row.recorded_at.toISOString(),
      recordedBy: { id: row.recorded_by, displayName: row.recorded_by_name },
    }));
  }

  async parts(id: string, db: Db = this.dataSource.manager): Promise<WorkOrderPart[]> {
    const rows = await db.query<
      Array<{
        id: string;
        part_number: string;
        description: string | null;
        quantity: string;
        recorded_at: Date;
        recorded_by: string;
        recorded_by_name: string;
      }>
    >(
      `SELECT p.id, p.part_number, p.description, p.quantity::text AS quantity, p.recorded_at,
              p.recorded_by, u.display_name AS recorded_by_name
         FROM work_order_parts p JOIN users u ON u.id = p.recorded_by
        WHERE p.work_order_id = $1 ORDER BY p.recorded_at, p.id`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id,
      partNumber: row.part_number,
      description: row.description,
      quantity: Number(row.quantity),
      recordedAt: row.recorded_at.toISOString(),
      recordedBy: { id: row.recorded_by, displayName: row.recorded_by_name },
    }));
  }

  async andonCall(id: string, db: Db = this.dataSource.manager): Promise<WorkOrder['andonCall']> {
    return this.one(
      `SELECT id, type, priority, status, raised_at, description FROM andon_calls WHERE id = $1`,
      [id],
      (row: {
        id: string;
        type: AndonType;
        priority: AndonPriority;
        status: AndonStatus;
        raised_at: Date;
        description: string | null;
      }) => ({
        id: row.id,
        type: row.type,
        priority: row.priority,
        status: row.status,
        raisedAt: row.raised_at.toISOString(),
        description: row.description,
      }),
      db,
    );
  }

  /**
   * The stops the work order is linked to — the one it was opened from and the one its andon call
   * opened — each from its first state event to the equipment's next state event of another state
   * (or `now` while it lasts), with the reason it was given and whether that reason is planned.
   */
  async stops(
    workOrderId: string,
    now: Date,
    db: Db = this.dataSource.manager,
  ): Promise<WorkOrderStop[]> {
    const rows = await db.query<
      Array<{
        event_id: string;
        equipment_id: string;
        state: string;
        started_at: Date;
        ended_at: Date | null;
        duration_seconds: number;
        reason_code: string | null;
        reason_name: string | null;
        planned: boolean;
      }>
    >(
      `WITH linked AS (
         SELECT w.downtime_event_id AS event_id FROM work_orders w
          WHERE w.id = $1 AND w.downtime_event_id IS NOT NULL
         UNION
         SELECT c.downtime_event_id FROM work_orders w JOIN andon_calls c ON c.id = w.andon_call_id
          WHERE w.id = $1 AND c.downtime_event_id IS NOT NULL
       )
       SELECT m.id::text AS event_id, m.equipment_id, m.state, m.ts AS started_at, n.ts AS ended_at,
              greatest(0, extract(epoch FROM least(coalesce(n.ts, $2::timestamptz), $2::timestamptz) - m.ts))::float8
                AS duration_seconds,
              coalesce(a.reason_code, m.reason_code) AS reason_code, r.name AS reason_name,
              coalesce(r.planned, false) AS planned
         FROM linked
         JOIN machine_events m ON m.id = linked.event_id
         LEFT JOIN LATERAL (
           SELECT x.ts FROM machine_events x
            WHERE x.equipment_id = m.equipment_id AND x.type = 'state' AND x.ts > m.ts
              AND x.state IS DISTINCT FROM m.state
            ORDER BY x.ts LIMIT 1) n ON true
         LEFT JOIN downtime_assignments a ON a.equipment_id = m.equipment_id AND a.started_at = m.ts
         LEFT JOIN downtime_reasons r ON r.code = coalesce(a.reason_code, m.reason_code)
        ORDER BY m.ts, m.id`,
      [workOrderId, now],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      equipmentId: row.equipment_id,
      state: row.state,
      startedAt: row.started_at.toISOString(),
      endedAt: iso(row.ended_at),
      durationSeconds: Math.round(row.duration_seconds * 1000) / 1000,
      reasonCode: row.reason_code,
      reasonName: row.reason_name,
      planned: row.planned,
    }));
  }

  /** A page of work orders, most urgent first: priority, then the earliest due, then number. */
  list(
    filter: WorkOrderFilter,
    page: number,
    pageSize: number,
  ): Promise<[WorkOrderSummary[], number]> {
    const where = new SqlWhere();
    if (filter.statuses) where.add((p) => `w.status = ANY(${p}::text[])`, filter.statuses);
    if (filter.equipmentId) where.add((p) => `w.equipment_id = ${p}`, filter.equipmentId);
    if (filter.lineId) where.add((p) => `w.line_id = ${p}`, filter.lineId);
    if (filter.lineIds) where.add((p) => `w.line_id = ANY(${p}::uuid[])`, filter.lineIds);
    if (filter.type) where.add((p) => `w.type = ${p}`, filter.type);
    if (filter.planId) where.add((p) => `w.plan_id = ${p}`, filter.planId);
    if (filter.andonCallId) where.add((p) => `w.andon_call_id = ${p}`, filter.andonCallId);
    if (filter.assigneeId) {
      // The person's orders from the assignees' (user_id, work_order_id) index, then each by its
      // key: a person has few orders among many, and a join would scan them all.
      where.add(
        (p) =>
          `w.id = ANY(ARRAY(SELECT a.work_order_id FROM work_order_assignees a WHERE a.user_id = ${p}))`,
        filter.assigneeId,
      );
    }
    return this.listPage({
      from: 'work_orders w',
      // The page's ids first, then their details: the per-order assignees and names are read
      // for the page's rows only, not for every row the filter matches before the sort.
      select: `${SELECT_WORK_ORDER} WHERE w.id = ANY(ARRAY(SELECT w.id FROM work_orders w`,
      where,
      orderBy: URGENCY,
      pageClose: `)) ORDER BY ${URGENCY}`,
      map: toSummary,
      page,
      pageSize,
    });
  }

  /**
   * Active users of the given roles who see any of `lineIds` (a user without line limits sees
   * every line; `lineIds` null: no line condition), by display name.
   */
  assigneeCandidates(
    roles: readonly Role[],
    lineIds: readonly string[] | null,
    page: number,
    pageSize: number,
  ): Promise<[WorkOrderAssigneeCandidate[], number]> {
    const where = new SqlWhere()
      .addLiteral('NOT u.disabled')
      .add((p) => `u.role = ANY(${p}::text[])`, roles);
    if (lineIds !== null) {
      where.add(
        (p) => `(NOT EXISTS (SELECT 1 FROM user_lines ul WHERE ul.user_id = u.id)
                 OR EXISTS (SELECT 1 FROM user_lines ul
                            WHERE ul.user_id = u.id AND ul.line_id = ANY(${p}::uuid[])))`,
        lineIds,
      );
    }
    return this.listPage({
      from: 'users u',
      select: 'SELECT u.id, u.username, u.display_name, u.role FROM users u',
      where,
      orderBy: 'lower(u.display_name), lower(u.username), u.id',
      map: (row: { id: string; username: string; display_name: string; role: Role }) => ({
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
      }),
      page,
      pageSize,
    });
  }

  private async touch(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      'UPDATE work_orders SET updated_at = greatest(updated_at, $2) WHERE id = $1',
      [id, at],
    );
  }
}
