import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { AuthTokens, LoginInput, SessionUser } from '@ms5/contracts';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { TooManyRequestsException } from '../common/too-many-requests.exception.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { LoginRateLimiter, type RateLimitPolicy } from './login-rate-limiter.js';
import { PasswordHasher } from '../credentials/password-hasher.js';
import { TokenService } from './token.service.js';

@Injectable()
export class AuthService {
  private readonly perUsername: RateLimitPolicy;
  private readonly perAddress: RateLimitPolicy;

  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const windowMs = config.LOGIN_WINDOW_SECONDS * 1000;
    this.perUsername = { maxFailures: config.LOGIN_MAX_FAILURES_PER_USERNAME, windowMs };
    this.perAddress = { maxFailures: config.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs };
  }

  async login(input: LoginInput, address: string): Promise<AuthTokens> {
    const userKey = `user:${input.username.toLowerCase()}`;
    const addressKey = `address:${address}`;
    const wait = Math.max(
      this.limiter.retryAfterSeconds(userKey, this.perUsername),
      this.limiter.retryAfterSeconds(addressKey, this.perAddress),
    );
    if (wait > 0)
      throw new TooManyRequestsException(wait, 'Too many failed logins, try again later');

    const user = await this.users.findByUsernameWithHash(input.username);
    const valid =
      user && !user.disabled
        ? await this.hasher.verify(user.passwordHash, input.password)
        : await this.hasher.verifyNothing(input.password);
    if (!user || !valid) {
      this.limiter.recordFailure(userKey, this.perUsername);
      this.limiter.recordFailure(addressKey, this.perAddress);
      throw new UnauthorizedException('Wrong username or password');
    }
    this.limiter.reset(userKey);
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
