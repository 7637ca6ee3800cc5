// A change a member attempted and was refused is itself worth knowing: repeated attempts to lower
// a risk band or to act beyond a role are what an auditor looks for. The refusal rolls back the
// work, so the attempt is audited in a transaction of its own, after the fact.
import { inTransaction, type ServiceContext } from './context';
import { audit } from './audit';
import { ServiceError } from './errors';

export const REFUSED_ATTEMPT_EVENT = 'attempt.refused';

export interface RefusedAttempt {
  /** What was attempted, without personal data: "POST /api/actions/:id/accept", "card action.complete", "command refer". */
  attempted: string;
  entityType: string;
  entityId?: string | null | undefined;
}

// A refusal rethrown from an inner handler to an outer one is still one attempt.
const alreadyAudited = new WeakSet<ServiceError>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refusals on policy grounds: the role, a stale version, a rule of the domain. A typo in a form is not one. */
export function isAuditedRefusal(error: unknown): error is ServiceError {
  return error instanceof ServiceError && (error.code === 'FORBIDDEN' || error.code === 'CONFLICT' || error.refusal !== undefined);
}

/**
 * Writes `attempt.refused` with who (the audit row's actor), what (the attempt) and why (a reason
 * code and the names of the refused fields: never the message, which may quote what was typed).
 */
export async function recordRefusedAttempt(ctx: ServiceContext, attempt: RefusedAttempt, error: ServiceError): Promise<void> {
  if (alreadyAudited.has(error)) return;
  alreadyAudited.add(error);
  await inTransaction(ctx, (tx) =>
    audit(tx, ctx, {
      event: REFUSED_ATTEMPT_EVENT,
      entityType: attempt.entityType,
      // Only a well-formed id is recorded: a refused request may carry anything in its path.
      entityId: attempt.entityId && UUID.test(attempt.entityId) ? attempt.entityId.toLowerCase() : null,
      after: {
        attempted: attempt.attempted,
        reason: error.refusal ?? error.code,
        ...(error.fieldErrors.length > 0 ? { fields: error.fieldErrors.map((field) => field.field) } : {}),
      },
    }),
  );
}
