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

const ROLE = z.enum(['PARTNERSHIP_ADMIN', 'PANEL_CHAIR', 'PANEL_MEMBER', 'REFERRER', 'AUDITOR', 'MINUTE_TAKER']);

/** A member as the admin manages them. */
export const memberAnswer = z.strictObject({
  id: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  jobTitle: z.string().nullable(),
  tenantId: z.string(),
  entraObjectId: z.string(),
  agency: z.strictObject({ id: z.string(), name: z.string() }),
  roles: z.array(ROLE),
  isActive: z.boolean(),
  unfinishedActions: z.number(),
});

/** GET /api/members */
export const listMembersAnswer = z.array(memberAnswer);

/** GET /api/directory/people */
export const directoryPeopleAnswer = z.array(
  z.strictObject({
    tenantId: z.string(),
    entraObjectId: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    userPrincipalName: z.string(),
    jobTitle: z.string().nullable(),
    isGuest: z.boolean(),
    memberId: z.string().nullable(),
  }),
);
