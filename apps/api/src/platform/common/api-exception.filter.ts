import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { ErrorBody, FieldError } from '@ms5/contracts';
import type { Request, Response } from 'express';
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

/** Every error leaves as JSON with `statusCode` and `message` (and `fieldErrors` for bad input). */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: unknown }>();
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
