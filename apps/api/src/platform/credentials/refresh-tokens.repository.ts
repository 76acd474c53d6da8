import { Injectable } from '@nestjs/common';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { BaseRepository } from '../database/base.repository.js';

@Injectable()
export class RefreshTokensRepository extends BaseRepository {
  async insert(
    token: Pick<RefreshTokenEntity, 'familyId' | 'userId' | 'tokenHash' | 'expiresAt'>,
  ): Promise<string> {
    const saved = await this.dataSource.getRepository(RefreshTokenEntity).save(token);
    return saved.id;
  }

  findById(id: string): Promise<RefreshTokenEntity | null> {
    return this.dataSource.getRepository(RefreshTokenEntity).findOne({ where: { id } });
  }

  /** Marks a token used, atomically: of two concurrent refreshes with one token only one wins. */
  async markUsed(id: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
