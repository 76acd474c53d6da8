import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SessionRevocationService } from './session-revocation.service.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * Password hashing, refresh-token storage and sessions (with their revocation): what both users
 * and auth need, with no cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RefreshTokenEntity])],
  providers: [
    PasswordHasher,
    RefreshTokensRepository,
    SessionsRepository,
    SessionRevocationService,
  ],
  exports: [PasswordHasher, RefreshTokensRepository, SessionRevocationService, SessionsRepository],
})
export class CredentialsModule {}
