// The answers of the routes in routes/case-records.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime, storedJson } from './wire';

/** GET /api/people */
export const searchPeopleAnswer = z.strictObject({
  candidates: z.array(
    z.strictObject({
      id: z.string(),
      givenName: z.string(),
      familyName: z.string(),
      dateOfBirth: z.string().nullable(),
      score: z.number(),
      reason: z.string(),
    }),
  ),
  /** Someone matched whom the member may not be told about: ask the chair or coordinator. */
  undisclosedMatch: z.boolean(),
  advice: z.string().optional(),
});

/** GET /api/locations */
export const searchLocationsAnswer = z.strictObject({
  candidates: z.array(
    z.strictObject({
      id: z.string(),
      address: z.string(),
      town: z.string(),
      postcode: z.string(),
      ward: z.string(),
      score: z.number(),
      reason: z.string(),
    }),
  ),
  /** A home on a case the member may not see matched: it is not shown; ask the chair or coordinator. */
  undisclosedMatch: z.boolean(),
  advice: z.string().optional(),
});

/** GET /api/people/:personId */
export const readPersonAnswer = z.strictObject({
  id: z.string(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  vulnerabilities: z.array(z.string()),
  cases: z.array(
    z.strictObject({
      role: z.enum(['VICTIM', 'PERPETRATOR', 'WITNESS']),
      id: z.string(),
      status: z.enum(['OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED']),
      reference: z.string(),
      kind: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
    }),
  ),
});

/** GET /api/locations/:locationId */
export const readLocationAnswer = z.strictObject({
  cases: z.array(
    z.strictObject({
      id: z.string(),
      status: z.enum(['OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED']),
      reference: z.string(),
      kind: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
    }),
  ),
  id: z.string(),
  kind: z.enum(['OTHER', 'DWELLING', 'PUBLIC_SPACE', 'BUSINESS']),
  addressLine1: z.string(),
  town: z.string(),
  postcode: z.string(),
  ward: z.string(),
  addressLine2: z.string().nullable(),
});

/** GET /api/incidents */
export const searchIncidentsAnswer = z.strictObject({
  incidents: z.array(
    z.strictObject({
      id: z.string(),
      description: z.string(),
      case: z
        .strictObject({
          id: z.string(),
          reference: z.string(),
        })
        .nullable(),
      occurredAt: isoDateTime,
      category: z.enum(['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL']),
      location: z
        .strictObject({
          id: z.string(),
          addressLine1: z.string(),
          ward: z.string(),
        })
        .nullable(),
      reportedAt: isoDateTime,
      sourceReference: z.string().nullable(),
      reportedToAgency: z
        .strictObject({
          id: z.string(),
          name: z.string(),
        })
        .nullable(),
    }),
  ),
});

/** POST /api/cases/:caseId/incidents */
export const recordIncidentAnswer = z.strictObject({
  incident: z.strictObject({
    id: z.string(),
    description: z.string(),
    people: z.array(
      z.strictObject({
        role: z.enum(['VICTIM', 'PERPETRATOR', 'WITNESS']),
        personId: z.string(),
      }),
    ),
    occurredAt: isoDateTime,
    category: z.enum(['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL']),
    locationId: z.string().nullable(),
    reportedAt: isoDateTime,
    sourceReference: z.string().nullable(),
  }),
  communityTrigger: z.strictObject({
    thresholdMet: z.boolean(),
    people: z.array(
      z.strictObject({
        met: z.boolean(),
        required: z.number(),
        qualifying: z.number(),
        explanation: z.string(),
        personId: z.string(),
        name: z.string(),
      }),
    ),
    locations: z.array(
      z.strictObject({
        met: z.boolean(),
        required: z.number(),
        qualifying: z.number(),
        explanation: z.string(),
        locationId: z.string(),
        address: z.string(),
      }),
    ),
  }),
});

/** GET /api/cases/:caseId/assessments */
export const listCaseAssessmentsAnswer = z.strictObject({
  assessments: z.array(
    z.strictObject({
      id: z.string(),
      assessedAt: isoDateTime,
      subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      score: z.number(),
      calculatedBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      overrideBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      finalBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      overrideReason: z.string().nullable(),
      assessedBy: z.strictObject({
        id: z.string(),
        displayName: z.string(),
      }),
      referralId: z.string().nullable(),
      answers: storedJson,
      reasons: z.array(z.string()),
      supersedesId: z.string().nullable(),
      template: z.strictObject({
        id: z.string(),
        name: z.string(),
        version: z.number(),
      }),
    }),
  ),
});

/** POST /api/cases/:caseId/assessments */
export const reassessCaseAnswer = z.strictObject({
  id: z.string(),
  assessedAt: isoDateTime,
  subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
  score: z.number(),
  calculatedBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
  overrideBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
  finalBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
  overrideReason: z.string().nullable(),
  assessedBy: z.strictObject({
    id: z.string(),
    displayName: z.string(),
  }),
  referralId: z.string().nullable(),
  answers: storedJson,
  reasons: z.array(z.string()),
  supersedesId: z.string().nullable(),
  template: z.strictObject({
    id: z.string(),
    name: z.string(),
    version: z.number(),
  }),
});

/** GET /api/cases/:caseId/community-trigger */
export const readCaseCommunityTriggerAnswer = z.strictObject({
  thresholdMet: z.boolean(),
  people: z.array(
    z.strictObject({
      met: z.boolean(),
      required: z.number(),
      qualifying: z.number(),
      explanation: z.string(),
      personId: z.string(),
      name: z.string(),
    }),
  ),
  locations: z.array(
    z.strictObject({
      met: z.boolean(),
      required: z.number(),
      qualifying: z.number(),
      explanation: z.string(),
      locationId: z.string(),
      address: z.string(),
    }),
  ),
});

/** POST /api/case-reviews */
export const openCaseReviewAnswer = z.strictObject({
  review: z.strictObject({
    acknowledgeBy: z.string().nullable(),
    decisionDueBy: z.string().nullable(),
    reviewDueBy: z.string().nullable(),
    nextStep: z
      .strictObject({
        step: z.string(),
        dueBy: z.string(),
        overdue: z.boolean(),
        daysLeft: z.number(),
      })
      .nullable(),
    id: z.string(),
    status: z.enum(['CLOSED', 'RECEIVED', 'ACKNOWLEDGED', 'THRESHOLD_MET', 'THRESHOLD_NOT_MET', 'REVIEW_HELD']),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    caseId: z.string().nullable(),
    locationId: z.string().nullable(),
    receivedAt: isoDateTime,
    outcome: z.string().nullable(),
    applicantPersonId: z.string().nullable(),
    qualifyingComplaints: z.number(),
  }),
  threshold: z.strictObject({
    met: z.boolean(),
    required: z.number(),
    qualifying: z.number(),
    explanation: z.string(),
  }),
});

/** GET /api/case-reviews/:reviewId */
export const readCaseReviewAnswer = z.strictObject({
  review: z.strictObject({
    acknowledgeBy: z.string().nullable(),
    decisionDueBy: z.string().nullable(),
    reviewDueBy: z.string().nullable(),
    nextStep: z
      .strictObject({
        step: z.string(),
        dueBy: z.string(),
        overdue: z.boolean(),
        daysLeft: z.number(),
      })
      .nullable(),
    id: z.string(),
    status: z.enum(['CLOSED', 'RECEIVED', 'ACKNOWLEDGED', 'THRESHOLD_MET', 'THRESHOLD_NOT_MET', 'REVIEW_HELD']),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    caseId: z.string().nullable(),
    locationId: z.string().nullable(),
    receivedAt: isoDateTime,
    outcome: z.string().nullable(),
    applicantPersonId: z.string().nullable(),
    qualifyingComplaints: z.number(),
  }),
});
