import {
  applyDecorators,
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { type FieldError, toFieldErrors, unsafeTextErrors } from '@ms5/contracts';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import { toOpenApiSchema } from './zod-openapi.js';

const BODY_SCHEMA = 'ms5:body-schema';
const QUERY_SCHEMA = 'ms5:query-schema';

/** Validates the request body against a contract schema, and documents it in OpenAPI. */
export function ValidateBody(schema: z.ZodType): MethodDecorator {
  return applyDecorators(
    SetMetadata(BODY_SCHEMA, schema),
    ApiBody({ schema: toOpenApiSchema(schema, 'input') }),
  );
}

/** Validates the query string against a contract schema, and documents each parameter. */
export function ValidateQuery(schema: z.ZodType): MethodDecorator {
  const json = toOpenApiSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  const params = Object.entries(properties).map(([name, property]) =>
    ApiQuery({ name, required: required.has(name), schema: property }),
  );
  return applyDecorators(SetMetadata(QUERY_SCHEMA, schema), ...params);
}

/** 400 with `fieldErrors` naming each offending field. */
export class FieldValidationException extends BadRequestException {
  constructor(
    readonly fieldErrors: FieldError[],
    message = `Invalid request: ${fieldErrors.map((e) => e.path || '(root)').join(', ')}`,
  ) {
    super({ statusCode: 400, error: 'Bad Request', message, fieldErrors });
  }
}

/** The thrown error of a request that fails its schema. */
export class RequestValidationException extends FieldValidationException {
  constructor(issues: readonly z.core.$ZodIssue[], where: 'body' | 'query') {
    const fieldErrors = toFieldErrors(issues);
    super(
      fieldErrors,
      `Invalid ${where}: ${fieldErrors.map((e) => e.path || '(root)').join(', ')}`,
    );
  }
}

/**
 * Runs after the guard, before the handler's parameters are read: replaces `req.body` and
 * `req.query` with their parsed (and defaulted) values.
 */
@Injectable()
export class ValidationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const handler = context.getHandler();
    const request = context.switchToHttp().getRequest<Request>();
    // No text column can hold a NUL or a lone surrogate: refused on every route, named by path.
    const unsafe = [
      ...unsafeTextErrors(request.body ?? {}),
      ...unsafeTextErrors({ ...request.query }),
    ];
    if (unsafe.length > 0) throw new FieldValidationException(unsafe);
    const bodySchema = this.reflector.get<z.ZodType | undefined>(BODY_SCHEMA, handler);
    const querySchema = this.reflector.get<z.ZodType | undefined>(QUERY_SCHEMA, handler);
    if (bodySchema) {
      const result = bodySchema.safeParse(request.body ?? {});
      if (!result.success) throw new RequestValidationException(result.error.issues, 'body');
      request.body = result.data;
    }
    if (querySchema) {
      const result = querySchema.safeParse({ ...request.query });
      if (!result.success) throw new RequestValidationException(result.error.issues, 'query');
      // Express 5 exposes req.query as a getter: redefine it with the parsed value.
      Object.defineProperty(request, 'query', {
        value: result.data,
        configurable: true,
        enumerable: true,
      });
    }
    return next.handle();
  }
}
