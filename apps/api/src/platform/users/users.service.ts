import { Injectable } from '@nestjs/common';
import {
  type CreateUserInput,
  type Operator,
  type OperatorListQuery,
  type Paginated,
  type SessionUser,
  type UpdateUserInput,
  type User,
  type UserListQuery,
  toPage,
} from '@ms5/contracts';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../credentials/password-hasher.js';
import { SessionRevocationService } from '../credentials/session-revocation.service.js';
import { type SessionEndReason, SessionsRepository } from '../credentials/sessions.repository.js';
import { PG_UNIQUE_VIOLATION, withConstraintErrors } from '../common/database-errors.js';
import { DomainException, notFound } from '../common/domain.exception.js';
import type { LineScope } from '../line-access/line-scope.js';
import type { UserEntity } from './user.entity.js';
import { type UserPatch, UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly revocations: SessionRevocationService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async list(query: UserListQuery): Promise<Paginated<User>> {
    const [rows, total] = await this.users.findPage(query);
    return toPage(rows.map(toUser), total, query);
  }

  /** Active users of role operator who work on the caller's lines, for assigning jobs. */
  async operators(query: OperatorListQuery, scope: LineScope): Promise<Paginated<Operator>> {
    // A line-limited manager assigns work on their lines only, so sees only operators there.
    const [rows, total] = await this.users.findPage(
      { ...query, role: 'operator' },
      true,
      scope.lineIds,
    );
    return toPage(
      rows.map((row) => ({ id: row.id, username: row.username, displayName: row.displayName })),
      total,
      query,
    );
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User', id);
    return toUser(user);
  }

  /** The signed-in user behind a token, if still active. */
  async findActiveSession(id: string): Promise<SessionUser | null> {
    const user = await this.users.findById(id);
    if (!user || user.disabled) return null;
    return { id: user.id, username: user.username, role: user.role, displayName: user.displayName };
  }

  async create(input: CreateUserInput, actor: SessionUser | null): Promise<User> {
    const passwordHash = await this.hasher.hash(input.password);
    return withConstraintErrors(
      () =>
        this.users.transaction(async (manager) => {
          const created = await this.users.insert(manager, {
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            passwordHash,
          });
          const user = toUser(created);
          await this.audit.record(manager, {
            actor,
            action: 'user.created',
            entityType: 'user',
            entityId: user.id,
            after: auditView(user),
          });
          return user;
        }),
      {
        known: [
          {
            code: PG_UNIQUE_VIOLATION,
            error: () =>
              new DomainException('USERNAME_TAKEN', `Username ${input.username} is taken`, [
                { path: 'username', message: 'Already taken' },
              ]),
          },
        ],
      },
    );
  }

  async update(id: string, input: UpdateUserInput, actor: SessionUser): Promise<User> {
    const passwordHash =
      input.password === undefined ? undefined : await this.hasher.hash(input.password);
    const ended: string[] = [];
    const updated = await this.users.transaction(async (manager) => {
      const adminIds = await this.users.lockActiveAdminIds(manager);
      const current = await this.users.lockById(manager, id);
      if (!current) throw notFound('User', id);
      const losesAdmin =
        current.role === 'admin' &&
        !current.disabled &&
        ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
      if (losesAdmin && adminIds.filter((adminId) => adminId !== id).length === 0) {
        throw new DomainException(
          'LAST_ADMIN',
          'The last active admin cannot be disabled or demoted',
          [{ path: input.disabled === true ? 'disabled' : 'role', message: 'Last active admin' }],
        );
      }
      const patch: UserPatch = {};
      if (input.role !== undefined) patch.role = input.role;
      if (input.displayName !== undefined) patch.displayName = input.displayName;
      if (input.disabled !== undefined) patch.disabled = input.disabled;
      if (passwordHash !== undefined) patch.passwordHash = passwordHash;
      const before = toUser(current);
      const after = toUser(await this.users.update(manager, id, patch));
      const reason = sessionEndReason(current, input, passwordHash !== undefined);
      if (reason) ended.push(...(await this.sessions.revokeAllOfUser(manager, id, reason)));
      await this.audit.record(manager, {
        actor,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before: auditView(before),
        after: { ...auditView(after), ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after;
    });
    // After the commit: every instance refuses the user's access tokens from now on.
    this.revocations.announce(ended);
    return updated;
  }

  /** On start: if nobody exists yet, the admin named by ADMIN_USERNAME is created. */
  async ensureBootstrapAdmin(username: string, password: string): Promise<boolean> {
    if ((await this.users.count()) > 0) return false;
    try {
      await this.create({ username, password, role: 'admin', displayName: 'Administrator' }, null);
      return true;
    } catch (error) {
      // Another instance created it at the same moment.
      if (error instanceof DomainException && error.code === 'USERNAME_TAKEN') return false;
      throw error;
    }
  }
}

/**
 * Why a change ends every session of the user, if it does: disabling, a new password, or a new
 * role (a token must not outlive the rights it was issued under).
 */
function sessionEndReason(
  current: UserEntity,
  input: UpdateUserInput,
  passwordChanged: boolean,
): SessionEndReason | null {
  if (input.disabled === true) return 'disabled';
  if (passwordChanged) return 'password_changed';
  if (input.role !== undefined && input.role !== current.role) return 'role_changed';
  return null;
}

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    username: entity.username,
    role: entity.role,
    displayName: entity.displayName,
    disabled: entity.disabled,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

function auditView(user: User): Record<string, unknown> {
  return {
    username: user.username,
    role: user.role,
    displayName: user.displayName,
    disabled: user.disabled,
  };
}
