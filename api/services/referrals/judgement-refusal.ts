// Professional judgement that would lower (or not raise) a risk band is a policy refusal, audited as
// an attempt; a missing reason is an ordinary incomplete form.
import type { DomainError } from '../../domain/result';
import { refusedByPolicy, validationFailed, type RefusalReason, type ServiceError } from '../errors';

const POLICY_REFUSALS: ReadonlySet<string> = new Set<RefusalReason>(['JUDGEMENT_CANNOT_LOWER_RISK', 'JUDGEMENT_DOES_NOT_RAISE']);

export function judgementRefused(error: DomainError, message?: string): ServiceError {
  const fieldErrors = [{ field: `judgement.${error.field ?? 'band'}`, message: error.message }];
  return POLICY_REFUSALS.has(error.code)
    ? refusedByPolicy(error.code as RefusalReason, fieldErrors, message)
    : validationFailed(fieldErrors, message);
}
