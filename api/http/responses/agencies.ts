// The answers of the routes in routes/agencies.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { AgencyType } from '../../store/generated/enums';
import { isoDateTime } from './wire';

export const AGENCY_TYPES = Object.values(AgencyType) as [AgencyType, ...AgencyType[]];

export const agencyAnswer = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(AGENCY_TYPES),
  guestTenantId: z.string().nullable(),
  isActive: z.boolean(),
  activeMembers: z.number(),
  createdAt: isoDateTime,
});

/** GET /api/agencies */
export const listAgenciesAnswer = z.array(agencyAnswer);
