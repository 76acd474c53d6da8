import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

/** Password hashing and refresh-token storage: what both users and auth need, with no cycle. */
@Module({
  imports: [TypeOrmModule.forFeature([RefreshTokenEntity])],
  providers: [PasswordHasher, RefreshTokensRepository],
  exports: [PasswordHasher, RefreshTokensRepository],
})
export class CredentialsModule {}
