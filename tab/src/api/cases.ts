// The answers of GET /api/cases/:caseId/overview and /viewers (api/services/case-overview.ts).
import type { ActionStatus, RiskBand } from './actions';

export interface CaseOverview {
  case: {
    id: string;
    reference: string;
    kind: string;
    status: string;
    currentRiskBand: RiskBand | null;
    summary: string | null;
    leadAgency: { id: string; name: string };
    openedAt: string;
    lastHeardAt: string | null;
    nextReviewDue: string | null;
    closedAt: string | null;
    closureReason: string | null;
  };
  access: {
    ground: string;
    restricted: { healthNotes: boolean; safeguardingNotes: boolean; intelligenceNotes: boolean };
    mayListViewers: boolean;
  };
  subjects: Array<{
    role: string;
    person: {
      id: string;
      name: string;
      dateOfBirth: string | null;
      vulnerabilities: string[];
      healthNotes?: string | null;
      safeguardingNotes?: string | null;
      intelligenceNotes?: string | null;
    };
  }>;
  locations: Array<{ id: string; kind: string; addressLine1: string; town: string | null; postcode: string | null; ward: string | null }>;
  riskHistory: Array<{
    id: string;
    assessedAt: string;
    subjectType: string;
    score: number;
    calculatedBand: RiskBand;
    overrideBand: RiskBand | null;
    finalBand: RiskBand;
    overrideReason: string | null;
    assessedBy: string;
  }>;
  incidents: Array<{
    id: string;
    occurredAt: string;
    category: string;
    description: string;
    ward: string | null;
    reportedTo: string | null;
  }>;
  agendaHistory: Array<{
    id: string;
    meeting: { id: string; startsAt: string; status: string };
    panel: { id: string; name: string };
    reasonText: string | null;
    status: string;
    decisions: string | null;
    riskBandAfter: RiskBand | null;
    caseDecision: string | null;
  }>;
  actions: Array<{
    id: string;
    title: string;
    status: ActionStatus;
    priority: string;
    dueDate: string;
    overdue: boolean;
    daysOverdue: number;
    completedAt: string | null;
    ownerAgency: { id: string; name: string };
    ownerMember: { id: string; displayName: string } | null;
  }>;
  interventions: Array<{
    id: string;
    type: string;
    name: string;
    status: string;
    issuedOn: string | null;
    expiresOn: string | null;
    issuedBy: string;
    subject: string | null;
  }>;
}

export interface CaseViewers {
  caseId: string;
  viewers: Array<{
    member: { id: string; displayName: string };
    agency: { id: string; name: string };
    views: number;
    lastViewedAt: string;
  }>;
}
