import { DomainException } from './domain.exception.js';

interface PgError {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
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
