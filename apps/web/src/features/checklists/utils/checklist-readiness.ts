import type { JobChecklistStatus } from '@ms5/contracts';

/** Why a job may not start yet, in words, from its checklist status (undefined when ready). */
export function notReadyReason(status: JobChecklistStatus | undefined): string | undefined {
  if (status === undefined) return 'Checking the pre-start checklists…';
  if (status.readyToStart) return undefined;
  const blocked = status.checklists.filter((entry) => entry.status === 'blocked').length;
  const missing = status.checklists.filter((entry) => entry.status === 'missing').length;
  if (blocked > 0) {
    return 'A critical checklist item failed: fix it and run the checklist again before you start.';
  }
  if (missing > 0) {
    return `Complete the pre-start ${missing === 1 ? 'checklist' : `checklists (${missing})`} first.`;
  }
  return 'The pre-start checklists are not complete yet.';
}
