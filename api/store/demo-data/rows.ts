// The demo partnership as plain rows, built in memory first and written in one transaction.
import type { Prisma } from '../generated/client';

export interface DemoRows {
  partnerships: Prisma.PartnershipCreateManyInput[];
  agencies: Prisma.AgencyCreateManyInput[];
  members: Prisma.MemberCreateManyInput[];
  panels: Prisma.PanelCreateManyInput[];
  panelAgencies: Prisma.PanelAgencyCreateManyInput[];
  panelChairs: Prisma.PanelChairCreateManyInput[];
  people: Prisma.PersonCreateManyInput[];
  locations: Prisma.LocationCreateManyInput[];
  cases: Prisma.CaseCreateManyInput[];
  caseSubjects: Prisma.CaseSubjectCreateManyInput[];
  caseLocations: Prisma.CaseLocationCreateManyInput[];
  caseAgencies: Prisma.CaseAgencyCreateManyInput[];
  incidents: Prisma.IncidentCreateManyInput[];
  incidentPeople: Prisma.IncidentPersonCreateManyInput[];
  riskTemplates: Prisma.RiskTemplateCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
  riskAssessments: Prisma.RiskAssessmentCreateManyInput[];
  meetings: Prisma.MeetingCreateManyInput[];
  agendaItems: Prisma.AgendaItemCreateManyInput[];
  attendances: Prisma.AttendanceCreateManyInput[];
  meetingMinutes: Prisma.MeetingMinutesCreateManyInput[];
  actions: Prisma.ActionCreateManyInput[];
  actionEvents: Prisma.ActionEventCreateManyInput[];
  actionReviews: Prisma.ActionReviewCreateManyInput[];
  interventions: Prisma.InterventionCreateManyInput[];
  consentRecords: Prisma.ConsentRecordCreateManyInput[];
  communityTriggerReviews: Prisma.CommunityTriggerReviewCreateManyInput[];
}

/** How many rows of each kind were written. */
export type DemoDataSummary = { [Table in keyof DemoRows]: number };

export function emptyRows(): DemoRows {
  return {
    partnerships: [],
    agencies: [],
    members: [],
    panels: [],
    panelAgencies: [],
    panelChairs: [],
    people: [],
    locations: [],
    cases: [],
    caseSubjects: [],
    caseLocations: [],
    caseAgencies: [],
    incidents: [],
    incidentPeople: [],
    riskTemplates: [],
    referrals: [],
    riskAssessments: [],
    meetings: [],
    agendaItems: [],
    attendances: [],
    meetingMinutes: [],
    actions: [],
    actionEvents: [],
    actionReviews: [],
    interventions: [],
    consentRecords: [],
    communityTriggerReviews: [],
  };
}

/** Plain JSON for a Json column. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
