import { Injectable } from '@nestjs/common';
import type { Role, UserListQuery } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';
import { BaseRepository } from '../database/base.repository.js';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
}

export type UserPatch = Partial<
  Pick<UserEntity, 'role' | 'displayName' | 'disabled' | 'passwordHash'>
>;

@Injectable()
export class UsersRepository extends BaseRepository {
  /**
   * A page of users by username. `visibleToLines` (for a line-limited caller) keeps only users
   * who work on one of those lines: those with no line limit, or limited to at least one of them.
   */
  async findPage(
    query: UserListQuery,
    onlyActive = false,
    visibleToLines: readonly string[] | null = null,
  ): Promise<[UserEntity[], number]> {
    const builder = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .orderBy('lower(user.username)', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (onlyActive) builder.andWhere('NOT user.disabled');
    if (visibleToLines !== null) {
      builder.andWhere(
        `(NOT EXISTS (SELECT 1 FROM user_lines ul WHERE ul.user_id = user.id)
          OR EXISTS (SELECT 1 FROM user_lines ul
                     WHERE ul.user_id = user.id AND ul.line_id = ANY(CAST(:lines AS uuid[]))))`,
        { lines: visibleToLines },
      );
    }
    if (query.search) {
      builder.andWhere('(user.username ILIKE :search OR user.display_name ILIKE :search)', {
        search: `%${query.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`,
      });
    }
    return builder.getManyAndCount();
  }

  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id } });
  }

  findByUsernameWithHash(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  async insert(manager: EntityManager, user: NewUser): Promise<UserEntity> {
    const created = manager.create(UserEntity, user);
    return manager.save(UserEntity, created);
  }

  /** Locks the target row, so two changes to one user are applied one after the other. */
  lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .setLock('pessimistic_write')
      .where('user.id = :id', { id })
      .getOne();
  }

  /** Locks every active admin: concurrent demotions cannot both see "another admin remains". */
  async lockActiveAdminIds(manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .select('user.id', 'id')
      .where("user.role = 'admin' AND NOT user.disabled")
      .orderBy('user.id')
      .setLock('pessimistic_write')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  async update(manager: EntityManager, id: string, patch: UserPatch): Promise<UserEntity> {
    await manager.update(UserEntity, { id }, { ...patch, updatedAt: new Date() });
    return manager.findOneOrFail(UserEntity, { where: { id } });
  }
}
