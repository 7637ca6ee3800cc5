// The answers of the routes in routes/me.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { CAPABILITY_NAMES } from '../../domain/access/policy';

/** GET /api/me */
export const getMeAnswer = z.strictObject({
  capabilities: z.array(z.enum(CAPABILITY_NAMES)),
  signIn: z.enum(['entra', 'development']),
  id: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(['PARTNERSHIP_ADMIN', 'PANEL_CHAIR', 'PANEL_MEMBER', 'REFERRER', 'AUDITOR', 'MINUTE_TAKER'])),
  partnership: z.strictObject({
    id: z.string(),
    name: z.string(),
  }),
  agency: z.strictObject({
    id: z.string(),
    name: z.string(),
    type: z.enum([
      'POLICE',
      'COUNCIL_ASB',
      'HOUSING_PROVIDER',
      'ADULT_SOCIAL_CARE',
      'CHILDRENS_SOCIAL_CARE',
      'MENTAL_HEALTH',
      'HEALTH',
      'FIRE',
      'VICTIM_SUPPORT',
      'YOUTH_JUSTICE',
      'PROBATION',
      'DRUG_ALCOHOL',
      'EDUCATION',
      'OTHER',
    ]),
  }),
});
