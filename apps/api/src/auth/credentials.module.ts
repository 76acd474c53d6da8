import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

/** Password hashing and refresh-token storage: what both users and auth need, with no cycle. */
@Module({
  providers: [PasswordHasher, RefreshTokensRepository],
  exports: [PasswordHasher, RefreshTokensRepository],
})
export class CredentialsModule {}
