import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SessionUser } from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { UsersService } from './users.service.js';

describe('UsersService on real PostgreSQL', () => {
  let t: TestApp;
  let users: UsersService;
  let actor: SessionUser;

  beforeAll(async () => {
    t = await createTestApp();
    users = t.app.get(UsersService);
    actor = (await t.adminTokens()).user;
  });
  afterAll(() => t.close());

  it('stores the password as an argon2id hash with the OWASP parameters', async () => {
    const created = await users.create(
      { username: 'hashy', password: 'hashy-password', role: 'viewer', displayName: 'H' },
      actor,
    );
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT password_hash FROM users WHERE id = $1', [created.id]);
    const hash = String(row.password_hash);
    expect(hash.startsWith('$argon2id$v=19$')).toBe(true);
    const params = Object.fromEntries(
      (hash.split('$')[3] ?? '').split(',').map((pair) => pair.split('=')),
    );
    expect(params).toEqual({ m: '19456', t: '2', p: '1' });
  });

  it('treats usernames case-insensitively for uniqueness', async () => {
    await users.create(
      { username: 'Casey', password: 'casey-password', role: 'viewer', displayName: 'C' },
      actor,
    );
    await expect(
      users.create(
        { username: 'casey', password: 'casey-password', role: 'viewer', displayName: 'C' },
        actor,
      ),
    ).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
  });

  it('of two concurrent demotions of the last two admins, exactly one succeeds', async () => {
    const second = await users.create(
      { username: 'admin-b', password: 'admin-b-password', role: 'admin', displayName: 'B' },
      actor,
    );
    const results = await Promise.allSettled([
      users.update(actor.id, { role: 'engineer' }, actor),
      users.update(second.id, { disabled: true }, actor),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(DomainException);
    expect((rejected[0]?.reason as DomainException).code).toBe('LAST_ADMIN');
    const [{ count }] = await t.app
      .get(DataSource)
      .query("SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND NOT disabled");
    expect(count).toBe(1);
  });

  it('writes nothing, audit included, when an update is refused', async () => {
    const dataSource = t.app.get(DataSource);
    const [{ count: before }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM audit_log',
    );
    const [remaining] = await dataSource.query(
      "SELECT id FROM users WHERE role = 'admin' AND NOT disabled",
    );
    await expect(
      users.update(remaining.id as string, { role: 'viewer', displayName: 'Changed' }, actor),
    ).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    const [{ count: after }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM audit_log',
    );
    expect(after).toBe(before);
    const [row] = await dataSource.query('SELECT display_name, role FROM users WHERE id = $1', [
      remaining.id,
    ]);
    expect(row).toMatchObject({ role: 'admin' });
    expect(row.display_name).not.toBe('Changed');
  });

  it('creates the bootstrap admin only when nobody exists', async () => {
    await expect(users.ensureBootstrapAdmin('another-admin', 'another-password')).resolves.toBe(
      false,
    );
  });
});
