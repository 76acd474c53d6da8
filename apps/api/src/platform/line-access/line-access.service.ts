import { Injectable } from '@nestjs/common';
import type { SessionUser, UserLines } from '@ms5/contracts';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/domain.exception.js';
import { FieldValidationException } from '../common/validation.js';
import { LineAccessRepository } from './line-access.repository.js';
import { LineScope } from './line-scope.js';

/**
 * Which lines a user may see and act on. A user with a non-empty list is limited to those lines;
 * an empty list (the default) means every line.
 */
@Injectable()
export class LineAccessService {
  constructor(
    private readonly repository: LineAccessRepository,
    private readonly audit: AuditService,
  ) {}

  /** The user's lines, or `null` when the user sees every line. */
  async visibleLines(userId: string): Promise<string[] | null> {
    const lines = await this.repository.linesOf(userId);
    return lines.length === 0 ? null : lines;
  }

  /** The caller's line scope: the one policy every read and write applies (see `LineScope`). */
  async scopeOf(user: Pick<SessionUser, 'id'>): Promise<LineScope> {
    return LineScope.of(await this.visibleLines(user.id));
  }

  async get(userId: string): Promise<UserLines> {
    return { userId, lineIds: await this.repository.linesOf(userId) };
  }

  /** `403 LINE_NOT_ASSIGNED` unless the user may see the line; `subject` names what is on it. */
  async assertCanSee(user: SessionUser, lineId: string, subject = 'This call'): Promise<void> {
    (await this.scopeOf(user)).assert(lineId, subject);
  }

  async canSee(userId: string, lineId: string): Promise<boolean> {
    return (await this.scopeOf({ id: userId })).allows(lineId);
  }

  async set(userId: string, lineIds: readonly string[], actor: SessionUser): Promise<UserLines> {
    const unique = [...new Set(lineIds)].sort();
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.userExists(manager, userId))) throw notFound('User', userId);
      const existing = await this.repository.existingLineIds(manager, unique);
      const unknown = lineIds.flatMap((id, index) =>
        existing.has(id) ? [] : [{ path: `lineIds.${index}`, message: 'Unknown line' }],
      );
      if (unknown.length > 0) throw new FieldValidationException(unknown);
      const before = await this.repository.linesOf(userId, manager);
      await this.repository.replace(manager, userId, unique);
      await this.audit.record(manager, {
        actor,
        action: 'user.lines.updated',
        entityType: 'user',
        entityId: userId,
        before: { lineIds: before },
        after: { lineIds: unique },
      });
      return { userId, lineIds: unique };
    });
  }
}
