// The answers of the routes in routes/governance.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';

/** GET /api/governance/figures */
export const readGovernanceFiguresAnswer = z.strictObject({
  period: z.strictObject({
    from: z.string(),
    to: z.string(),
  }),
  asOf: z.string(),
  suppressed: z.boolean(),
  actionsByAgency: z.array(
    z.strictObject({
      agency: z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      set: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
      completed: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
      completionRate: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
      medianDaysToComplete: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
      overdue: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
    }),
  ),
  actionTotals: z.strictObject({
    set: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    completed: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    completionRate: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    medianDaysToComplete: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    overdue: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  }),
  casesByRiskBand: z.array(
    z.strictObject({
      band: z.enum(['LOW', 'MEDIUM', 'HIGH', 'UNASSESSED']),
      cases: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
    }),
  ),
  riskChange: z.strictObject({
    closed: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    reduced: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    unchanged: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    increased: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    unknown: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  }),
  toolsAndPowers: z.array(
    z.strictObject({
      type: z.enum([
        'WARNING_LETTER',
        'ACCEPTABLE_BEHAVIOUR_CONTRACT',
        'MEDIATION',
        'COMMUNITY_REMEDY',
        'COMMUNITY_PROTECTION_WARNING',
        'COMMUNITY_PROTECTION_NOTICE',
        'CIVIL_INJUNCTION',
        'CRIMINAL_BEHAVIOUR_ORDER',
        'DISPERSAL_DIRECTION',
        'PUBLIC_SPACES_PROTECTION_ORDER',
        'CLOSURE_NOTICE',
        'CLOSURE_ORDER',
        'ABSOLUTE_POSSESSION',
        'SUPPORT_REFERRAL',
      ]),
      name: z.string(),
      used: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
    }),
  ),
  referralsBySourceAgency: z.array(
    z.strictObject({
      agency: z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      referrals: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
    }),
  ),
  repeatReferrals: z.strictObject({
    referrals: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    repeats: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
    rate: z.strictObject({
      value: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  }),
});
