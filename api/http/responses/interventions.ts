// The answers of the routes in routes/interventions.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';

/** GET /api/interventions/catalogue */
export const getInterventionsCatalogueAnswer = z.array(
  z.strictObject({
    issuingAgencies: z.strictObject({
      agencies: z.union([
        z.literal('ANY'),
        z
          .array(
            z.enum([
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
          )
          .readonly(),
      ]),
      onCondition: z
        .strictObject({
          POLICE: z.string().optional(),
          COUNCIL_ASB: z.string().optional(),
          HOUSING_PROVIDER: z.string().optional(),
          ADULT_SOCIAL_CARE: z.string().optional(),
          CHILDRENS_SOCIAL_CARE: z.string().optional(),
          MENTAL_HEALTH: z.string().optional(),
          HEALTH: z.string().optional(),
          FIRE: z.string().optional(),
          VICTIM_SUPPORT: z.string().optional(),
          YOUTH_JUSTICE: z.string().optional(),
          PROBATION: z.string().optional(),
          DRUG_ALCOHOL: z.string().optional(),
          EDUCATION: z.string().optional(),
          OTHER: z.string().optional(),
        })
        .optional(),
    }),
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
    kind: z.enum(['SUPPORT', 'EARLY_INTERVENTION', 'OUT_OF_COURT', 'ENFORCEMENT']),
    legislation: z.string().nullable(),
    targets: z.array(z.enum(['PERSON', 'BUSINESS_OR_ORGANISATION', 'PREMISES', 'PUBLIC_PLACE', 'TENANCY'])).readonly(),
    whoMayIssue: z.string(),
    test: z.string(),
    minimumAge: z.number().nullable(),
    underAgeAdvice: z.string().optional(),
    duration: z.strictObject({
      inWords: z.string(),
      required: z.boolean(),
      untilFurtherOrder: z.enum(['ALLOWED_FOR_ADULTS', 'NOT_ALLOWED']),
      minimum: z
        .strictObject({
          amount: z.number(),
          unit: z.enum(['HOURS', 'DAYS', 'MONTHS', 'YEARS']),
        })
        .optional(),
      minimumUnder18: z
        .strictObject({
          amount: z.number(),
          unit: z.enum(['HOURS', 'DAYS', 'MONTHS', 'YEARS']),
        })
        .optional(),
      maximum: z
        .strictObject({
          amount: z.number(),
          unit: z.enum(['HOURS', 'DAYS', 'MONTHS', 'YEARS']),
        })
        .optional(),
      maximumUnder18: z
        .strictObject({
          amount: z.number(),
          unit: z.enum(['HOURS', 'DAYS', 'MONTHS', 'YEARS']),
        })
        .optional(),
      maximumWhenExtended: z
        .strictObject({
          amount: z.number(),
          unit: z.enum(['HOURS', 'DAYS', 'MONTHS', 'YEARS']),
        })
        .optional(),
    }),
    breach: z.string(),
    requires: z.array(z.enum(['CLOSURE_NOTICE', 'EARLIER_CPW', 'CONVICTION', 'POSSESSION_CONDITION'])).readonly(),
    rung: z.number().nullable(),
  }),
);

/** POST /api/cases/:caseId/interventions */
export const recordInterventionAnswer = z.strictObject({
  id: z.string(),
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
  status: z.enum(['PROPOSED', 'ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED', 'WITHDRAWN']),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  cautions: z.array(z.string()),
  breach: z.string(),
});

/** PATCH /api/interventions/:interventionId */
export const changeInterventionStatusAnswer = z.strictObject({
  id: z.string(),
  status: z.enum(['PROPOSED', 'ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED', 'WITHDRAWN']),
  issuedOn: z.string().nullable(),
});

/** GET /api/people/:personId/interventions */
export const readPerpetratorInterventionsAnswer = z.strictObject({
  person: z.strictObject({
    id: z.string(),
    name: z.string(),
    dateOfBirth: z.string().nullable(),
  }),
  interventions: z.array(
    z.strictObject({
      id: z.string(),
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
      kind: z.enum(['SUPPORT', 'EARLY_INTERVENTION', 'OUT_OF_COURT', 'ENFORCEMENT']),
      status: z.enum(['PROPOSED', 'ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED', 'WITHDRAWN']),
      issuedOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
      issuedBy: z.string(),
      case: z.strictObject({
        id: z.string(),
        reference: z.string(),
      }),
      conditions: z.string().nullable(),
      proportionalityNote: z.string().nullable(),
      supportOffered: z.string().nullable(),
      breachNote: z.string().nullable(),
    }),
  ),
  ladder: z.strictObject({
    steps: z.array(
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
        issuedOn: z.string(),
        breached: z.boolean(),
      }),
    ),
    nextSteps: z.array(
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
        why: z.string(),
      }),
    ),
  }),
});
