import type { DomainErrorCode } from '@ms5/contracts';
import { type ApiError, isApiError } from '@/lib/api-client';

/**
 * What a person can do about a business-rule refusal, said after the server's message; undefined
 * where the message says it all. One exhaustive switch: a new code in the contract fails the
 * type check here until it is decided.
 */
export function refusalAdvice(code: DomainErrorCode): string | undefined {
  switch (code) {
    case 'CHECKLIST_REQUIRED':
      return 'Complete the pre-start checklist first.';
    case 'CHECKLIST_FAILED':
      return 'Fix the failed item and run the checklist again.';
    case 'LAST_ADMIN':
      return 'Make another user an administrator first.';
    case 'IN_USE':
      return 'Remove or move what uses it first.';
    case 'LINE_NOT_ASSIGNED':
      return 'Ask an administrator to assign you to that line.';
    case 'CONFLICT':
    case 'NOT_FOUND':
    case 'USERNAME_TAKEN':
    case 'INVALID_TRANSITION':
    case 'INVALID_REFERENCE':
    case 'SCHEDULE_CONFLICT':
    case 'LINE_BUSY':
    case 'HANDOVER_EXISTS':
    case 'ALREADY_ACKNOWLEDGED':
      return undefined;
  }
}

/** The server's message as a sentence, so that advice can follow it. */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** A failed request in words: the server's message with the advice for its code, or `fallback`. */
export function refusalText(error: unknown, fallback: string): string {
  if (!isApiError(error)) return fallback;
  const advice = error.domainCode === undefined ? undefined : refusalAdvice(error.domainCode);
  return advice === undefined ? error.message : `${sentence(error.message)} ${advice}`;
}

/** A start refused for the pre-start checklists (the caller reloads their status). */
export function isChecklistRefusal(error: ApiError): boolean {
  return error.domainCode === 'CHECKLIST_REQUIRED' || error.domainCode === 'CHECKLIST_FAILED';
}
