// The answers of the routes in routes/referrals.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime } from './wire';

/** The draft as the form saved it. The form keeps its own fields in it too (referral-schemas.ts accepts them). */
const referralDraftAnswer = z.looseObject({
  step: z.string().optional(),
  subject: z
    .strictObject({
      givenName: z.string().optional(),
      familyName: z.string().optional(),
      dateOfBirth: z.string().optional(),
      address: z.string().optional(),
      town: z.string().optional(),
      postcode: z.string().optional(),
      ward: z.string().optional(),
    })
    .optional(),
  match: z
    .strictObject({
      personId: z.string().optional(),
      locationId: z.string().optional(),
      confirmedNew: z.boolean().optional(),
    })
    .optional(),
  concerns: z.string().optional(),
  answers: z.record(z.string(), z.string()).optional(),
  judgement: z
    .strictObject({
      band: z.enum(['LOW', 'MEDIUM', 'HIGH']).optional(),
      reason: z.string().optional(),
    })
    .optional(),
});

/** A referral as each referral route answers with it: POST /api/referrals, GET/PUT/withdraw/decide /api/referrals/:referralId. */
export const referralAnswer = z.strictObject({
  id: z.string(),
  subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
  status: z.enum(['ACCEPTED', 'WITHDRAWN', 'DRAFT', 'SUBMITTED', 'DECLINED']),
  referrer: z.strictObject({
    id: z.string(),
    displayName: z.string(),
  }),
  referrerAgency: z.strictObject({
    id: z.string(),
    name: z.string(),
  }),
  panel: z
    .strictObject({
      id: z.string(),
      name: z.string(),
      type: z.enum(['CMARAC', 'OFFENDER_PANEL', 'PROBLEM_SOLVING_FORUM']),
    })
    .nullable(),
  case: z
    .strictObject({
      nextReviewDue: z.string().nullable(),
      id: z.string(),
      status: z.enum(['OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED']),
      reference: z.string(),
      currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
    })
    .nullable(),
  person: z
    .union([
      z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      z.strictObject({
        id: z.string(),
        name: z.string(),
        dateOfBirth: z.string().nullable(),
      }),
    ])
    .nullable(),
  location: z
    .union([
      z.strictObject({
        id: z.string(),
        address: z.string(),
      }),
      z.strictObject({
        id: z.string(),
        address: z.string(),
        town: z.string(),
        postcode: z.string(),
      }),
    ])
    .nullable(),
  draft: referralDraftAnswer.nullable(),
  concerns: z.string().nullable(),
  criteriaMet: z.array(
    z.enum(['REPEAT_REFERRAL', 'VISIBLE_HIGH_RISK', 'POTENTIAL_ESCALATION', 'PROFESSIONAL_JUDGEMENT', 'REPEAT_VICTIMISATION']),
  ),
  route: z.enum(['LEAD_AGENCY_CASEWORK', 'PANEL', 'ADVICE_AND_CLOSURE']).nullable(),
  routingExplanation: z.string().nullable(),
  /** The partnership's rules that decided the referral when it was submitted; null for a draft. */
  rulesApplied: z
    .strictObject({
      escalation: z.strictObject({ incidents: z.number(), withinDays: z.number() }),
      repeatVictimisationRules: z.array(z.strictObject({ incidents: z.number(), withinDays: z.number() })),
      repeatReferralWithinDays: z.number(),
      review: z.strictObject({ highRiskReviewDays: z.number(), mediumRiskReviewDays: z.number() }),
    })
    .nullable(),
  submittedAt: isoDateTime.nullable(),
  decidedAt: isoDateTime.nullable(),
  decidedBy: z
    .strictObject({
      id: z.string(),
      displayName: z.string(),
    })
    .nullable(),
  declineReason: z.string().nullable(),
  withdrawnAt: isoDateTime.nullable(),
  withdrawnBy: z
    .strictObject({
      id: z.string(),
      displayName: z.string(),
    })
    .nullable(),
  withdrawalReason: z.string().nullable(),
  /** The version a triage decision must name (expectedVersion); a stale one is refused with 409. */
  version: z.number(),
  /** Sent to another panel (it then awaits that panel's chairs), or to the lead agency's casework. */
  redirect: z.enum(['PANEL', 'LEAD_AGENCY_CASEWORK']).nullable(),
  redirectedAt: isoDateTime.nullable(),
  redirectedFrom: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  redirectReason: z.string().nullable(),
  assessments: z.array(
    z.strictObject({
      id: z.string(),
      assessedAt: isoDateTime,
      score: z.number(),
      calculatedBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      overrideBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      finalBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      overrideReason: z.string().nullable(),
      reasons: z.array(z.string()),
      template: z.strictObject({
        id: z.string(),
        name: z.string(),
        version: z.number(),
      }),
    }),
  ),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** GET /api/referrals: the referrals without their assessments, each with its final band. */
export const listReferralsAnswer = z.strictObject({
  referrals: z.array(
    referralAnswer.omit({ assessments: true, draft: true }).extend({
      finalBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      draft: referralDraftAnswer.nullable().optional(),
    }),
  ),
});

/** POST /api/referrals/:referralId/submit */
export const submitReferralAnswer = z.strictObject({
  referral: referralAnswer,
  result: z.strictObject({
    score: z.number(),
    maximumScore: z.number(),
    threshold: z.number(),
    calculatedBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
    finalBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
    reasons: z.array(z.string()),
    criteria: z.array(
      z.strictObject({
        criterion: z.enum(['REPEAT_REFERRAL', 'VISIBLE_HIGH_RISK', 'POTENTIAL_ESCALATION', 'PROFESSIONAL_JUDGEMENT']),
        because: z.string(),
      }),
    ),
    route: z.enum(['LEAD_AGENCY_CASEWORK', 'PANEL', 'ADVICE_AND_CLOSURE']),
    panel: z
      .strictObject({
        id: z.string(),
        name: z.string(),
      })
      .nullable(),
    explanation: z.string(),
    reviewDue: z.string().nullable(),
    case: z.strictObject({
      id: z.string(),
      reference: z.string(),
      status: z.enum(['OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED']),
    }),
  }),
});

/** GET /api/risk-templates */
export const listRiskTemplatesAnswer = z.strictObject({
  templates: z.array(
    z.strictObject({
      referralThreshold: z.number().optional(),
      bands: z
        .array(
          z.strictObject({
            band: z.enum(['LOW', 'MEDIUM', 'HIGH']),
            from: z.number(),
            to: z.number(),
          }),
        )
        .readonly()
        .optional(),
      questions: z
        .array(
          z.strictObject({
            id: z.string(),
            section: z.enum(['PERSONAL', 'SITUATIONAL', 'INCIDENTAL', 'HARM_AND_IMPACT']),
            topic: z.string(),
            wording: z.string(),
            helpText: z.string(),
            required: z.boolean(),
            options: z
              .array(
                z.strictObject({
                  id: z.string(),
                  label: z.string(),
                  weight: z.number(),
                }),
              )
              .readonly(),
          }),
        )
        .readonly()
        .optional(),
      id: z.string(),
      name: z.string(),
      version: z.number(),
      subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      isActive: z.boolean(),
      createdAt: isoDateTime,
      usable: z.boolean(),
    }),
  ),
});

/** GET /api/risk-templates/:templateId */
export const readRiskTemplateAnswer = z.strictObject({
  referralThreshold: z.number().optional(),
  bands: z
    .array(
      z.strictObject({
        band: z.enum(['LOW', 'MEDIUM', 'HIGH']),
        from: z.number(),
        to: z.number(),
      }),
    )
    .readonly()
    .optional(),
  questions: z
    .array(
      z.strictObject({
        id: z.string(),
        section: z.enum(['PERSONAL', 'SITUATIONAL', 'INCIDENTAL', 'HARM_AND_IMPACT']),
        topic: z.string(),
        wording: z.string(),
        helpText: z.string(),
        required: z.boolean(),
        options: z
          .array(
            z.strictObject({
              id: z.string(),
              label: z.string(),
              weight: z.number(),
            }),
          )
          .readonly(),
      }),
    )
    .readonly()
    .optional(),
  id: z.string(),
  name: z.string(),
  version: z.number(),
  subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
  isActive: z.boolean(),
  createdAt: isoDateTime,
  usable: z.boolean(),
});

const triageStatus = z.enum(['SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN']);

/** GET /api/referral-triage: the chair's panels with a count per status, and one panel's referrals in one status. */
export const triageQueueAnswer = z.strictObject({
  panels: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      type: z.enum(['CMARAC', 'OFFENDER_PANEL', 'PROBLEM_SOLVING_FORUM']),
      counts: z.strictObject({ SUBMITTED: z.number(), ACCEPTED: z.number(), DECLINED: z.number(), WITHDRAWN: z.number() }),
    }),
  ),
  panelId: z.string().nullable(),
  status: triageStatus,
  referrals: z.array(
    z.strictObject({
      id: z.string(),
      subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      status: z.enum(['ACCEPTED', 'WITHDRAWN', 'DRAFT', 'SUBMITTED', 'DECLINED']),
      version: z.number(),
      submittedAt: isoDateTime.nullable(),
      decidedAt: isoDateTime.nullable(),
      withdrawnAt: isoDateTime.nullable(),
      redirect: z.enum(['PANEL', 'LEAD_AGENCY_CASEWORK']).nullable(),
      redirectedFrom: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
      referrerAgency: z.strictObject({ id: z.string(), name: z.string() }),
      case: z.strictObject({ id: z.string(), reference: z.string() }).nullable(),
      finalBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
    }),
  ),
});

/** GET /api/referrals/:referralId/triage: the referral, what is missing from it, and whether the viewer may decide. */
export const referralTriageAnswer = z.strictObject({
  referral: referralAnswer,
  completeness: z.array(
    z.strictObject({
      item: z.enum(['SUBJECT', 'CONCERNS', 'RISK_ASSESSMENT', 'ASSESSMENT_ANSWERS', 'CASE', 'SHARING_BASIS']),
      message: z.string(),
    }),
  ),
  mayDecide: z.boolean(),
  redirectPanels: z.array(z.strictObject({ id: z.string(), name: z.string() })),
});
