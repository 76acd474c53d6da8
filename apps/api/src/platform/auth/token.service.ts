import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthTokens, Role, SessionUser } from '@ms5/contracts';
import { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { RefreshTokensRepository } from '../credentials/refresh-tokens.repository.js';
import {
  SessionRevocationService,
  type SessionsEndedListener,
} from '../credentials/session-revocation.service.js';
import { SessionsRepository } from '../credentials/sessions.repository.js';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './jwt-options.js';

interface AccessPayload {
  sub: string;
  /** The session (refresh-token family) this token belongs to. */
  sid: string;
  role: Role;
  typ: 'access';
}

/** A verified access token: whose, and of which session. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/** How far in the future `iat` may be (clocks of instances disagreeing slightly). */
const IAT_LEEWAY_SECONDS = 60;

/** Claims every access token must carry; the signature, `exp`, `iss` and `aud` are checked by jwt. */
const accessClaimsSchema = z.object({
  typ: z.literal('access'),
  sub: z.uuid(),
  sid: z.uuid(),
  iat: z.number().int(),
  exp: z.number().int(),
  iss: z.literal(ACCESS_TOKEN_ISSUER),
  aud: z.literal(ACCESS_TOKEN_AUDIENCE),
});

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * Short-lived JWT access tokens and opaque, single-use refresh tokens (`<id>.<secret>`, only a
 * hash stored). Each login starts a session, which is the refresh-token family; its access tokens
 * carry its id (`sid`) and die with it. Reusing a spent refresh token ends the session.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly sessions: SessionsRepository,
    private readonly revocations: SessionRevocationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A token pair; without `familyId` (a login) a new session. */
  async issue(user: SessionUser, familyId?: string): Promise<AuthTokens> {
    const sessionId = familyId ?? randomUUID();
    if (familyId === undefined) await this.sessions.insert(sessionId, user.id);
    const payload: AccessPayload = { sub: user.id, sid: sessionId, role: user.role, typ: 'access' };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
    const secret = randomBytes(32).toString('base64url');
    const id = await this.refreshTokens.insert({
      familyId: sessionId,
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

  /**
   * The user and session of a valid access token of an open session; 401 otherwise. HS256 only,
   * `exp`, `iat`, `iss`, `aud`, a UUID `sub` and `sid` required.
   */
  async verifyAccess(token: string): Promise<AccessClaims> {
    const invalid = new UnauthorizedException('Invalid or expired access token');
    let claims: z.output<typeof accessClaimsSchema>;
    try {
      const payload = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        algorithms: ['HS256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
      });
      claims = accessClaimsSchema.parse(payload);
    } catch {
      throw invalid;
    }
    if (claims.iat > Date.now() / 1000 + IAT_LEEWAY_SECONDS) throw invalid;
    // Outside the try: a database that cannot be reached is a 503, not a 401.
    if (!(await this.revocations.isOpen(claims.sid, claims.sub))) {
      throw new UnauthorizedException('The session has ended; sign in again');
    }
    return { userId: claims.sub, sessionId: claims.sid };
  }

  /**
   * Spends a refresh token and returns its user id and family. A token used before ends its
   * session (someone else may hold a copy), access tokens included.
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
    const reused = new UnauthorizedException(
      'Refresh token already used; the session has been revoked',
    );
    if (stored.usedAt || stored.revokedAt) {
      await this.revocations.revoke(stored.familyId, 'refresh_reused');
      throw reused;
    }
    if (stored.expiresAt.getTime() <= Date.now())
      throw new UnauthorizedException('Refresh token expired');
    if (!(await this.refreshTokens.markUsed(stored.id))) {
      await this.revocations.revoke(stored.familyId, 'refresh_reused');
      throw reused;
    }
    return { userId: stored.userId, familyId: stored.familyId };
  }

  /**
   * Logout: ends the caller's session (its access tokens stop working at once) and the session of
   * the refresh token given, when it is the caller's.
   */
  async endSession(refreshToken: string, userId: string, sessionId: string): Promise<void> {
    await this.revocations.revoke(sessionId, 'logout', userId);
    const [id] = refreshToken.split('.');
    if (!id || !/^[0-9a-f-]{36}$/.test(id)) return;
    const stored = await this.refreshTokens.findById(id);
    if (stored && stored.userId === userId && stored.familyId !== sessionId) {
      await this.revocations.revoke(stored.familyId, 'logout', userId);
    }
  }

  /** Whether the session is still open (and the user's): for checks after the handshake. */
  isSessionOpen(sessionId: string, userId: string): Promise<boolean> {
    return this.revocations.isOpen(sessionId, userId);
  }

  /** Calls `listener` with the ids of sessions ended on any instance (to close their sockets). */
  onSessionsEnded(listener: SessionsEndedListener): () => void {
    return this.revocations.onSessionsEnded(listener);
  }
}
