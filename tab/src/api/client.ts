// The one way the tab talks to the API: JSON over fetch with the bearer token, API errors as
// ApiError values, and one fresh sign-in and retry when the server answers 401.
import { apiErrorFrom, networkError } from './api-error';

/** Where the client gets its bearer token; `renew` signs in again and returns null if it cannot. */
export interface TokenSource {
  current(): string | null;
  renew(): Promise<string | null>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Lets the request finish after the page is gone (a save flushed as the tab closes or reloads). */
  keepalive?: boolean;
}

/** A conditional GET's answer: unchanged since `etag`, or the new body and its tag. */
export type Revalidated<T> = { changed: false } | { changed: true; data: T; etag: string | null };

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class ApiClient {
  constructor(
    private readonly tokens: TokenSource | null,
    /** Called when a 401 survives a fresh sign-in, so the session can ask the user to sign in. */
    private readonly onSignedOut: () => void = () => undefined,
  ) {}

  get<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.authorised(method, path, options);
    const body = await readBody(response);
    if (!response.ok) throw apiErrorFrom(response.status, body);
    return body as T;
  }

  /** GETs a file (a CSV export) with the name the server gives it; a link cannot carry the bearer token. */
  async download(path: string): Promise<{ blob: Blob; filename: string | null }> {
    const response = await this.authorised('GET', path, {});
    if (!response.ok) throw apiErrorFrom(response.status, await readBody(response));
    const disposition = response.headers.get('Content-Disposition') ?? '';
    return { blob: await response.blob(), filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
  }

  /** GET with If-None-Match, for pages that poll: a 304 costs the server no read. */
  async revalidate<T>(path: string, etag: string | null, options: Omit<RequestOptions, 'body' | 'headers'> = {}): Promise<Revalidated<T>> {
    const response = await this.authorised('GET', path, { ...options, headers: etag ? { 'If-None-Match': etag } : {} });
    if (response.status === 304) return { changed: false };
    const body = await readBody(response);
    if (!response.ok) throw apiErrorFrom(response.status, body);
    return { changed: true, data: body as T, etag: response.headers.get('ETag') };
  }

  private async authorised(method: HttpMethod, path: string, options: RequestOptions): Promise<Response> {
    let response = await this.send(method, path, options, this.tokens?.current() ?? null);
    if (response.status === 401 && this.tokens) {
      const renewed = await this.tokens.renew();
      if (renewed) response = await this.send(method, path, options, renewed);
      if (response.status === 401) this.onSignedOut();
    }
    return response;
  }

  private async send(method: HttpMethod, path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await fetch(path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: 'same-origin',
        keepalive: options.keepalive ?? false,
        // Our own If-None-Match must reach the server, and its 304 must reach us, untouched by the HTTP cache.
        cache: options.headers?.['If-None-Match'] ? 'no-store' : 'default',
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw networkError();
    }
  }
}
