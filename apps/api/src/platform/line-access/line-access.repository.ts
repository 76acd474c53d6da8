import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../database/base.repository.js';

/** `user_lines`: the lines a user is limited to. No rows means every line. */
@Injectable()
export class LineAccessRepository extends BaseRepository {
  async linesOf(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows = await manager.query<Array<{ line_id: string }>>(
      'SELECT line_id FROM user_lines WHERE user_id = $1 ORDER BY line_id',
      [userId],
    );
    return rows.map((row) => row.line_id);
  }

  async userExists(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [
      userId,
    ]);
    return rows.length > 0;
  }

  async existingLineIds(manager: EntityManager, lineIds: readonly string[]): Promise<Set<string>> {
    const rows = await manager.query<Array<{ id: string }>>(
      'SELECT id FROM lines WHERE id = ANY($1::uuid[])',
      [lineIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  async replace(manager: EntityManager, userId: string, lineIds: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM user_lines WHERE user_id = $1', [userId]);
    if (lineIds.length === 0) return;
    await manager.query('INSERT INTO user_lines (user_id, line_id) SELECT $1, unnest($2::uuid[])', [
      userId,
      lineIds,
    ]);
  }
}
