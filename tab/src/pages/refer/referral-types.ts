// The API's referral shapes as the form reads them (api/http/routes/referrals.ts).
export type SubjectType = 'VICTIM' | 'PERPETRATOR' | 'LOCATION';
export type RiskBand = 'LOW' | 'MEDIUM' | 'HIGH';
export type RiskSection = 'PERSONAL' | 'SITUATIONAL' | 'INCIDENTAL' | 'HARM_AND_IMPACT';

export interface RiskQuestion {
  id: string;
  section: RiskSection;
  topic: string;
  wording: string;
  helpText: string;
  required: boolean;
  options: Array<{ id: string; label: string; weight: number }>;
}

export interface RiskTemplate {
  id: string;
  name: string;
  version: number;
  subjectType: SubjectType;
  usable: boolean;
  referralThreshold: number;
  questions: RiskQuestion[];
}

export interface DraftSubject {
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  address?: string;
  town?: string;
  postcode?: string;
}

export interface ReferralDraft {
  step?: string;
  subject?: DraftSubject;
  match?: { personId?: string; locationId?: string; confirmedNew?: boolean };
  concerns?: string;
  answers?: Record<string, string>;
  judgement?: { band?: RiskBand; reason?: string };
  [extra: string]: unknown;
}

export interface Referral {
  id: string;
  subjectType: SubjectType;
  status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
  draft: ReferralDraft | null;
  person: { id: string; name: string } | null;
  location: { id: string; address: string } | null;
  case: { id: string; reference: string; status: string } | null;
  panel: { id: string; name: string } | null;
  route: string | null;
  routingExplanation: string | null;
  assessments: Array<{ score: number; finalBand: RiskBand; reasons: string[] }>;
  withdrawnAt: string | null;
  withdrawnBy: { id: string; displayName: string } | null;
  withdrawalReason: string | null;
  updatedAt: string;
}

export interface SubmitResult {
  score: number;
  maximumScore: number;
  threshold: number;
  calculatedBand: RiskBand;
  finalBand: RiskBand;
  reasons: string[];
  criteria: Array<{ criterion: string; because: string }>;
  route: 'PANEL' | 'LEAD_AGENCY_CASEWORK' | 'ADVICE_AND_CLOSURE';
  panel: { id: string; name: string } | null;
  explanation: string;
  reviewDue: string | null;
  case: { id: string; reference: string; status: string };
}

export interface MatchCandidate {
  id: string;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string | null;
  address?: string;
  town?: string;
  postcode?: string;
  reason: string;
}

export const SUBJECT_LABELS: Record<SubjectType, string> = {
  VICTIM: 'A victim',
  PERPETRATOR: 'A perpetrator',
  LOCATION: 'A problem location',
};
export const SECTION_LABELS: Record<RiskSection, string> = {
  PERSONAL: 'Personal vulnerability',
  SITUATIONAL: 'Situational vulnerability',
  INCIDENTAL: 'Incidental vulnerability',
  HARM_AND_IMPACT: 'Harm and impact',
};
export const SECTIONS: readonly RiskSection[] = ['PERSONAL', 'SITUATIONAL', 'INCIDENTAL', 'HARM_AND_IMPACT'];
export const BAND_LABELS: Record<RiskBand, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' };
