import { HttpException } from '@nestjs/common';

export type DomainErrorCode =
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'LAST_ADMIN'
  | 'USERNAME_TAKEN'
  | 'INVALID_TRANSITION'
  | 'INVALID_REFERENCE'
  | 'IN_USE'
  | 'SCHEDULE_CONFLICT'
  | 'LINE_BUSY'
  | 'CHECKLIST_REQUIRED'
  | 'CHECKLIST_FAILED'
  | 'HANDOVER_EXISTS'
  | 'ALREADY_ACKNOWLEDGED';

function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return 404;
    case 'INVALID_REFERENCE':
      return 400;
    case 'IN_USE':
    case 'CONFLICT':
    case 'LAST_ADMIN':
    case 'USERNAME_TAKEN':
    case 'INVALID_TRANSITION':
    case 'SCHEDULE_CONFLICT':
    case 'LINE_BUSY':
    case 'CHECKLIST_REQUIRED':
    case 'CHECKLIST_FAILED':
    case 'HANDOVER_EXISTS':
    case 'ALREADY_ACKNOWLEDGED':
      return 409;
  }
}

/** A business rule said no. The code is stable for clients; the message is for people. */
export class DomainException extends HttpException {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    fieldErrors?: Array<{ path: string; message: string }>,
  ) {
    super(
      { statusCode: statusOf(code), code, message, ...(fieldErrors ? { fieldErrors } : {}) },
      statusOf(code),
    );
  }
}

export function notFound(what: string, id: string): DomainException {
  return new DomainException('NOT_FOUND', `${what} ${id} not found`);
}
