import { describe, expect, it, jest } from '@jest/globals';
import { UnauthorizedException } from '@nestjs/common';
import type { AuthTokens, SessionUser } from '@ms5/contracts';
import { loadConfig } from '../config/app-config.js';
import { TooManyRequestsException } from '../common/too-many-requests.exception.js';
import type { UserEntity } from '../users/user.entity.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import type { PasswordHasher } from '../credentials/password-hasher.js';
import type { TokenService } from './token.service.js';

const stored = {
  id: 'u1',
  username: 'Anna',
  displayName: 'Anna A.',
  role: 'operator',
  passwordHash: 'hash-of-right',
  disabled: false,
} as UserEntity;

function setup(user: UserEntity | null = stored) {
  const repository = {
    findByUsernameWithHash: jest.fn(async () => user),
  } as unknown as UsersRepository;
  const hasher = {
    verify: jest.fn(async (hash: string, password: string) => hash === `hash-of-${password}`),
    verifyNothing: jest.fn(async () => false as const),
  };
  const issue = jest.fn(async (session: SessionUser) => ({ user: session }) as AuthTokens);
  const tokens = { issue } as unknown as TokenService;
  const config = loadConfig({
    LOGIN_MAX_FAILURES_PER_USERNAME: '2',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
  });
  const service = new AuthService(
    repository,
    {} as UsersService,
    hasher as unknown as PasswordHasher,
    tokens,
    new LoginRateLimiter(),
    config,
  );
  return { service, hasher, issue };
}

describe('AuthService.login', () => {
  it('issues tokens for the right password, without leaking the hash', async () => {
    const { service, issue } = setup();
    const result = await service.login({ username: 'anna', password: 'right' }, '10.0.0.1');
    expect(result.user).toEqual({
      id: 'u1',
      username: 'Anna',
      role: 'operator',
      displayName: 'Anna A.',
    });
    expect(issue).toHaveBeenCalledTimes(1);
  });

  it('spends a dummy verification for unknown and disabled users', async () => {
    const unknown = setup(null);
    await expect(unknown.service.login({ username: 'ghost', password: 'x' }, 'a')).rejects.toThrow(
      UnauthorizedException,
    );
    expect(unknown.hasher.verifyNothing).toHaveBeenCalledTimes(1);

    const disabled = setup({ ...stored, disabled: true });
    await expect(
      disabled.service.login({ username: 'anna', password: 'right' }, 'a'),
    ).rejects.toThrow(UnauthorizedException);
    expect(disabled.hasher.verify).not.toHaveBeenCalled();
  });

  it('blocks a username after its failures, whatever the case of the name', async () => {
    const { service } = setup();
    for (const name of ['anna', 'ANNA']) {
      await expect(
        service.login({ username: name, password: 'wrong' }, `addr-${name}`),
      ).rejects.toThrow(UnauthorizedException);
    }
    await expect(service.login({ username: 'Anna', password: 'right' }, 'fresh')).rejects.toThrow(
      TooManyRequestsException,
    );
  });

  it('blocks an address after its failures, and a success resets only the username count', async () => {
    const { service } = setup();
    await expect(service.login({ username: 'anna', password: 'wrong' }, 'addr')).rejects.toThrow(
      UnauthorizedException,
    );
    await service.login({ username: 'anna', password: 'right' }, 'addr');
    await expect(service.login({ username: 'anna', password: 'wrong' }, 'addr')).rejects.toThrow(
      UnauthorizedException,
    );
    await expect(service.login({ username: 'x', password: 'wrong' }, 'addr')).rejects.toThrow(
      UnauthorizedException,
    );
    const error = await service
      .login({ username: 'anna', password: 'right' }, 'addr')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect((error as TooManyRequestsException).retryAfterSeconds).toBeGreaterThan(0);
  });
});
