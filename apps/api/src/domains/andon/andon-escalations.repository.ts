import { Injectable } from '@nestjs/common';
import type {
  AndonPriority,
  AndonStatus,
  AndonType,
  EscalationCondition,
  Role,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';

export interface DueEscalation {
  id: string;
  callId: string;
  level: number;
  condition: EscalationCondition;
  notifyRoles: Role[];
  status: AndonStatus;
  lineId: string;
  equipmentId: string;
  type: AndonType;
  priority: AndonPriority;
}

interface DueRow {
  id: string;
  call_id: string;
  level: number;
  condition: EscalationCondition;
  notify_roles: Role[];
  status: AndonStatus;
  line_id: string;
  equipment_id: string;
  type: AndonType;
  priority: AndonPriority;
}

/** The escalation schedule: due steps are claimed with FOR UPDATE SKIP LOCKED. */
@Injectable()
export class AndonEscalationsRepository extends BaseRepository {
  /**
   * Locks due, pending steps together with their calls. Rows another transaction holds (another
   * instance firing them, or an acknowledgement in progress) are skipped, never waited for.
   */
  async claimDue(manager: EntityManager, now: Date, limit: number): Promise<DueEscalation[]> {
    const rows = await manager.query<DueRow[]>(
      `SELECT s.id, s.call_id, s.level, s.condition, s.notify_roles,
              c.status, c.line_id, c.equipment_id, c.type, c.priority
         FROM andon_escalations s
         JOIN andon_calls c ON c.id = s.call_id
        WHERE s.fired_at IS NULL AND s.cancelled_at IS NULL AND s.due_at <= $1
        ORDER BY s.due_at, s.level
        LIMIT $2
        FOR UPDATE OF s, c SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      callId: row.call_id,
      level: row.level,
      condition: row.condition,
      notifyRoles: row.notify_roles,
      status: row.status,
      lineId: row.line_id,
      equipmentId: row.equipment_id,
      type: row.type,
      priority: row.priority,
    }));
  }

  async markFired(manager: EntityManager, step: DueEscalation, at: Date): Promise<void> {
    await manager.query('UPDATE andon_escalations SET fired_at = $2 WHERE id = $1', [step.id, at]);
    await manager.query(
      `UPDATE andon_calls SET escalation_level = GREATEST(escalation_level, $2), escalated_at = $3
        WHERE id = $1`,
      [step.callId, step.level, at],
    );
  }

  async markCancelled(manager: EntityManager, stepId: string, at: Date): Promise<void> {
    await manager.query('UPDATE andon_escalations SET cancelled_at = $2 WHERE id = $1', [
      stepId,
      at,
    ]);
  }
}
