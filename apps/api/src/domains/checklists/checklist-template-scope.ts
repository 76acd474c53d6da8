import { DomainException } from '../../platform/common/domain.exception.js';
import type { LineScope } from '../../platform/line-access/line-scope.js';

export const TEMPLATE_SUBJECT = 'This checklist template';

/**
 * Who may write a checklist template. A template of one line is that line's; a template of a
 * product alone (`lineId` null) applies on every line, so only a user of every line may write it
 * (a user limited to some lines may not change what other lines must check). 403
 * `LINE_NOT_ASSIGNED` otherwise.
 */
export function assertMayWriteTemplate(scope: LineScope, lineId: string | null): void {
  if (lineId !== null) {
    scope.assert(lineId, TEMPLATE_SUBJECT);
  } else if (scope.limited) {
    throw new DomainException(
      'LINE_NOT_ASSIGNED',
      'A checklist template without a line applies on every line; only a user of every line may write it',
    );
  }
}
