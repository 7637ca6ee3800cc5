// Errors are values with a code, a message a user can act on, and an HTTP status mapped here, once.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { ServiceError, type ErrorCode, type FieldError } from '../services/errors';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

export function errorBody(code: ErrorCode, message: string, fieldErrors: FieldError[] = []) {
  return { error: { code, message, ...(fieldErrors.length > 0 ? { fields: fieldErrors } : {}) } };
}

// Connection-level failures from pg, PGlite or Prisma's driver adapters: the database is gone, not
// the request wrong.
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
  'P1001',
  'P1017',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && CONNECTION_ERROR_CODES.has(candidate.code)) return true;
    if (
      typeof candidate.message === 'string' &&
      /Connection terminated|connect ECONNREFUSED|Can't reach database|PGlite is closed/i.test(candidate.message)
    ) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json(errorBody('NOT_FOUND', 'There is nothing at this address.'));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof ServiceError) {
      res.status(statusOf(error.code)).json(errorBody(error.code, error.message, error.fieldErrors));
      return;
    }
    const bodyParserType = (error as { type?: unknown }).type;
    if (bodyParserType === 'entity.too.large') {
      res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
      return;
    }
    if (bodyParserType === 'entity.parse.failed') {
      res.status(400).json(errorBody('BAD_REQUEST', 'The request body is not valid JSON.'));
      return;
    }
    if (isDatabaseUnavailable(error)) {
      logger.error({ requestId: res.locals.requestId, path: req.path }, 'database unavailable');
      res.status(503).json(errorBody('DATABASE_UNAVAILABLE', 'The service cannot reach its database. Try again shortly.'));
      return;
    }
    // Log the error's class and stack only: messages from lower layers may quote personal data.
    const failure =
      error instanceof Error ? { type: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') } : { type: typeof error };
    logger.error({ requestId: res.locals.requestId, path: req.path, failure }, 'unhandled error');
    res.status(500).json(errorBody('INTERNAL', 'Something went wrong on our side. The error has been logged.'));
  };
}
