// An API failure as a value the UI can show: what went wrong in words and whether retrying helps.
import type { ApiErrorBody, FieldError } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The first message for each field, for forms that show one message beside each input. */
  get messageByField(): Record<string, string> {
    const messages: Record<string, string> = {};
    for (const { field, message } of this.fields) messages[field] ??= message;
    return messages;
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

function isFieldError(entry: unknown): entry is FieldError {
  const candidate = entry as FieldError | null;
  return typeof candidate?.field === 'string' && typeof candidate.message === 'string';
}

export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    // A proxy's or an older server's body may carry something else here; only well-formed entries are shown.
    const fields = Array.isArray(body.error.fields) ? body.error.fields.filter(isFieldError) : [];
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
