import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../database/base.repository.js';

/** Why a session ended; stored in `auth_sessions.revoked_reason`. */
export type SessionEndReason =
  'logout' | 'refresh_reused' | 'password_changed' | 'disabled' | 'role_changed';

export interface SessionState {
  userId: string;
  revoked: boolean;
}

/**
 * `auth_sessions`: one row per login, whose id is the refresh-token family and the `sid` of its
 * access tokens. Ending a session also revokes its refresh tokens, in the same statement.
 */
@Injectable()
export class SessionsRepository extends BaseRepository {
  async insert(id: string, userId: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO auth_sessions (id, user_id) VALUES ($1, $2)`, [
      id,
      userId,
    ]);
  }

  findState(id: string): Promise<SessionState | null> {
    return this.one<{ user_id: string; revoked: boolean }, SessionState>(
      `SELECT user_id, revoked_at IS NOT NULL AS revoked FROM auth_sessions WHERE id = $1`,
      [id],
      (row) => ({ userId: row.user_id, revoked: row.revoked }),
    );
  }

  /** Ends one session (of `userId` when given) and its refresh tokens; whether it was found. */
  async revoke(id: string, reason: SessionEndReason, userId?: string): Promise<boolean> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `WITH target AS (
         SELECT id FROM auth_sessions WHERE id = $1 AND ($3::uuid IS NULL OR user_id = $3::uuid)
       ), ended AS (
         UPDATE auth_sessions s SET revoked_at = now(), revoked_reason = $2
          WHERE s.id IN (SELECT id FROM target) AND s.revoked_at IS NULL
       ), tokens AS (
         UPDATE refresh_tokens t SET revoked_at = now()
          WHERE t.family_id IN (SELECT id FROM target) AND t.revoked_at IS NULL
       )
       SELECT id FROM target`,
      [id, reason, userId ?? null],
    );
    return rows.length > 0;
  }

  /** Ends every open session of a user and their refresh tokens, in the caller's transaction. */
  async revokeAllOfUser(
    manager: EntityManager,
    userId: string,
    reason: SessionEndReason,
  ): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `WITH ended AS (
         UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2
          WHERE user_id = $1 AND revoked_at IS NULL
          RETURNING id
       ), tokens AS (
         UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL
       )
       SELECT id FROM ended`,
      [userId, reason],
    );
    return rows.map((row) => row.id);
  }
}
