// An API failure as a value the UI can show: what went wrong in words and whether retrying helps.
import type { ApiErrorBody } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Conflicts and bad input need the user to change something; the rest may pass on a second try. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: 'The app could not reach its server. Check your connection and try again.',
  401: 'You are not signed in.',
  403: 'You do not have access to this.',
  404: 'This could not be found. It may have been removed, or you may not have access to it.',
  429: 'Too many requests in a short time. Wait a moment and try again.',
  503: 'The service is not available right now. Try again in a minute.',
};

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as ApiErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const fields: Record<string, string> = {};
    // The first message per field is the one a form shows; a proxy's body may carry anything here.
    for (const entry of Array.isArray(body.error.fields) ? body.error.fields : []) {
      if (typeof entry?.field === 'string' && typeof entry.message === 'string') fields[entry.field] ??= entry.message;
    }
    return new ApiError(status, body.error.code, body.error.message, fields);
  }
  const message = FALLBACK_MESSAGES[status] ?? `The server could not complete the request (HTTP ${status}). Try again.`;
  return new ApiError(status, `http_${status}`, message);
}

export function networkError(): ApiError {
  return new ApiError(0, 'network', FALLBACK_MESSAGES[0] as string);
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'unexpected', error instanceof Error ? error.message : 'Something went wrong. Try again.');
}
