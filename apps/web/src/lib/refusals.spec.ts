import { DOMAIN_ERROR_CODES } from '@ms5/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { isChecklistRefusal, refusalAdvice, refusalText } from '@/lib/refusals';

const refusal = (code: string | undefined, message = 'Refused') =>
  new ApiError({ statusCode: 409, code, message });

describe('refusals', () => {
  it('adds the advice of its code after the server message, as a sentence', () => {
    expect(refusalText(refusal('IN_USE', 'Line L1 is still in use'), 'x')).toBe(
      'Line L1 is still in use. Remove or move what uses it first.',
    );
    expect(refusalText(refusal('CHECKLIST_FAILED', 'A critical item failed.'), 'x')).toBe(
      'A critical item failed. Fix the failed item and run the checklist again.',
    );
  });

  it('keeps the message alone for codes without advice and codes it does not know', () => {
    expect(refusalText(refusal('SCHEDULE_CONFLICT', 'Overlaps order 7'), 'x')).toBe(
      'Overlaps order 7',
    );
    expect(refusalText(refusal('SOMETHING_NEW', 'New rule'), 'x')).toBe('New rule');
    expect(refusalText(new Error('network'), 'Could not save.')).toBe('Could not save.');
  });

  it('decides every contract code, and knows the checklist refusals', () => {
    for (const code of DOMAIN_ERROR_CODES) expect(() => refusalAdvice(code)).not.toThrow();
    expect(isChecklistRefusal(refusal('CHECKLIST_REQUIRED'))).toBe(true);
    expect(isChecklistRefusal(refusal('CHECKLIST_FAILED'))).toBe(true);
    expect(isChecklistRefusal(refusal('LINE_BUSY'))).toBe(false);
  });
});
