// Errors a use case refuses with: a code a program can branch on and a message a user can act on.
// The HTTP edge maps codes to statuses (api/http/errors.ts) and the bot turns them into cards.

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL';

/** Why a change was refused on policy grounds, as recorded by the audit of refused attempts (no personal data). */
export type RefusalReason = 'STALE_VERSION' | 'JUDGEMENT_CANNOT_LOWER_RISK' | 'JUDGEMENT_DOES_NOT_RAISE' | 'CHASE_TOO_SOON';

export interface FieldError {
  field: string;
  message: string;
}

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** Set when policy, not a slip of the keyboard, refused a change: names why, for the audit of the attempt. */
    readonly refusal?: RefusalReason,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * One answer for "missing" and "not yours": telling them apart would let a member learn that a case
 * about someone exists in another agency's caseload.
 */
export function notFound(what: string): ServiceError {
  return new ServiceError('NOT_FOUND', `There is no ${what} with that id, or you may not see it.`);
}

export function forbidden(doing: string): ServiceError {
  return new ServiceError('FORBIDDEN', `Your role does not allow you to ${doing}.`);
}

export function validationFailed(fieldErrors: FieldError[], message = 'Some fields need attention.'): ServiceError {
  return new ServiceError('VALIDATION_FAILED', message, fieldErrors);
}

export function conflict(message: string): ServiceError {
  return new ServiceError('CONFLICT', message);
}

/** The change was drawn from a version someone else has since changed. */
export function staleVersion(message: string): ServiceError {
  return new ServiceError('CONFLICT', message, [], 'STALE_VERSION');
}

/** Input that is well-formed but that policy refuses, e.g. judgement lowering a risk band. */
export function refusedByPolicy(refusal: RefusalReason, fieldErrors: FieldError[], message?: string): ServiceError {
  return new ServiceError('VALIDATION_FAILED', message ?? 'Some fields need attention.', fieldErrors, refusal);
}
