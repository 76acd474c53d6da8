import { HttpException } from '@nestjs/common';

/** 429 with a `Retry-After` header (set by the exception filter). */
export class TooManyRequestsException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts, try again later',
  ) {
    super({ statusCode: 429, message, retryAfterSeconds }, 429);
  }
}
