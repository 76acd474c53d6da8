import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session per login: its id is the refresh-token family id and is carried by every access token
 * (`sid`), so that ending the session (logout, password change, disable, role change, a reused
 * refresh token) refuses its access tokens at once. Existing families become sessions (revoked if
 * any of their tokens was), then every refresh token must belong to one.
 */
export class CreateAuthSessions1765000000000 implements MigrationInterface {
  name = 'CreateAuthSessions1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('logout','refresh_reused','password_changed','disabled','role_changed')),
        CHECK (revoked_reason IS NULL OR revoked_at IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX auth_sessions_open_by_user_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(`
      INSERT INTO auth_sessions (id, user_id, created_at, revoked_at)
      SELECT family_id, (array_agg(user_id))[1], min(created_at), max(revoked_at)
        FROM refresh_tokens
       GROUP BY family_id`);
    await queryRunner.query(
      `ALTER TABLE refresh_tokens
         ADD CONSTRAINT refresh_tokens_family_session_fk
         FOREIGN KEY (family_id) REFERENCES auth_sessions(id) ON DELETE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_family_session_fk`,
    );
    await queryRunner.query(`DROP TABLE auth_sessions`);
  }
}
