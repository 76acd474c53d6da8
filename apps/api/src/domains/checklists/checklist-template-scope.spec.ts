import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../../platform/common/domain.exception.js';
import { LineScope } from '../../platform/line-access/line-scope.js';
import { assertMayWriteTemplate } from './checklist-template-scope.js';

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

describe('assertMayWriteTemplate', () => {
  it('lets a user of every line write any template, of a line or of every line', () => {
    expect(refusal(() => assertMayWriteTemplate(LineScope.everyLine, B))).toBeUndefined();
    expect(refusal(() => assertMayWriteTemplate(LineScope.everyLine, null))).toBeUndefined();
  });

  it('lets a limited user write their own line’s templates only', () => {
    const scope = LineScope.of([A]);
    expect(refusal(() => assertMayWriteTemplate(scope, A))).toBeUndefined();
    const other = refusal(() => assertMayWriteTemplate(scope, B));
    expect(other?.code).toBe('LINE_NOT_ASSIGNED');
    expect(other?.message).toBe('This checklist template is on a line you are not assigned to');
  });

  it('refuses a limited user a template of every line (a product’s alone)', () => {
    const error = refusal(() => assertMayWriteTemplate(LineScope.of([A, B]), null));
    expect(error?.code).toBe('LINE_NOT_ASSIGNED');
    expect(error?.getStatus()).toBe(403);
  });
});
