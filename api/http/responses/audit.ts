// The answers of the routes in routes/audit.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';

/** GET /api/audit */
export const searchAuditTrailAnswer = z.strictObject({
  events: z.array(
    z.strictObject({
      seq: z.string(),
      at: z.string(),
      actorKind: z.enum(['MEMBER', 'SYSTEM']),
      actor: z
        .strictObject({
          id: z.string(),
          displayName: z.string(),
        })
        .nullable(),
      event: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
      requestId: z.string().nullable(),
      hash: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

/** GET /api/audit/verify */
export const checkAuditTrailAnswer = z.strictObject({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z
    .strictObject({
      seq: z.string(),
      reason: z.enum(['HASH_MISMATCH', 'LINK_MISMATCH']),
    })
    .optional(),
});
