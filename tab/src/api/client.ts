// The one way the tab talks to the API: openapi-fetch over the paths of /api/openapi.json
// (schema.d.ts, `npm run api:types`), so each call's path, parameters, body and answer are checked by
// `tsc -p tab`. Around it: the bearer token, one fresh sign-in and retry when the server answers 401,
// and refusals turned into ApiError values by `answerOf`.
import createClient, { type Client } from 'openapi-fetch';
import { apiErrorFrom, networkError } from './api-error';
import type { paths } from './schema';
import type { SetUpPaths, SignInPaths } from './types';

/** Where the client gets its bearer token; `renew` signs in again and returns null if it cannot. */
export interface TokenSource {
  current(): string | null;
  renew(): Promise<string | null>;
}

/** The API as the signed-in tab calls it: `api.GET('/api/cases/{caseId}/overview', { params: { path: { caseId } } })`. */
export type ApiClient = Client<paths, 'application/json'>;

/** The routes before sign-in (how to sign in; the development sign-in), which carry no token. */
export type SignInClient = Client<SignInPaths, 'application/json'>;

/** The first run's set-up: a signed-in person's token, but no member record behind it yet. */
export type SetUpClient = Client<SetUpPaths, 'application/json'>;

async function send(request: Request, token: string | null): Promise<Response> {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(request);
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw networkError();
  }
}

function authorisedFetch(tokens: TokenSource, onSignedOut: () => void): (request: Request) => Promise<Response> {
  return async (request) => {
    // A body can be read once: the copy is what a retry after a fresh sign-in sends.
    const retry = request.clone();
    const response = await send(request, tokens.current());
    if (response.status !== 401) return response;
    const renewed = await tokens.renew();
    const second = renewed ? await send(retry, renewed) : response;
    if (second.status === 401) onSignedOut();
    return second;
  };
}

const JSON_ACCEPTED = { Accept: 'application/json' };

/** Where the API is: the tab's own origin unless told (a test outside the browser names it). */
export interface ApiLocation {
  baseUrl?: string;
}

export function createApiClient(
  tokens: TokenSource,
  /** Called when a 401 survives a fresh sign-in, so the session can ask the user to sign in. */
  onSignedOut: () => void,
  { baseUrl = '' }: ApiLocation = {},
): ApiClient {
  return createClient<paths, 'application/json'>({ baseUrl, fetch: authorisedFetch(tokens, onSignedOut), headers: JSON_ACCEPTED });
}

export function createSetUpClient(tokens: TokenSource, onSignedOut: () => void, { baseUrl = '' }: ApiLocation = {}): SetUpClient {
  return createClient<SetUpPaths, 'application/json'>({ baseUrl, fetch: authorisedFetch(tokens, onSignedOut), headers: JSON_ACCEPTED });
}

export function createSignInClient({ baseUrl = '' }: ApiLocation = {}): SignInClient {
  return createClient<SignInPaths, 'application/json'>({ baseUrl, fetch: (request) => send(request, null), headers: JSON_ACCEPTED });
}

/** What an openapi-fetch call resolves to: the success body, or the refusal's body, and the response. */
export interface Outcome<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The answer of a call that succeeded; a refusal (4xx, 5xx) is thrown as an ApiError. */
export async function answerOf<Data>(pending: Promise<Outcome<Data>>): Promise<Data> {
  const { data, error, response } = await pending;
  if (!response.ok) throw apiErrorFrom(response.status, error);
  // A route that answers JSON always sends a body with its success; calls to routes that answer none use `succeeded`.
  return data as Data;
}

/** Resolves once a call has succeeded, for calls whose answer the page does not read. */
export async function succeeded(pending: Promise<Outcome<unknown>>): Promise<void> {
  const { error, response } = await pending;
  if (!response.ok) throw apiErrorFrom(response.status, error);
}

/** A conditional GET's answer: unchanged since the tag sent, or the new body and its tag. */
export type Revalidated<T> = { changed: false } | { changed: true; data: T; etag: string | null };

/**
 * The options of a GET that sends If-None-Match, for pages that poll: a 304 costs the server no read.
 * Our own tag must reach the server, and its 304 reach us, untouched by the HTTP cache.
 */
export function ifChangedSince(etag: string | null) {
  const headers: Record<string, string> = etag ? { 'If-None-Match': etag } : {};
  return { headers, cache: 'no-store' as const };
}

export async function revalidated<Data>(pending: Promise<Outcome<Data>>): Promise<Revalidated<Data>> {
  const { data, error, response } = await pending;
  if (response.status === 304) return { changed: false };
  if (!response.ok) throw apiErrorFrom(response.status, error);
  return { changed: true, data: data as Data, etag: response.headers.get('ETag') };
}

/** A file (a CSV export) with the name the server gives it; a plain link could not carry the bearer token. */
export async function downloaded(pending: Promise<Outcome<Blob>>): Promise<{ blob: Blob; filename: string | null }> {
  const { data, error, response } = await pending;
  if (!response.ok || data === undefined) throw apiErrorFrom(response.status, error);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return { blob: data, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}
