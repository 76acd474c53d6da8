import { DomainException } from '../../platform/common/domain.exception.js';

/**
 * `CHECKLIST_REQUIRED`: an applicable pre-start checklist has not been done on the job (or only
 * on an older version of its template); `CHECKLIST_FAILED`: its latest run failed a critical item.
 */
export type ChecklistGateCode = 'CHECKLIST_REQUIRED' | 'CHECKLIST_FAILED';

/** 409: the job may not start until its pre-start checklists pass. */
export class ChecklistGateException extends DomainException {
  constructor(code: ChecklistGateCode, message: string) {
    super(code, message);
  }
}

export interface GateEntry {
  template: { name: string };
  status: 'missing' | 'blocked' | 'done';
}

const named = (entries: readonly GateEntry[]): string =>
  `${entries.length === 1 ? 'checklist' : 'checklists'} ${entries
    .map((entry) => `"${entry.template.name}"`)
    .join(', ')}`;

/**
 * The refusal for a job whose checklists are not all done, or `null` when it may start. A failed
 * critical item is reported before a missing checklist; the message names every template in the way.
 */
export function gateRefusal(entries: readonly GateEntry[]): ChecklistGateException | null {
  const blocked = entries.filter((entry) => entry.status === 'blocked');
  const missing = entries.filter((entry) => entry.status === 'missing');
  if (blocked.length > 0) {
    const also = missing.length > 0 ? `; not done yet: ${named(missing)}` : '';
    return new ChecklistGateException(
      'CHECKLIST_FAILED',
      `A critical item failed on the pre-start ${named(blocked)}; pass ${
        blocked.length === 1 ? 'it' : 'them'
      } before starting the job${also}`,
    );
  }
  if (missing.length > 0) {
    return new ChecklistGateException(
      'CHECKLIST_REQUIRED',
      `Complete the pre-start ${named(missing)} before starting the job`,
    );
  }
  return null;
}
