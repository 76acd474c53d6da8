import { describe, expect, it, jest } from '@jest/globals';
import { UnauthorizedException } from '@nestjs/common';
import type { AuthTokens, SessionUser } from '@ms5/contracts';
import { loadConfig } from '../config/app-config.js';
import { TooManyRequestsException } from '../common/too-many-requests.exception.js';
import type { UserEntity } from '../users/user.entity.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { LoginLimiter, loginLimitPolicy } from './login-limiter.js';
import { MemoryLoginAttemptStore } from './memory-login-attempt-store.js';
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
    LOGIN_BACKOFF_FREE_FAILURES: '2',
    LOGIN_ADDRESS_MAX_FAILURES: '3',
  });
  const limiter = new LoginLimiter({
    store: new MemoryLoginAttemptStore(),
    policy: loginLimitPolicy(config),
    slowDelayMs: 0,
  });
  const service = new AuthService(
    repository,
    {} as UsersService,
    hasher as unknown as PasswordHasher,
    tokens,
    limiter,
  );
  return { service, repository, hasher, issue };
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

  it('backs off a (username, address) pair whatever the case of the name, but not the same user elsewhere', async () => {
    const { service } = setup();
    for (const name of ['anna', 'ANNA', ' Anna']) {
      await expect(service.login({ username: name, password: 'wrong' }, 'addr')).rejects.toThrow(
        UnauthorizedException,
      );
    }
    const error = await service
      .login({ username: 'Anna', password: 'right' }, 'addr')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect((error as TooManyRequestsException).retryAfterSeconds).toBeGreaterThan(0);
    // No lockout: the right password from another address is let in.
    await expect(
      service.login({ username: 'anna', password: 'right' }, 'fresh'),
    ).resolves.toMatchObject({ user: { id: 'u1' } });
  });

  it('does not verify the password of a refused attempt', async () => {
    const { service, hasher } = setup();
    for (let i = 0; i < 3; i++) {
      await expect(service.login({ username: 'anna', password: 'wrong' }, 'addr')).rejects.toThrow(
        UnauthorizedException,
      );
    }
    hasher.verify.mockClear();
    await expect(service.login({ username: 'anna', password: 'right' }, 'addr')).rejects.toThrow(
      TooManyRequestsException,
    );
    expect(hasher.verify).not.toHaveBeenCalled();
  });

  it('blocks an address after its failures across usernames; a success is not counted', async () => {
    const { service } = setup();
    await expect(service.login({ username: 'anna', password: 'wrong' }, 'addr')).rejects.toThrow(
      UnauthorizedException,
    );
    await service.login({ username: 'anna', password: 'right' }, 'addr');
    await expect(service.login({ username: 'x', password: 'wrong' }, 'addr')).rejects.toThrow(
      UnauthorizedException,
    );
    await expect(service.login({ username: 'y', password: 'wrong' }, 'addr')).rejects.toThrow(
      UnauthorizedException,
    );
    const error = await service
      .login({ username: 'anna', password: 'right' }, 'addr')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect((error as TooManyRequestsException).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('does not hold an attempt the database could not answer against anyone', async () => {
    const { service, repository } = setup();
    const find = repository.findByUsernameWithHash as jest.Mock<() => Promise<UserEntity | null>>;
    find.mockRejectedValue(new Error('connection refused'));
    for (let i = 0; i < 5; i++) {
      await expect(service.login({ username: 'anna', password: 'right' }, 'addr')).rejects.toThrow(
        'connection refused',
      );
    }
    find.mockResolvedValue(stored);
    await expect(
      service.login({ username: 'anna', password: 'right' }, 'addr'),
    ).resolves.toMatchObject({ user: { id: 'u1' } });
  });
});
