import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthTokens, Role, SessionUser } from '@ms5/contracts';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { RefreshTokensRepository } from '../credentials/refresh-tokens.repository.js';

interface AccessPayload {
  sub: string;
  role: Role;
  typ: 'access';
}

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * Short-lived JWT access tokens and opaque, single-use refresh tokens (`<id>.<secret>`, only a
 * hash stored). Each login starts a family; reusing a spent refresh token revokes the family.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(user: SessionUser, familyId: string = randomUUID()): Promise<AuthTokens> {
    const payload: AccessPayload = { sub: user.id, role: user.role, typ: 'access' };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
    const secret = randomBytes(32).toString('base64url');
    const id = await this.refreshTokens.insert({
      familyId,
      userId: user.id,
      tokenHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return {
      accessToken,
      refreshToken: `${id}.${secret}`,
      accessTokenExpiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      user,
    };
  }

  /** The user id of a valid access token; 401 otherwise. */
  async verifyAccess(token: string): Promise<string> {
    try {
      const payload = await this.jwt.verifyAsync<Partial<AccessPayload>>(token);
      if (payload.typ !== 'access' || typeof payload.sub !== 'string')
        throw new Error('not an access token');
      return payload.sub;
    } catch {
      throw new UnauthorizedException('Invalid or expired access token');
    }
  }

  /**
   * Spends a refresh token and returns its user id and family. A token used before revokes its
   * whole family (someone else may hold a copy).
   */
  async spendRefreshToken(token: string): Promise<{ userId: string; familyId: string }> {
    const [id, secret] = token.split('.');
    const invalid = new UnauthorizedException('Invalid refresh token');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid;
    const stored = await this.refreshTokens.findById(id);
    if (!stored) throw invalid;
    const expected = Buffer.from(stored.tokenHash, 'hex');
    const given = Buffer.from(hashSecret(secret), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
    if (stored.usedAt || stored.revokedAt) {
      await this.refreshTokens.revokeFamily(stored.familyId);
      throw new UnauthorizedException('Refresh token already used; the session has been revoked');
    }
    if (stored.expiresAt.getTime() <= Date.now())
      throw new UnauthorizedException('Refresh token expired');
    if (!(await this.refreshTokens.markUsed(stored.id))) {
      await this.refreshTokens.revokeFamily(stored.familyId);
      throw new UnauthorizedException('Refresh token already used; the session has been revoked');
    }
    return { userId: stored.userId, familyId: stored.familyId };
  }

  /** Logout: the family of this refresh token can no longer be refreshed. */
  async revokeByToken(token: string, userId: string): Promise<void> {
    const [id] = token.split('.');
    if (!id || !/^[0-9a-f-]{36}$/.test(id)) return;
    const stored = await this.refreshTokens.findById(id);
    if (stored && stored.userId === userId) await this.refreshTokens.revokeFamily(stored.familyId);
  }
}
