import { describe, expect, it } from 'vitest';
import { unsafeTextErrors, unsafeTextReason } from './text.js';

describe('unsafe text', () => {
  it('names each string with a NUL or an unpaired surrogate by its path', () => {
    const body = {
      name: 'Filler\u0000',
      lines: [{ code: 'ok' }, { code: 'bad\uD800' }],
      note: 'fine 🙂',
      tail: '\uDC00',
    };
    expect(unsafeTextErrors(body)).toEqual([
      { path: 'name', message: 'Must not contain a NUL character' },
      { path: 'lines.1.code', message: 'Must not contain an unpaired surrogate' },
      { path: 'tail', message: 'Must not contain an unpaired surrogate' },
    ]);
  });

  it('accepts paired surrogates (emoji), numbers and nulls, and checks property names', () => {
    expect(unsafeTextReason('🙂 ok')).toBeUndefined();
    expect(unsafeTextErrors({ a: 1, b: null, c: [true, 'x'] })).toEqual([]);
    expect(unsafeTextErrors({ 'k\u0000': 'v' })).toEqual([
      { path: 'k\u0000', message: 'Name: Must not contain a NUL character' },
    ]);
  });

  it('refuses nesting deeper than any contract uses', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i += 1) deep = [deep];
    expect(unsafeTextErrors(deep)[0]?.message).toMatch(/Nested deeper than 32 levels/);
  });
});
