import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';

export interface FollowUpRef {
  id: string;
  number: string;
  itemId: string | null;
}

/** The follow-up work orders opened from a work order's checklist, in SQL. */
@Injectable()
export class WorkOrderChecklistsRepository extends BaseRepository {
  /** Oldest first; a work order has a handful at most (one per failed item, plus a few more). */
  async followUps(workOrderId: string, db?: EntityManager): Promise<FollowUpRef[]> {
    const rows = await (db ?? this.dataSource.manager).query<
      Array<{ id: string; number: string; follow_up_item_id: string | null }>
    >(
      `SELECT id, number, follow_up_item_id FROM work_orders
        WHERE follow_up_of = $1 ORDER BY created_at, number LIMIT 200`,
      [workOrderId],
    );
    return rows.map((row) => ({ id: row.id, number: row.number, itemId: row.follow_up_item_id }));
  }
}
