import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Permission, type SessionUser, hasAllPermissions } from '@ms5/contracts';
import { UsersService } from '../users/users.service.js';
import {
  AUTHENTICATION_OPTIONAL,
  type AuthenticatedRequest,
  IS_PUBLIC,
  REQUIRED_PERMISSIONS,
} from '../common/auth.decorators.js';
import { TokenService } from './token.service.js';

/**
 * The one global guard: deny by default. A route is open only with `@Public()`; otherwise it
 * needs a valid access token of an open session of an active user whose role holds the declared
 * permissions.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Socket.io gateways authenticate in handleConnection; this guard is for HTTP.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean | undefined>(AUTHENTICATION_OPTIONAL, targets)) {
      if (request.headers.authorization !== undefined) await this.authenticate(request);
      return true;
    }
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;
    const user = await this.authenticate(request);

    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(
      REQUIRED_PERMISSIONS,
      targets,
    );
    if (required === undefined) throw new ForbiddenException('This route declares no permission');
    if (!hasAllPermissions(user.role, required)) {
      throw new ForbiddenException(`Your role (${user.role}) lacks: ${required.join(', ')}`);
    }
    return true;
  }

  /** A valid access token of an open session of an active user, or `401`. */
  private async authenticate(request: AuthenticatedRequest): Promise<SessionUser> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new UnauthorizedException('Missing bearer token');
    const { userId, sessionId } = await this.tokens.verifyAccess(match[1]);
    const user = await this.users.findActiveSession(userId);
    if (!user) throw new UnauthorizedException('User is disabled or no longer exists');
    request.user = user;
    request.sessionId = sessionId;
    return user;
  }
}
