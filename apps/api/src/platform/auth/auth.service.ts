import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { AuthTokens, LoginInput, SessionUser } from '@ms5/contracts';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { LoginLimiter } from './login-limiter.js';
import { PasswordHasher } from '../credentials/password-hasher.js';
import { TokenService } from './token.service.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
  ) {}

  /** Limits first (a refused attempt verifies nothing), then the password. See `LoginLimiter`. */
  async login(input: LoginInput, address: string): Promise<AuthTokens> {
    const attempt = await this.limiter.begin(input.username, address);
    let user: UserEntity | null;
    let valid: boolean;
    try {
      user = await this.users.findByUsernameWithHash(input.username);
      valid =
        user && !user.disabled
          ? await this.hasher.verify(user.passwordHash, input.password)
          : await this.hasher.verifyNothing(input.password);
    } catch (error) {
      await attempt.abandoned();
      throw error;
    }
    if (!user || !valid) {
      attempt.failed();
      throw new UnauthorizedException('Wrong username or password');
    }
    await attempt.succeeded();
    return this.tokens.issue(toSession(user));
  }

  async refresh(refreshToken: string): Promise<AuthTokens> {
    const { userId, familyId } = await this.tokens.spendRefreshToken(refreshToken);
    const user = await this.usersService.findActiveSession(userId);
    if (!user) throw new UnauthorizedException('User is disabled');
    return this.tokens.issue(user, familyId);
  }

  logout(refreshToken: string, user: SessionUser, sessionId: string): Promise<void> {
    return this.tokens.endSession(refreshToken, user.id, sessionId);
  }
}

function toSession(user: {
  id: string;
  username: string;
  role: SessionUser['role'];
  displayName: string;
}): SessionUser {
  return { id: user.id, username: user.username, role: user.role, displayName: user.displayName };
}
