// The answers of the routes in routes/members.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime } from './wire';

const identity = z.strictObject({ tenantId: z.string(), entraObjectId: z.string() });

/** POST /api/members/:memberId/identities */
export const memberIdentitiesAnswer = z.strictObject({
  memberId: z.string(),
  primary: identity,
  others: z.array(identity.extend({ addedAt: isoDateTime })),
});
