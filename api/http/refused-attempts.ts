// Audits a change that a signed-in member attempted over HTTP and was refused on policy grounds,
// then hands the error on to be answered as usual.
import type { ErrorRequestHandler, Request } from 'express';
import type { Logger } from '../logger';
import type { ServiceContext } from '../services/context';
import { isAuditedRefusal, recordRefusedAttempt, type RefusedAttempt } from '../services/refused-attempts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Our paths are lower-case words; any other segment is an id or input and is not written down.
const PATH_WORD = /^[a-z][a-z.-]*$/;

/** "POST /api/actions/:id/accept" about the Action it names: the request's shape, none of its input. */
export function describeAttempt(req: Pick<Request, 'method' | 'originalUrl'>): RefusedAttempt {
  const segments = (req.originalUrl.split('?')[0] ?? '').split('/').filter((segment) => segment !== '');
  const idAt = segments.findIndex((segment) => UUID.test(segment));
  const collection = (idAt > 0 ? segments[idAt - 1] : segments[1]) ?? 'api';
  return {
    attempted: `${req.method} /${segments.map((segment) => (PATH_WORD.test(segment) ? segment : ':id')).join('/')}`,
    entityType: entityTypeOf(collection),
    entityId: idAt >= 0 ? segments[idAt] : null,
  };
}

/** "case-reviews" → "CaseReview", "people" → "Person": the audit trail's names for things. */
function entityTypeOf(collection: string): string {
  const singular = collection === 'people' ? 'person' : collection.replace(/ies$/, 'y').replace(/s$/, '');
  return singular
    .split(/[-.]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export function auditRefusedAttempts(logger: Logger): ErrorRequestHandler {
  return async (error: unknown, req, res, next) => {
    const ctx = (res.locals as { serviceContext?: ServiceContext }).serviceContext;
    if (ctx && !READS.has(req.method) && isAuditedRefusal(error)) {
      try {
        await recordRefusedAttempt(ctx, describeAttempt(req), error);
      } catch (failure) {
        // The member still gets the refusal; a lost audit row is logged, not turned into a 500.
        logger.error(
          { requestId: res.locals.requestId, failure: failure instanceof Error ? failure.name : typeof failure },
          'refused attempt not audited',
        );
      }
    }
    next(error);
  };
}
