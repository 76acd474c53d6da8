import {
  type AuthTokens,
  type DomainErrorCode,
  type FieldError,
  type SessionUser,
  authTokensSchema,
  domainErrorCode,
  errorBodySchema,
} from '@ms5/contracts';

/** Where the refresh token lives, so a tablet stays signed in across reloads. */
export const REFRESH_TOKEN_KEY = 'ms5.refreshToken';

/** Anything with a zod-like `parse`: the contract schemas check every response body. */
export interface ResponseParser<T> {
  parse(data: unknown): T;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** `false` for the public routes (login, refresh, health): no bearer token, no refresh on 401. */
  auth?: boolean;
}

export type SessionState =
  | { status: 'restoring'; user: null }
  | { status: 'anonymous'; user: null }
  | { status: 'authenticated'; user: SessionUser };

export interface ApiErrorInit {
  statusCode: number;
  message: string;
  code?: string | undefined;
  fieldErrors?: readonly FieldError[] | undefined;
  retryAfterSeconds?: number | undefined;
  requestId?: string | undefined;
}

/** Every failed request ends as an `ApiError` carrying what the API said. `statusCode` 0: no answer at all. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
  }

  /** The code as one the contract knows (`CHECKLIST_FAILED`), or undefined for any other. */
  get domainCode(): DomainErrorCode | undefined {
    return domainErrorCode(this.code);
  }

  /** The server's message for one field (`username`, `events.3.ts`), if it named that field. */
  fieldError(path: string): string | undefined {
    return this.fieldErrors.find((error) => error.path === path)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ApiClientOptions {
  /** Prefix for every path; '' means the page's own origin (the API serves the SPA). */
  baseUrl?: string;
  /** Defaults to the global `fetch`, looked up at call time. */
  fetch?: typeof fetch;
  /** Defaults to `localStorage` when there is one. `null`: keep the refresh token in memory only. */
  storage?: StorageLike | null;
}

function defaultStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readBody(response);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    return new ApiError({
      statusCode: response.status,
      message: parsed.data.message,
      code: parsed.data.code,
      fieldErrors: parsed.data.fieldErrors,
      retryAfterSeconds,
      requestId: parsed.data.requestId,
    });
  }
  return new ApiError({
    statusCode: response.status,
    message:
      response.statusText === '' ? `Request failed (${response.status})` : response.statusText,
    retryAfterSeconds,
  });
}

/**
 * The one way the web app talks to the API.
 *
 * - Sends and reads JSON; every response body is checked by a contract schema.
 * - Keeps the access token in memory and the refresh token in storage.
 * - On a 401 it refreshes once (concurrent 401s share one refresh call) and retries the request once;
 *   when the refresh fails the session ends.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly storage: StorageLike | null;
  private accessToken: string | null = null;
  private refreshToken: string | null;
  private session: SessionState;
  private refreshInFlight: Promise<boolean> | null = null;
  private restoreInFlight: Promise<SessionState> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch;
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.refreshToken = this.storage?.getItem(REFRESH_TOKEN_KEY) ?? null;
    this.session =
      this.refreshToken === null
        ? { status: 'anonymous', user: null }
        : { status: 'restoring', user: null };
  }

  // ---- session -----------------------------------------------------------------------------------

  getSession = (): SessionState => this.session;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getAccessToken(): string | null {
    return this.accessToken;
  }

  getRefreshToken(): string | null {
    return this.refreshToken;
  }

  /** Stores a fresh token pair (after login or refresh) and marks the session signed in. */
  setSession(tokens: AuthTokens): void {
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
    this.storage?.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    this.setState({ status: 'authenticated', user: tokens.user });
  }

  /** Forgets both tokens (logout, or a refresh the server refused). */
  clearSession(): void {
    this.accessToken = null;
    this.refreshToken = null;
    this.storage?.removeItem(REFRESH_TOKEN_KEY);
    this.setState({ status: 'anonymous', user: null });
  }

  /** On app load: with a stored refresh token, refresh to get the session back. Safe to call twice. */
  restoreSession(): Promise<SessionState> {
    if (this.session.status !== 'restoring') return Promise.resolve(this.session);
    this.restoreInFlight ??= this.refresh()
      .then(() => this.session)
      .catch(() => {
        // No answer (offline, server restarting): keep the stored token for the next try, show the login.
        this.setState({ status: 'anonymous', user: null });
        return this.session;
      })
      .finally(() => {
        this.restoreInFlight = null;
      });
    return this.restoreInFlight;
  }

  /**
   * Trades the refresh token for a new pair. Single-flight: callers that arrive while a refresh
   * is running share its result. Resolves `false` (and ends the session) when the server refuses it.
   */
  refresh(): Promise<boolean> {
    this.refreshInFlight ??= this.doRefresh().finally(() => {
      this.refreshInFlight = null;
    });
    return this.refreshInFlight;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.refreshToken;
    if (refreshToken === null) {
      this.clearSession();
      return false;
    }
    try {
      const tokens = await this.send(
        '/api/auth/refresh',
        'POST',
        { body: { refreshToken }, auth: false },
        authTokensSchema,
      );
      this.setSession(tokens);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.statusCode >= 400 && error.statusCode < 500) {
        this.clearSession();
        return false;
      }
      throw error;
    }
  }

  private setState(next: SessionState): void {
    const previous = this.session;
    if (previous.status === next.status && previous.user === next.user) return;
    this.session = next;
    for (const listener of this.listeners) listener();
  }

  // ---- requests ----------------------------------------------------------------------------------

  get<T>(
    path: string,
    parser: ResponseParser<T>,
    options: Omit<RequestOptions, 'body'> = {},
  ): Promise<T> {
    return this.request(path, 'GET', options, parser);
  }

  post<T>(
    path: string,
    body: unknown,
    parser: ResponseParser<T>,
    options: RequestOptions = {},
  ): Promise<T> {
    return this.request(path, 'POST', { ...options, body }, parser);
  }

  patch<T>(
    path: string,
    body: unknown,
    parser: ResponseParser<T>,
    options: RequestOptions = {},
  ): Promise<T> {
    return this.request(path, 'PATCH', { ...options, body }, parser);
  }

  put<T>(
    path: string,
    body: unknown,
    parser: ResponseParser<T>,
    options: RequestOptions = {},
  ): Promise<T> {
    return this.request(path, 'PUT', { ...options, body }, parser);
  }

  /** `DELETE` of a route that answers `204 No Content`. */
  async delete(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<void> {
    await this.request(path, 'DELETE', options, null);
  }

  /** For routes that answer `204 No Content`. */
  async postNoContent(path: string, body: unknown, options: RequestOptions = {}): Promise<void> {
    await this.request(path, 'POST', { ...options, body }, null);
  }

  private async request<T>(
    path: string,
    method: string,
    options: RequestOptions,
    parser: ResponseParser<T> | null,
  ): Promise<T> {
    const auth = options.auth ?? true;
    const tokenUsed = this.accessToken;
    try {
      return await this.send(path, method, options, parser);
    } catch (error) {
      if (!auth || !(error instanceof ApiError) || error.statusCode !== 401) throw error;
      // Another request may already have refreshed while this one was in the air: then just retry.
      const refreshed =
        this.accessToken !== null && this.accessToken !== tokenUsed ? true : await this.refresh();
      if (!refreshed) throw error;
      try {
        return await this.send(path, method, options, parser);
      } catch (retryError) {
        if (retryError instanceof ApiError && retryError.statusCode === 401) this.clearSession();
        throw retryError;
      }
    }
  }

  private async send<T>(
    path: string,
    method: string,
    options: RequestOptions,
    parser: ResponseParser<T> | null,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if ((options.auth ?? true) && this.accessToken !== null)
      headers.Authorization = `Bearer ${this.accessToken}`;

    const fetchImpl = this.fetchImpl ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl(this.url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError({
        statusCode: 0,
        message: 'The server cannot be reached. Check the network and try again.',
      });
    }

    if (!response.ok) throw await toApiError(response);
    const data = await readBody(response);
    if (parser === null) return undefined as T;
    try {
      return parser.parse(data);
    } catch {
      throw new ApiError({
        statusCode: response.status,
        message: 'The server sent an unexpected answer.',
      });
    }
  }

  private url(path: string, query: QueryParams | undefined): string {
    let url = `${this.baseUrl}${path}`;
    if (query !== undefined) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
      }
      const search = params.toString();
      if (search !== '') url += `?${search}`;
    }
    return url;
  }
}

/** The app's client: same origin, refresh token in localStorage. */
export const api = new ApiClient();
