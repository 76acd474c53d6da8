import { describe, expect, it } from '@jest/globals';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';

const pgError = (code: string, message = 'from the server') =>
  Object.assign(new Error(message), { code, severity: 'FATAL' });

const socketError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

describe('isDatabaseUnavailable', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])(
    'takes the socket error %s for an outage',
    (code) => expect(isDatabaseUnavailable(socketError(code))).toBe(true),
  );

  it.each([
    ['08006', 'connection failure'],
    ['08001', 'cannot establish a connection'],
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is shutting down'],
    ['53300', 'sorry, too many clients already'],
    ['57014', 'canceling statement due to statement timeout'],
  ])('takes SQLSTATE %s (%s) for an outage', (code, message) =>
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(true),
  );

  it.each([
    'timeout exceeded when trying to connect',
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'Query read timeout',
    'Client has encountered a connection error and is not queryable',
    'the database did not answer within 6000 ms',
  ])('takes the pg message "%s" for an outage', (message) =>
    expect(isDatabaseUnavailable(new Error(message))).toBe(true),
  );

  it('looks inside a TypeORM QueryFailedError and its driver error', () => {
    const wrapped = new QueryFailedError('SELECT 1', [], pgError('57P01'));
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    const terminated = new QueryFailedError('SELECT 1', [], new Error('Connection terminated'));
    expect(isDatabaseUnavailable(terminated)).toBe(true);
  });

  it("takes TypeORM's released query runner (its connection broke mid-transaction) for an outage", () => {
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('looks inside an AggregateError of several connection attempts (IPv6 and IPv4)', () => {
    const both = new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]);
    expect(isDatabaseUnavailable(both)).toBe(true);
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['22P02', 'invalid input syntax for type uuid'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['42P01', 'relation "nope" does not exist'],
    // A server error whose text happens to match a pg client message is still the server's answer.
    ['XX000', 'Connection terminated by a trigger'],
  ])('leaves the database answer %s (%s) alone', (code, message) => {
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('x', [], pgError(code, message)))).toBe(
      false,
    );
  });

  it('leaves errors that are not the database alone', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(new AggregateError([]))).toBe(false);
  });
});
