import type { FieldError } from './errors.js';

/** U+0000, which PostgreSQL cannot store in text. */
const NUL = '\u0000';
/** A UTF-16 surrogate without its pair: not a character, and not valid UTF-8 once stored. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Deeper than any contract nests; a body nested further is refused at its root. */
const MAX_DEPTH = 32;

/** Why a text cannot be stored or searched, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (text.includes(NUL)) return 'Must not contain a NUL character';
  if (LONE_SURROGATE.test(text)) return 'Must not contain an unpaired surrogate';
  return undefined;
}

/**
 * Every string (value or property name) in a request body or query that no text column can hold,
 * named by its dotted path (`lines.0.name`), as `fieldErrors`. The one rule for all input: a
 * request carrying one is refused with 400 before it reaches a schema or the database.
 */
export function unsafeTextErrors(value: unknown, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (node: unknown, where: string, depth: number): void => {
    if (typeof node === 'string') {
      const reason = unsafeTextReason(node);
      if (reason !== undefined) errors.push({ path: where, message: reason });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth > MAX_DEPTH) {
      errors.push({ path: where, message: `Nested deeper than ${MAX_DEPTH} levels` });
      return;
    }
    const entries = Array.isArray(node)
      ? node.map((item, index) => [String(index), item] as const)
      : Object.entries(node);
    for (const [key, child] of entries) {
      const reason = unsafeTextReason(key);
      const childPath = where === '' ? key : `${where}.${key}`;
      if (reason !== undefined) errors.push({ path: childPath, message: `Name: ${reason}` });
      else visit(child, childPath, depth + 1);
    }
  };
  visit(value, path, 0);
  return errors;
}
