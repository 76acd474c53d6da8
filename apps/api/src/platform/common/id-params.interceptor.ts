import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FieldError } from '@ms5/contracts';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { FieldValidationException } from './validation.js';

const uuid = z.uuid();

/** `:id`, `:lineId`, `:equipmentId`…: a path parameter that names a row by its UUID. */
export const isIdParameter = (name: string): boolean => name === 'id' || /[a-z]Id$/.test(name);

/** Each id path parameter that is not a UUID, as `fieldErrors` named by the parameter. */
export function idParamErrors(params: Readonly<Record<string, unknown>>): FieldError[] {
  return Object.entries(params)
    .filter(([name, value]) => isIdParameter(name) && !uuid.safeParse(value).success)
    .map(([name]) => ({ path: name, message: 'Must be an id (UUID)' }));
}

/**
 * Every id in a path is a UUID before a handler (and so a `uuid` column) sees it: one rule for
 * all routes, answering 400 with `fieldErrors` like any other validation error, never a 500 from
 * PostgreSQL's `invalid input syntax for type uuid`. Ids in query strings and bodies are checked
 * by their contract schemas (`ValidationInterceptor`).
 */
@Injectable()
export class IdParamsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const errors = idParamErrors(request.params ?? {});
    if (errors.length > 0) throw new FieldValidationException(errors);
    return next.handle();
  }
}
