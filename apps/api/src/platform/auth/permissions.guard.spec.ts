import { describe, expect, it, jest } from '@jest/globals';
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission, SessionUser } from '@ms5/contracts';
import type { UsersService } from '../users/users.service.js';
import { Authenticated, Public, RequirePermissions } from '../common/auth.decorators.js';
import { PermissionsGuard } from './permissions.guard.js';
import type { TokenService } from './token.service.js';

class Routes {
  @Public() open(): void {}
  @RequirePermissions('users:manage') manageUsers(): void {}
  @RequirePermissions('andon:raise') raiseAndon(): void {}
  @Authenticated() me(): void {}
  undeclared(): void {}
}

function contextFor(handler: keyof Routes, authorization?: string) {
  const request: { headers: Record<string, string>; user?: SessionUser; sessionId?: string } = {
    headers: authorization ? { authorization } : {},
  };
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

function guardFor(user: SessionUser | null) {
  const tokens = {
    verifyAccess: jest.fn(async (token: string) => {
      if (token !== 'good') throw new UnauthorizedException();
      return { userId: 'user-1', sessionId: 'session-1' };
    }),
  } as unknown as TokenService;
  const users = { findActiveSession: jest.fn(async () => user) } as unknown as UsersService;
  return new PermissionsGuard(new Reflector(), tokens, users);
}

const operator: SessionUser = {
  id: 'user-1',
  username: 'olga',
  role: 'operator',
  displayName: 'Olga',
};

describe('PermissionsGuard', () => {
  it('lets anyone through a @Public() route', async () => {
    await expect(guardFor(null).canActivate(contextFor('open').context)).resolves.toBe(true);
  });

  it('answers 401 without a token, with a bad token, or for a disabled user', async () => {
    await expect(guardFor(operator).canActivate(contextFor('me').context)).rejects.toThrow(
      UnauthorizedException,
    );
    await expect(
      guardFor(operator).canActivate(contextFor('me', 'Bearer bad').context),
    ).rejects.toThrow(UnauthorizedException);
    await expect(
      guardFor(operator).canActivate(contextFor('me', 'Basic good').context),
    ).rejects.toThrow(UnauthorizedException);
    await expect(
      guardFor(null).canActivate(contextFor('me', 'Bearer good').context),
    ).rejects.toThrow(UnauthorizedException);
  });

  it('checks the declared permissions against the role and attaches the user and session', async () => {
    const allowed = contextFor('raiseAndon', 'Bearer good');
    await expect(guardFor(operator).canActivate(allowed.context)).resolves.toBe(true);
    expect(allowed.request.user).toEqual(operator);
    expect(allowed.request.sessionId).toBe('session-1');
    await expect(
      guardFor(operator).canActivate(contextFor('manageUsers', 'Bearer good').context),
    ).rejects.toThrow(ForbiddenException);
    await expect(
      guardFor(operator).canActivate(contextFor('me', 'Bearer good').context),
    ).resolves.toBe(true);
  });

  it('denies by default a route that declares no permission', async () => {
    const admin: SessionUser = { ...operator, role: 'admin' };
    await expect(
      guardFor(admin).canActivate(contextFor('undeclared', 'Bearer good').context),
    ).rejects.toThrow(ForbiddenException);
  });

  it('names the missing permission in the 403', async () => {
    const error = await guardFor(operator)
      .canActivate(contextFor('manageUsers', 'Bearer good').context)
      .catch((caught: unknown) => caught);
    expect((error as ForbiddenException).message).toContain('users:manage' satisfies Permission);
  });
});
