import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[\w.-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is a sane token, else a new UUID; echoed
 * in the response header. Once per request: the logger sets it, and answers given before the
 * logger ran (a body too large, JSON that does not parse) take it from here too.
 */
export function requestIdOf(
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
): string {
  if (typeof request.id === 'string') return request.id;
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  request.id = id;
  if (!response.headersSent) response.setHeader('X-Request-Id', id);
  return id;
}
