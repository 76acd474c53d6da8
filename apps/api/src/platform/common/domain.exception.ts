import { HttpException } from '@nestjs/common';
import { DOMAIN_ERROR_STATUS, type DomainErrorCode, type FieldError } from '@ms5/contracts';

export type { DomainErrorCode };

/** A business rule said no. The code is stable for clients; the message is for people. */
export class DomainException extends HttpException {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    fieldErrors?: FieldError[],
  ) {
    const status = DOMAIN_ERROR_STATUS[code];
    super({ statusCode: status, code, message, ...(fieldErrors ? { fieldErrors } : {}) }, status);
  }
}

export function notFound(what: string, id: string): DomainException {
  return new DomainException('NOT_FOUND', `${what} ${id} not found`);
}
