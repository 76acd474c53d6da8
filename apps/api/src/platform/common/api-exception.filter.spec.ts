import { describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, ForbiddenException, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { ApiExceptionFilter } from './api-exception.filter.js';
import { DomainException } from './domain.exception.js';
import { TooManyRequestsException } from './too-many-requests.exception.js';
import { RequestValidationException } from './validation.js';

function run(exception: unknown) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = {
    headers: {},
  };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ id: 'req-1' }) }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  it('keeps statusCode and message for Nest exceptions', () => {
    expect(run(new ForbiddenException('nope'))).toMatchObject({
      status: 403,
      body: { statusCode: 403, message: 'nope', error: 'Forbidden', requestId: 'req-1' },
    });
    expect(run(new NotFoundException()).body).toMatchObject({
      statusCode: 404,
      message: expect.any(String),
    });
  });

  it('carries fieldErrors of a validation failure', () => {
    const result = z.strictObject({ a: z.number() }).safeParse({ a: 'x', b: 1 });
    if (result.success) throw new Error('expected failure');
    const sent = run(new RequestValidationException(result.error.issues, 'body'));
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      statusCode: 400,
      fieldErrors: [
        { path: 'a', message: expect.any(String) },
        { path: 'b', message: 'Unknown property' },
      ],
    });
  });

  it('gives domain errors their status and code', () => {
    expect(run(new DomainException('LAST_ADMIN', 'last admin')).body).toMatchObject({
      statusCode: 409,
      code: 'LAST_ADMIN',
      message: 'last admin',
    });
  });

  it('sets Retry-After on 429', () => {
    const sent = run(new TooManyRequestsException(42));
    expect(sent.status).toBe(429);
    expect(sent.headers['Retry-After']).toBe('42');
  });

  it('maps body-parser errors and hides unexpected ones behind a 500', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      type: 'entity.too.large',
    });
    expect(run(tooLarge)).toMatchObject({
      status: 413,
      body: { statusCode: 413, message: 'Request body is too large' },
    });
    expect(run(new Error('secret internals'))).toMatchObject({
      status: 500,
      body: { statusCode: 500, message: 'Internal server error' },
    });
  });
});

describe('ApiExceptionFilter when the database cannot be reached', () => {
  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, never 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    for (const exception of [
      refused,
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('the database system is shutting down'), { code: '57P03' }),
    ]) {
      const sent = run(exception);
      expect(sent.status).toBe(503);
      expect(sent.headers['Retry-After']).toBe('5');
      expect(sent.body).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: expect.any(String),
        error: 'Service Unavailable',
        requestId: 'req-1',
      });
    }
  });

  it('keeps a database answer that is not an outage a 500', () => {
    const sent = run(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }));
    expect(sent.status).toBe(500);
    expect(sent.headers['Retry-After']).toBeUndefined();
  });
});
