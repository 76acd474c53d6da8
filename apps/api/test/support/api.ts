import type { AuthTokens, ErrorBody } from '@ms5/contracts';
import type { Test } from 'supertest';
import { type TestApp, bearer } from './test-app.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A request as the user of `tokens`; the body goes out only when one is given. */
export function send(
  t: TestApp,
  tokens: AuthTokens,
  method: HttpMethod,
  path: string,
  body?: object,
): Test {
  const http = t.http();
  const request = http[method](path).set(...bearer(tokens));
  return body === undefined ? request : request.send(body);
}

/** The same request, expecting `status` (201 for a POST, else 200); resolves to the body. */
export async function ok<T>(
  t: TestApp,
  tokens: AuthTokens,
  method: HttpMethod,
  path: string,
  body?: object,
  status = method === 'post' ? 201 : 200,
): Promise<T> {
  return (await send(t, tokens, method, path, body).expect(status)).body as T;
}

/** `GET path`, expecting 200; resolves to the body. */
export const get = <T>(t: TestApp, tokens: AuthTokens, path: string): Promise<T> =>
  ok<T>(t, tokens, 'get', path);

/** `POST path` with the body, expecting `status` (201); resolves to the body. */
export const post = <T>(
  t: TestApp,
  tokens: AuthTokens,
  path: string,
  body: object,
  status = 201,
): Promise<T> => ok<T>(t, tokens, 'post', path, body, status);

/** The paths of an error body's `fieldErrors`, in order. */
export const fieldPaths = (body: unknown): string[] =>
  ((body as ErrorBody).fieldErrors ?? []).map((error) => error.path);
