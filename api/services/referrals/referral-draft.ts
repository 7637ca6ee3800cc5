// The referral form as the referrer fills it in. A draft may hold any part of it at any time (it is
// saved as they go and never lost); submitting checks that it is complete and says, field by
// field and in plain words, what is still missing.
import { isCalendarDate } from '../../domain/agenda/calendar-date';
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
): { subject: CompleteSubject | null; problems: FieldError[] } {
  const s = draft.subject ?? {};
  const problems: FieldError[] = [];
  const need = (field: keyof DraftSubject, message: string) => {
    if (blank(s[field])) problems.push({ field: `subject.${field}`, message });
  };
  // A confirmed existing record needs no retyping: that is the point of matching.
  if (subjectType === 'LOCATION' ? draft.match?.locationId : draft.match?.personId) return { subject: null, problems: [] };
  let postcode = s.postcode?.trim() ?? '';
  if (subjectType === 'LOCATION') {
    need('address', 'Enter the address or a description of the place, for example "14 Sample Street" or "Sampleton Recreation Ground".');
    need('town', 'Enter the town.');
    if (blank(s.postcode)) problems.push({ field: 'subject.postcode', message: 'Enter the postcode nearest the place.' });
  } else {
    need('givenName', `Enter the ${subjectType === 'VICTIM' ? 'victim' : 'perpetrator'}'s first name.`);
    need('familyName', `Enter the ${subjectType === 'VICTIM' ? 'victim' : 'perpetrator'}'s last name.`);
    if (!blank(s.dateOfBirth) && !isCalendarDate(s.dateOfBirth!.trim())) {
      problems.push({
        field: 'subject.dateOfBirth',
        message: 'Enter the date of birth as a real date, for example 1958-04-21, or leave it empty if unknown.',
      });
    }
  }
  if (!blank(s.postcode)) {
    const normalised = normalisePostcode(s.postcode!);
    if (normalised.ok) postcode = normalised.value;
    else problems.push({ field: 'subject.postcode', message: normalised.error.message });
  }
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
