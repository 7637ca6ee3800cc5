// The API's referral shapes as the form reads them, named from the API's schema, and the draft the form keeps.
import type { Answer } from '../../api/answers';
import type { REFERRAL_CONSENT_STATUSES } from '../../../../api/domain/referrals/sharing-consent';
import type { ConsentDraft } from './ConsentFields';

export type RiskTemplate = Answer<'/api/risk-templates'>['templates'][number];
export type RiskQuestion = NonNullable<RiskTemplate['questions']>[number];
export type SubjectType = RiskTemplate['subjectType'];
export type RiskSection = RiskQuestion['section'];
export type SubmitResult = Answer<'/api/referrals/{referralId}/submit', 'post'>['result'];
export type RiskBand = SubmitResult['finalBand'];

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
  /** The known place chosen as the person's home, or "new" once the referrer said none is. */
  homeMatch?: { locationId?: string; confirmedNew?: boolean };
  /** Consent to sharing, or the lawful basis and reason for sharing without it (victims and perpetrators). */
  consent?: ConsentDraft<(typeof REFERRAL_CONSENT_STATUSES)[number]>;
  /** The date of birth boxes as typed, kept until they make a date (subject.dateOfBirth). */
  dateOfBirthParts?: { day: string; month: string; year: string };
  [extra: string]: unknown;
}

/** The stored draft is the form's own JSON, so its shape is the form's: ReferralDraft. */
export type Referral = Omit<Answer<'/api/referrals/{referralId}'>, 'draft'> & { draft: ReferralDraft | null };

export type MatchCandidate = Answer<'/api/people'>['candidates'][number] | Answer<'/api/locations'>['candidates'][number];

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
