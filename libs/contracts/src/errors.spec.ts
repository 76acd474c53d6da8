import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DOMAIN_ERROR_CODES,
  DOMAIN_ERROR_STATUS,
  SERVICE_ERROR_CODES,
  SERVICE_ERROR_STATUS,
  domainErrorCode,
  serviceErrorCode,
  toFieldErrors,
} from './errors.js';
import { createUserSchema } from './users.js';

describe('toFieldErrors', () => {
  it('names each bad field with a dotted path', () => {
    const schema = z.strictObject({
      events: z.array(z.strictObject({ ts: z.iso.datetime({ offset: true }) })),
    });
    const result = schema.safeParse({ events: [{ ts: '2026-01-01T00:00:00Z' }, { ts: 'nope' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error.issues)).toEqual([
      { path: 'events.1.ts', message: expect.any(String) },
    ]);
  });

  it('lists unknown properties one by one', () => {
    const result = createUserSchema.safeParse({
      username: 'anna',
      password: 'long-enough-password',
      role: 'operator',
      displayName: 'Anna',
      isAdmin: true,
      extra: 1,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error.issues)).toEqual([
      { path: 'isAdmin', message: 'Unknown property' },
      { path: 'extra', message: 'Unknown property' },
    ]);
  });

  it('names a bad role and a missing password together', () => {
    const result = createUserSchema.safeParse({
      username: 'anna',
      role: 'boss',
      displayName: 'Anna',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const paths = toFieldErrors(result.error.issues)
      .map((error) => error.path)
      .sort();
    expect(paths).toEqual(['password', 'role']);
  });
});

describe('domain error codes', () => {
  it('answers every code with a client-error status', () => {
    for (const code of DOMAIN_ERROR_CODES)
      expect([400, 403, 404, 409]).toContain(DOMAIN_ERROR_STATUS[code]);
    expect(DOMAIN_ERROR_STATUS.NOT_FOUND).toBe(404);
    expect(DOMAIN_ERROR_STATUS.INVALID_REFERENCE).toBe(400);
    expect(DOMAIN_ERROR_STATUS.SCHEDULE_CONFLICT).toBe(409);
    expect(DOMAIN_ERROR_STATUS.LINE_NOT_ASSIGNED).toBe(403);
  });

  it('narrows a known code and nothing else', () => {
    expect(domainErrorCode('CHECKLIST_FAILED')).toBe('CHECKLIST_FAILED');
    expect(domainErrorCode('checklist_failed')).toBeUndefined();
    expect(domainErrorCode(undefined)).toBeUndefined();
  });
});

describe('service error codes', () => {
  it('answers every code with 503, apart from the domain codes', () => {
    for (const code of SERVICE_ERROR_CODES) {
      expect(SERVICE_ERROR_STATUS[code]).toBe(503);
      expect(domainErrorCode(code)).toBeUndefined();
    }
    expect(serviceErrorCode('DATABASE_UNAVAILABLE')).toBe('DATABASE_UNAVAILABLE');
    expect(serviceErrorCode('NOT_FOUND')).toBeUndefined();
  });
});
