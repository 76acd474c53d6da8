import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../common/domain.exception.js';
import { LineScope } from './line-scope.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function refusal(run: () => unknown): DomainException | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  return undefined;
}

describe('LineScope', () => {
  it('allows every line when unlimited', () => {
    expect(LineScope.everyLine.limited).toBe(false);
    expect(LineScope.everyLine.allows(B)).toBe(true);
    expect(LineScope.everyLine.narrow(undefined)).toBeNull();
    expect(LineScope.everyLine.narrow(B)).toEqual([B]);
  });

  it('refuses another line with 403 LINE_NOT_ASSIGNED naming the subject', () => {
    const scope = LineScope.of([A]);
    expect(scope.allows(A)).toBe(true);
    const error = refusal(() => scope.assert(B, 'This job'));
    expect(error?.code).toBe('LINE_NOT_ASSIGNED');
    expect(error?.getStatus()).toBe(403);
    expect(error?.message).toBe('This job is on a line you are not assigned to');
    expect(refusal(() => scope.assertAll([A, B]))?.code).toBe('LINE_NOT_ASSIGNED');
    expect(refusal(() => scope.assertAll([A]))).toBeUndefined();
  });

  it('narrows a list to the filtered line only when it is in scope', () => {
    const scope = LineScope.of([B, A, A]);
    expect(scope.lineIds).toEqual([A, B]);
    expect(scope.narrow(undefined)).toEqual([A, B]);
    expect(scope.narrow(A)).toEqual([A]);
    expect(refusal(() => LineScope.of([A]).narrow(B))?.code).toBe('LINE_NOT_ASSIGNED');
  });

  it('treats null as every line', () => {
    expect(LineScope.of(null)).toBe(LineScope.everyLine);
  });
});
