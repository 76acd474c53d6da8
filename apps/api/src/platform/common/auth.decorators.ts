import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission, SessionUser } from '@ms5/contracts';
import type { Request } from 'express';

export const IS_PUBLIC = 'ms5:is-public';
export const REQUIRED_PERMISSIONS = 'ms5:required-permissions';
export const AUTHENTICATION_OPTIONAL = 'ms5:authentication-optional';

/** Opens a route to callers without a token. Only login, refresh, health and metrics use it. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * On a `@Public()` route: a caller without an `Authorization` header passes anonymously; one with
 * it must present a valid access token (else `401`), and the route then knows the user
 * (`/health/info` tells more to signed-in users).
 */
export const AuthenticationOptional = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTHENTICATION_OPTIONAL, true);

/** The permissions a caller's role must hold. A route with none declared is denied. */
export const RequirePermissions = (
  ...permissions: Permission[]
): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_PERMISSIONS, permissions);

/** Any signed-in user may call the route (e.g. reading one's own profile). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSIONS, []);

/** A request past the guard: its user and the session (`sid`) of its access token. */
export type AuthenticatedRequest = Request & { user?: SessionUser; sessionId?: string };

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): SessionUser => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.user) throw new Error('CurrentUser used on a route without authentication');
    return request.user;
  },
);

/** The session of the caller's access token (to end it on logout). */
export const CurrentSessionId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.sessionId)
      throw new Error('CurrentSessionId used on a route without authentication');
    return request.sessionId;
  },
);
