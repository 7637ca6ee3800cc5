// The answers of the routes in routes/case-overview.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime } from './wire';

/** The consent (or basis for sharing without it) in force for one person on a case. */
export const consentInForceAnswer = z.strictObject({
  id: z.string(),
  personId: z.string(),
  consent: z.enum(['GIVEN', 'REFUSED', 'NOT_SOUGHT', 'NOT_REQUIRED', 'WITHDRAWN']),
  lawfulBasis: z.enum(['PUBLIC_TASK', 'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'CONSENT', 'LAW_ENFORCEMENT']),
  regime: z.enum(['UK_GDPR_DPA_PART_2', 'DPA_PART_3_LAW_ENFORCEMENT']),
  justification: z.string().nullable(),
  recordedAt: isoDateTime,
  recordedBy: z.string(),
});

/** POST /api/cases/:caseId/consent */
export const recordCaseConsentAnswer = z.strictObject({ consent: z.array(consentInForceAnswer) });

/** GET /api/cases/:caseId/overview */
export const readCaseOverviewAnswer = z.strictObject({
  case: z.strictObject({
    id: z.string(),
    reference: z.string(),
    kind: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
    status: z.enum(['OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED']),
    currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
    summary: z.string().nullable(),
    leadAgency: z.strictObject({
      id: z.string(),
      name: z.string(),
    }),
    openedAt: isoDateTime,
    lastHeardAt: isoDateTime.nullable(),
    nextReviewDue: z.string().nullable(),
    closedAt: isoDateTime.nullable(),
    closureReason: z.string().nullable(),
  }),
  access: z.strictObject({
    ground: z.enum(['PANEL_CHAIR', 'LEAD_AGENCY', 'INVOLVED_AGENCY', 'PANEL_SEAT']),
    restricted: z.strictObject({
      healthNotes: z.boolean(),
      safeguardingNotes: z.boolean(),
      intelligenceNotes: z.boolean(),
    }),
    mayListViewers: z.boolean(),
    mayRecordConsent: z.boolean(),
  }),
  subjects: z.array(
    z.strictObject({
      role: z.enum(['VICTIM', 'PERPETRATOR', 'WITNESS']),
      person: z.strictObject({
        intelligenceNotes: z.string().nullable().optional(),
        safeguardingNotes: z.string().nullable().optional(),
        healthNotes: z.string().nullable().optional(),
        id: z.string(),
        name: z.string(),
        dateOfBirth: z.string().nullable(),
        vulnerabilities: z.array(z.string()),
      }),
    }),
  ),
  locations: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['OTHER', 'DWELLING', 'PUBLIC_SPACE', 'BUSINESS']),
      addressLine1: z.string(),
      town: z.string(),
      postcode: z.string(),
      ward: z.string(),
      role: z.enum(['REPORTED_PLACE', 'VICTIM_HOME', 'PERPETRATOR_HOME']),
      personId: z.string().nullable(),
    }),
  ),
  consent: z.array(consentInForceAnswer),
  riskHistory: z.array(
    z.strictObject({
      id: z.string(),
      assessedAt: isoDateTime,
      subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
      score: z.number(),
      calculatedBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      overrideBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      finalBand: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      overrideReason: z.string().nullable(),
      assessedBy: z.string(),
    }),
  ),
  incidents: z.array(
    z.strictObject({
      id: z.string(),
      occurredAt: isoDateTime,
      category: z.enum(['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL']),
      description: z.string(),
      ward: z.string().nullable(),
      reportedTo: z.string().nullable(),
    }),
  ),
  agendaHistory: z.array(
    z.strictObject({
      id: z.string(),
      meeting: z.strictObject({
        id: z.string(),
        startsAt: isoDateTime,
        status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED']),
      }),
      panel: z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      reasonText: z.string(),
      status: z.enum(['DEFERRED', 'PLANNED', 'CURRENT', 'DISCUSSED', 'SPILLED_OVER']),
      decisions: z.string().nullable(),
      riskBandAfter: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      caseDecision: z.enum(['LEAD_AGENCY_CASEWORK', 'KEEP_ON', 'CLOSE']).nullable(),
    }),
  ),
  actions: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      status: z.enum(['IN_PROGRESS', 'CANCELLED', 'PROPOSED', 'ACCEPTED', 'COMPLETED', 'BLOCKED']),
      priority: z.enum(['LOW', 'HIGH', 'NORMAL', 'URGENT']),
      dueDate: z.string(),
      overdue: z.boolean(),
      daysOverdue: z.number(),
      completedAt: isoDateTime.nullable(),
      ownerAgency: z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      ownerMember: z
        .strictObject({
          id: z.string(),
          displayName: z.string(),
        })
        .nullable(),
      version: z.number(),
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
      name: z.string(),
      status: z.enum(['PROPOSED', 'ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED', 'WITHDRAWN']),
      issuedOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
      issuedBy: z.string(),
      subject: z.string().nullable(),
    }),
  ),
});

/** GET /api/cases/:caseId/viewers */
export const listCaseViewersAnswer = z.strictObject({
  caseId: z.string(),
  viewers: z.array(
    z.strictObject({
      member: z.strictObject({
        id: z.string(),
        displayName: z.string(),
      }),
      agency: z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      views: z.number(),
      lastViewedAt: isoDateTime,
    }),
  ),
  reads: z.array(
    z.strictObject({
      at: isoDateTime,
      event: z.string(),
      memberId: z.string(),
      displayName: z.string(),
      agency: z.string(),
    }),
  ),
});
