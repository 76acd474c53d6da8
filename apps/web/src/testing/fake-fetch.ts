import { vi } from 'vitest';

export interface FakeRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}

export type FakeHandler = (request: FakeRequest) => Response | Promise<Response>;

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  if (status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A `fetch` that answers from `handler` and records each request it was given. */
export function createFakeFetch(handler: FakeHandler) {
  const requests: FakeRequest[] = [];
  const fetchMock = vi.fn(
    async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const url = new URL(raw, 'http://localhost');
      const text = typeof init?.body === 'string' ? init.body : null;
      const request: FakeRequest = {
        url,
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: text === null ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(request);
      return handler(request);
    },
  );
  return { fetch: fetchMock as typeof fetch, requests };
}

/** A promise with its resolver exposed, to hold an answer back until the test says so. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
