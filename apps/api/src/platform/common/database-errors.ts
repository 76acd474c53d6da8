import { DomainException } from './domain.exception.js';

/** The fields of a PostgreSQL error (from `pg`) that say which rule a write broke. */
export interface PgError {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
}

/** SQLSTATE codes the API answers itself. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_EXCLUSION_VIOLATION = '23P01';

/** A constraint with a meaning of its own: its violation is answered with `error()`. */
export interface KnownConstraint {
  /** SQLSTATE, e.g. `23505` (unique) or `23P01` (exclusion). */
  code: string;
  /** The constraint or index name; any constraint of that code when left out. */
  constraint?: string;
  error: () => Error;
}

/**
 * Runs a write (usually a whole transaction) and answers a broken database rule as a 4xx: a
 * `known` constraint with its own exception, any other with `mapConstraintError` when `what`
 * names the thing written (`undefined`: rethrown as it is).
 */
export async function withConstraintErrors<T>(
  work: () => Promise<T>,
  options: {
    what?: string;
    operation?: 'write' | 'delete';
    known?: readonly KnownConstraint[];
  },
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pg = error as PgError;
    const known = options.known?.find(
      (rule) =>
        rule.code === pg.code &&
        (rule.constraint === undefined || rule.constraint === pg.constraint),
    );
    if (known) throw known.error();
    throw options.what === undefined
      ? error
      : mapConstraintError(error, options.what, options.operation);
  }
}

const camel = (snake: string): string =>
  snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Turns PostgreSQL constraint violations into 4xx answers naming the field:
 * `lines_code_key` (unique) → 409 on `code`; `equipment_line_id_fkey` (missing parent) → 400 on `lineId`;
 * a still-referenced row on delete → 409.
 */
export function mapConstraintError(
  error: unknown,
  what: string,
  operation: 'write' | 'delete' = 'write',
): unknown {
  const pg = error as PgError;
  const constraint = typeof pg.constraint === 'string' ? pg.constraint : '';
  const table = typeof pg.table === 'string' ? pg.table : '';
  const column = constraint.startsWith(`${table}_`)
    ? constraint.slice(table.length + 1).replace(/_(key|fkey|uq)$/, '')
    : constraint;
  switch (pg.code) {
    case '23505': {
      const field = camel(
        column
          .split('_')
          .filter((part) => part !== 'id' || column === 'id')
          .join('_') || 'code',
      );
      return new DomainException('CONFLICT', `${what} with this ${field} already exists`, [
        { path: field, message: 'Already taken' },
      ]);
    }
    case '23503':
      if (operation === 'write' && constraint.startsWith(`${table}_`)) {
        const field = camel(column);
        return new DomainException('INVALID_REFERENCE', `Unknown ${field}`, [
          { path: field, message: 'Does not exist' },
        ]);
      }
      return new DomainException('IN_USE', `${what} is still in use and cannot be deleted`);
    case '23001': // restrict_violation: ON DELETE RESTRICT
      return new DomainException('IN_USE', `${what} is still in use and cannot be deleted`);
    default:
      return error;
  }
}
