// The referral form as the referrer fills it in. A draft may hold any part of it at any time (it is
// saved as they go and never lost); submitting checks that it is complete and says, field by
// field and in plain words, what is still missing.
import type { CalendarDate } from '../../domain/agenda/calendar-date';
import { hasHomeAddress, subjectProblems } from '../../domain/referrals/referral-form';
import type { ConsentAnswer } from '../../domain/referrals/sharing-consent';
import { normalisePostcode } from '../../domain/matching/addresses';
import type { RiskBand, SubjectType } from '../../domain/risk/template';
import type { FieldError } from '../errors';

export interface DraftSubject {
  givenName?: string | undefined;
  familyName?: string | undefined;
  dateOfBirth?: string | undefined;
  address?: string | undefined;
  town?: string | undefined;
  postcode?: string | undefined;
  ward?: string | undefined;
}

export interface ReferralDraft {
  /** Where the form was left, so it reopens there. */
  step?: string | undefined;
  subject?: DraftSubject | undefined;
  /** The existing person or place the referrer confirmed is the one referred, or "new" once they said none is. */
  match?: { personId?: string | undefined; locationId?: string | undefined; confirmedNew?: boolean | undefined } | undefined;
  concerns?: string | undefined;
  answers?: Record<string, string> | undefined;
  judgement?: { band?: RiskBand | undefined; reason?: string | undefined } | undefined;
  /** The known place the referrer chose as the person's home, or "new" once they said none is. */
  homeMatch?: { locationId?: string | undefined; confirmedNew?: boolean | undefined } | undefined;
  /** The referred person's consent to sharing, or the lawful basis for sharing without it. */
  consent?: ConsentAnswer | undefined;
  [extra: string]: unknown;
}

export interface CompleteSubject {
  kind: 'PERSON' | 'LOCATION';
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  address: string;
  town: string;
  postcode: string;
  ward: string | null;
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** The subject in full, or the fields still needed. A person is a victim or perpetrator; a location is a place. */
export function completeSubject(
  subjectType: SubjectType,
  draft: ReferralDraft,
  today: CalendarDate,
): { subject: CompleteSubject | null; problems: FieldError[] } {
  const s = draft.subject ?? {};
  // A confirmed existing record needs no retyping: that is the point of matching.
  if (subjectType === 'LOCATION' ? draft.match?.locationId : draft.match?.personId) return { subject: null, problems: [] };
  const problems = subjectProblems(subjectType, s, false, today);
  const normalised = blank(s.postcode) ? null : normalisePostcode(s.postcode!);
  const postcode = normalised?.ok ? normalised.value : (s.postcode?.trim() ?? '');
  if (problems.length > 0) return { subject: null, problems };
  return {
    subject: {
      kind: subjectType === 'LOCATION' ? 'LOCATION' : 'PERSON',
      givenName: s.givenName?.trim() ?? '',
      familyName: s.familyName?.trim() ?? '',
      dateOfBirth: blank(s.dateOfBirth) ? null : s.dateOfBirth!.trim(),
      address: s.address?.trim() ?? '',
      town: s.town?.trim() ?? '',
      postcode,
      ward: blank(s.ward) ? null : s.ward!.trim(),
    },
    problems: [],
  };
}

/** A victim's or perpetrator's home as typed (checked with the subject), or null when none was given. */
export function homeAddressOf(
  subjectType: SubjectType,
  draft: ReferralDraft,
): { address: string; town: string; postcode: string | null } | null {
  const s = draft.subject ?? {};
  if (subjectType === 'LOCATION' || !hasHomeAddress(s) || blank(s.address) || blank(s.town)) return null;
  const normalised = blank(s.postcode) ? null : normalisePostcode(s.postcode!);
  return {
    address: s.address!.trim(),
    town: s.town!.trim(),
    postcode: normalised ? (normalised.ok ? normalised.value : s.postcode!.trim()) : null,
  };
}
