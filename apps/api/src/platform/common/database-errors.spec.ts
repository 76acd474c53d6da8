import { describe, expect, it } from '@jest/globals';
import { PG_UNIQUE_VIOLATION, withConstraintErrors } from './database-errors.js';
import { DomainException } from './domain.exception.js';

const pgError = (fields: Record<string, string>) => Object.assign(new Error('pg'), fields);
const failing = (error: Error) => () => Promise.reject(error);

describe('withConstraintErrors', () => {
  it('returns what the write returns', async () => {
    await expect(withConstraintErrors(() => Promise.resolve(42), { what: 'Line' })).resolves.toBe(
      42,
    );
  });

  it('answers a known constraint with its own exception, by code and name', async () => {
    const busy = new DomainException('LINE_BUSY', 'busy');
    const known = [{ code: PG_UNIQUE_VIOLATION, constraint: 'one_running_idx', error: () => busy }];
    await expect(
      withConstraintErrors(failing(pgError({ code: '23505', constraint: 'one_running_idx' })), {
        known,
      }),
    ).rejects.toBe(busy);
    // The same code on another constraint is not that rule.
    const other = pgError({ code: '23505', constraint: 'lines_code_key', table: 'lines' });
    await expect(withConstraintErrors(failing(other), { known })).rejects.toBe(other);
  });

  it('maps any other violation to a 4xx naming the field when told what was written', async () => {
    const error = pgError({ code: '23505', constraint: 'lines_code_key', table: 'lines' });
    const thrown = await withConstraintErrors(failing(error), { what: 'Line' }).catch(
      (caught: unknown) => caught,
    );
    expect(thrown).toBeInstanceOf(DomainException);
    expect((thrown as DomainException).getResponse()).toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
      fieldErrors: [{ path: 'code', message: 'Already taken' }],
    });
  });

  it('rethrows errors that are no broken rule', async () => {
    const crash = new Error('connection lost');
    await expect(withConstraintErrors(failing(crash), { what: 'Line' })).rejects.toBe(crash);
  });
});
