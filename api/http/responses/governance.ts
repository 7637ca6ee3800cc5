// The answers of the routes in routes/governance.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { figureCell } from './wire';

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
      set: figureCell,
      completed: figureCell,
      completionRate: figureCell,
      medianDaysToComplete: figureCell,
      overdue: figureCell,
    }),
  ),
  actionTotals: z.strictObject({
    set: figureCell,
    completed: figureCell,
    completionRate: figureCell,
    medianDaysToComplete: figureCell,
    overdue: figureCell,
  }),
  casesByRiskBand: z.array(
    z.strictObject({
      band: z.enum(['LOW', 'MEDIUM', 'HIGH', 'UNASSESSED']),
      cases: figureCell,
    }),
  ),
  riskChange: z.strictObject({
    closed: figureCell,
    reduced: figureCell,
    unchanged: figureCell,
    increased: figureCell,
    unknown: figureCell,
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
      used: figureCell,
    }),
  ),
  referralsBySourceAgency: z.array(
    z.strictObject({
      agency: z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      referrals: figureCell,
    }),
  ),
  repeatReferrals: z.strictObject({
    referrals: figureCell,
    repeats: figureCell,
    rate: figureCell,
  }),
});
