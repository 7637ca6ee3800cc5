// The answers of the routes in routes/retention.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime, storedJson } from './wire';

/** GET /api/retention/settings */
export const readRetentionSettingsAnswer = z.strictObject({
  retentionReviewMonths: z.number(),
});

/** PUT /api/retention/settings */
export const changeRetentionPeriodAnswer = z.strictObject({
  retentionReviewMonths: z.number(),
  casesRedated: z.number(),
});

/** GET /api/retention/due */
export const listCasesDueForReviewAnswer = z.strictObject({
  today: z.string(),
  retentionReviewMonths: z.number(),
  cases: z.array(
    z.strictObject({
      id: z.string(),
      reference: z.string(),
      kind: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      closedOn: z.string(),
      reviewOn: z.string(),
      currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      leadAgency: z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      counts: z.strictObject({
        locations: z.number(),
        incidents: z.number(),
        actions: z.number(),
        subjects: z.number(),
      }),
    }),
  ),
});

/** POST /api/retention/cases/:caseId/anonymise */
export const anonymiseCaseAnswer = z.strictObject({
  caseId: z.string(),
  anonymisedPeople: z.number(),
  anonymisedPlaces: z.number(),
  keptPeopleIds: z.array(z.string()),
  keptPlaceIds: z.array(z.string()),
});

/** GET /api/people/:personId/subject-access */
export const exportSubjectAccessAnswer = z.strictObject({
  exportedAt: z.string(),
  person: z.strictObject({
    id: z.string(),
    email: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    dateOfBirth: isoDateTime.nullable(),
    vulnerabilities: z.array(z.string()),
    anonymisedAt: isoDateTime.nullable(),
    givenName: z.string(),
    familyName: z.string(),
    phone: z.string().nullable(),
  }),
  restrictedNotes: z.strictObject({
    healthNotes: z.string().nullable(),
    safeguardingNotes: z.string().nullable(),
    intelligenceNotes: z.string().nullable(),
  }),
  cases: z.array(
    z.strictObject({
      leadAgency: z.string(),
      role: z.enum(['VICTIM', 'PERPETRATOR', 'WITNESS']),
      addedAt: isoDateTime,
      id: z.string(),
      status: z.enum(['OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED']),
      reference: z.string(),
      kind: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      summary: z.string().nullable(),
      openedAt: isoDateTime,
      closedAt: isoDateTime.nullable(),
      closureReason: z.string().nullable(),
    }),
  ),
  places: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['OTHER', 'DWELLING', 'PUBLIC_SPACE', 'BUSINESS']),
      addressLine1: z.string(),
      town: z.string(),
      postcode: z.string(),
      ward: z.string(),
      anonymisedAt: isoDateTime.nullable(),
      addressLine2: z.string().nullable(),
    }),
  ),
  incidents: z.array(
    z.strictObject({
      role: z.enum(['VICTIM', 'PERPETRATOR', 'WITNESS']),
      id: z.string(),
      description: z.string(),
      caseId: z.string().nullable(),
      occurredAt: isoDateTime,
      category: z.enum(['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL']),
      reportedAt: isoDateTime,
      sourceReference: z.string().nullable(),
    }),
  ),
  referrals: z.array(
    z.strictObject({
      referrerAgency: z.string(),
      id: z.string(),
      status: z.enum(['ACCEPTED', 'WITHDRAWN', 'DRAFT', 'SUBMITTED', 'DECLINED']),
      caseId: z.string().nullable(),
      subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      personId: z.string().nullable(),
      reason: z.string().nullable(),
      criteriaMet: z.array(
        z.enum(['REPEAT_REFERRAL', 'VISIBLE_HIGH_RISK', 'POTENTIAL_ESCALATION', 'PROFESSIONAL_JUDGEMENT', 'REPEAT_VICTIMISATION']),
      ),
      route: z.enum(['LEAD_AGENCY_CASEWORK', 'PANEL', 'ADVICE_AND_CLOSURE']).nullable(),
      submittedAt: isoDateTime.nullable(),
      decidedAt: isoDateTime.nullable(),
      declineReason: z.string().nullable(),
    }),
  ),
  assessments: z.array(
    z.strictObject({
      id: z.string(),
      caseId: z.string().nullable(),
      assessedAt: isoDateTime,
      subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      score: z.number(),
      finalBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      overrideReason: z.string().nullable(),
      personId: z.string().nullable(),
      answers: storedJson,
      reasons: z.array(z.string()),
    }),
  ),
  actions: z.array(
    z.strictObject({
      ownerAgency: z.string(),
      id: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      status: z.enum(['IN_PROGRESS', 'CANCELLED', 'PROPOSED', 'ACCEPTED', 'COMPLETED', 'BLOCKED']),
      caseId: z.string(),
      dueDate: isoDateTime,
      completedAt: isoDateTime.nullable(),
      progressNote: z.string().nullable(),
    }),
  ),
  agendaItems: z.array(
    z.strictObject({
      meetingStartsAt: isoDateTime,
      panel: z.string(),
      id: z.string(),
      caseId: z.string(),
      reasonText: z.string(),
      decisions: z.string().nullable(),
      riskBandAfter: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      caseDecision: z.enum(['LEAD_AGENCY_CASEWORK', 'KEEP_ON', 'CLOSE']).nullable(),
    }),
  ),
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
      status: z.enum(['PROPOSED', 'ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED', 'WITHDRAWN']),
      caseId: z.string(),
      issuedOn: isoDateTime.nullable(),
      expiresOn: isoDateTime.nullable(),
      conditions: z.string().nullable(),
      supportOffered: z.string().nullable(),
      breachNote: z.string().nullable(),
    }),
  ),
  consent: z.array(
    z.strictObject({
      id: z.string(),
      caseId: z.string().nullable(),
      consent: z.enum(['WITHDRAWN', 'GIVEN', 'REFUSED', 'NOT_SOUGHT', 'NOT_REQUIRED']),
      regime: z.enum(['UK_GDPR_DPA_PART_2', 'DPA_PART_3_LAW_ENFORCEMENT']),
      lawfulBasis: z.enum(['PUBLIC_TASK', 'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'CONSENT', 'LAW_ENFORCEMENT']),
      justification: z.string().nullable(),
      recordedAt: isoDateTime,
    }),
  ),
  communityTriggerReviews: z.array(
    z.strictObject({
      id: z.string(),
      status: z.enum(['CLOSED', 'RECEIVED', 'ACKNOWLEDGED', 'THRESHOLD_MET', 'THRESHOLD_NOT_MET', 'REVIEW_HELD']),
      receivedAt: isoDateTime,
      outcome: z.string().nullable(),
    }),
  ),
  viewedBy: z.array(
    z.strictObject({
      at: isoDateTime,
      event: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      member: z.string().nullable(),
      agency: z.string().nullable(),
    }),
  ),
});
