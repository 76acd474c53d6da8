import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { ErrorBody, FieldError, ServiceErrorCode } from '@ms5/contracts';
import type { Request, Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable.js';
import { requestIdOf } from './request-id.js';
import { TooManyRequestsException } from './too-many-requests.exception.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
  type?: unknown;
}

/** While the database is down every request fails alike: one warning per this many ms, not one each. */
const OUTAGE_LOG_INTERVAL_MS = 10_000;

/**
 * Every error leaves as JSON with `statusCode` and `message` (and `fieldErrors` for bad input).
 * A database that cannot be reached is `503 DATABASE_UNAVAILABLE` with `Retry-After`, never 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');
  private lastOutageLog = 0;
  private outagesSinceLog = 0;

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: unknown }>();
    if (!(exception instanceof HttpException) && isDatabaseUnavailable(exception)) {
      this.logOutage(exception);
      const body: ErrorBody = {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE' satisfies ServiceErrorCode,
        message: 'The database is unavailable; retry later',
        error: REASONS[503],
        requestId: requestIdOf(request, response),
      };
      if (response.headersSent) return;
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      response.status(503).json(body);
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && !(exception instanceof HttpException)) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    body.requestId = requestIdOf(request, response);
    if (response.headersSent) return;
    if (exception instanceof TooManyRequestsException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }

  private logOutage(exception: unknown): void {
    this.outagesSinceLog++;
    const now = Date.now();
    if (now - this.lastOutageLog < OUTAGE_LOG_INTERVAL_MS) return;
    const reason = exception instanceof Error ? exception.message : String(exception);
    this.logger.warn(
      `database unavailable: ${this.outagesSinceLog} request(s) answered 503 (last: ${reason})`,
    );
    this.lastOutageLog = now;
    this.outagesSinceLog = 0;
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const base: ErrorBody = {
        statusCode,
        message: exception.message,
        error: REASONS[statusCode],
      };
      if (typeof raw === 'string') return { ...base, message: raw };
      const record = raw as Record<string, unknown>;
      const message = Array.isArray(record.message)
        ? record.message.map(String).join('; ')
        : typeof record.message === 'string'
          ? record.message
          : base.message;
      const out: ErrorBody = { ...base, message };
      if (typeof record.code === 'string') out.code = record.code;
      if (Array.isArray(record.fieldErrors)) out.fieldErrors = record.fieldErrors as FieldError[];
      return out;
    }
    // Errors thrown by Express middleware (body-parser: malformed JSON, too large a body).
    const httpish = (exception ?? {}) as HttpishError;
    const status = typeof httpish.status === 'number' ? httpish.status : httpish.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        httpish.type === 'entity.too.large'
          ? 'Request body is too large'
          : httpish.type === 'entity.parse.failed'
            ? 'Request body is not valid JSON'
            : typeof httpish.message === 'string'
              ? httpish.message
              : (REASONS[status] ?? 'Bad Request');
      return { statusCode: status, message, error: REASONS[status] };
    }
    return { statusCode: 500, message: 'Internal server error', error: REASONS[500] };
  }
}
