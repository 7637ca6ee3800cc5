// The referral form's rules, shared by the API (which refuses a draft or submission that breaks them)
// and the tab (which checks each step before *Next*), so the referrer reads the same words in both.
import { addMonths, isCalendarDate, type CalendarDate } from '../agenda/calendar-date';
import { normalisePostcode } from '../matching/addresses';
import type { SubjectType } from '../risk/template';

/** The longest text each field takes. */
export const REFERRAL_TEXT_LIMITS = {
  givenName: 100,
  familyName: 100,
  dateOfBirth: 10,
  address: 200,
  town: 100,
  postcode: 10,
  ward: 100,
  concerns: 5000,
  judgementReason: 2000,
} as const;

/** Nobody referred is older than this; an earlier date of birth is a typing slip. */
export const OLDEST_AGE_YEARS = 120;

export interface FormProblem {
  field: string;
  message: string;
}

export interface FormSubject {
  givenName?: string | undefined;
  familyName?: string | undefined;
  dateOfBirth?: string | undefined;
  address?: string | undefined;
  town?: string | undefined;
  postcode?: string | undefined;
}

export const tooLongMessage = (max: number) => `Keep this under ${max} characters.`;

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** Why a date of birth cannot be right, or null: it must be a real date, in the past, under 120 years ago. */
export function dateOfBirthProblem(value: string, today: CalendarDate): string | null {
  if (!isCalendarDate(value)) return 'Date of birth must be a real date.';
  if (value >= today) return 'Date of birth must be in the past.';
  if (value < addMonths(today, -12 * OLDEST_AGE_YEARS)) return `Date of birth must be less than ${OLDEST_AGE_YEARS} years ago.`;
  return null;
}

/**
 * What is missing or wrong in who or what is referred. `matched` is true when the referrer chose an
 * existing record: nothing needs retyping then.
 */
export function subjectProblems(subjectType: SubjectType, subject: FormSubject, matched: boolean, today: CalendarDate): FormProblem[] {
  // A person's home address is asked even when they are an existing record: where they live now.
  if (matched) return subjectType === 'LOCATION' ? [] : homeAddressProblems(subjectType, subject);
  const problems: FormProblem[] = [];
  const need = (field: keyof FormSubject, message: string) => {
    if (blank(subject[field])) problems.push({ field: `subject.${field}`, message });
  };
  if (subjectType === 'LOCATION') {
    need('address', 'Enter the address or a description of the place, for example "14 Sample Street" or "Sampleton Recreation Ground".');
    need('town', 'Enter the town.');
    need('postcode', 'Enter the postcode nearest the place.');
  } else {
    const who = subjectType === 'VICTIM' ? 'victim' : 'perpetrator';
    need('givenName', `Enter the ${who}'s first name.`);
    need('familyName', `Enter the ${who}'s last name.`);
    if (!blank(subject.dateOfBirth)) {
      const problem = dateOfBirthProblem(subject.dateOfBirth!.trim(), today);
      if (problem) problems.push({ field: 'subject.dateOfBirth', message: problem });
    }
    return [...problems, ...homeAddressProblems(subjectType, subject)];
  }
  return [...problems, ...postcodeProblems(subject)];
}

function postcodeProblems(subject: FormSubject): FormProblem[] {
  if (blank(subject.postcode)) return [];
  const normalised = normalisePostcode(subject.postcode!);
  return normalised.ok ? [] : [{ field: 'subject.postcode', message: normalised.error.message }];
}

/** Whether a victim's or perpetrator's home address was given at all: it is optional (it may be unknown). */
export const hasHomeAddress = (subject: FormSubject): boolean =>
  !blank(subject.address) || !blank(subject.town) || !blank(subject.postcode);

/**
 * A home address may be left out when it is not known, but once begun it must be enough to find the
 * place again: the first line and the town (the postcode too when known, and then a real one).
 */
export function homeAddressProblems(subjectType: SubjectType, subject: FormSubject): FormProblem[] {
  if (!hasHomeAddress(subject)) return [];
  const who = subjectType === 'VICTIM' ? 'victim' : 'perpetrator';
  const problems: FormProblem[] = [];
  if (blank(subject.address))
    problems.push({ field: 'subject.address', message: `Enter the first line of the ${who}'s address, for example "14 Sample Street".` });
  if (blank(subject.town)) problems.push({ field: 'subject.town', message: `Enter the town the ${who} lives in.` });
  return [...problems, ...postcodeProblems(subject)];
}

/** What is missing in the concerns step: the referrer's own words, and why judgement raised the risk. */
export function concernsProblems(
  concerns: string | undefined,
  judgement: { band?: string | undefined; reason?: string | undefined } | undefined,
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (blank(concerns)) problems.push({ field: 'concerns', message: 'Describe what is happening and why you are referring.' });
  else if (concerns!.length > REFERRAL_TEXT_LIMITS.concerns)
    problems.push({ field: 'concerns', message: tooLongMessage(REFERRAL_TEXT_LIMITS.concerns) });
  if (judgement?.band && blank(judgement.reason)) {
    problems.push({ field: 'judgement.reason', message: 'Say why your professional judgement puts the risk higher than the score.' });
  } else if ((judgement?.reason?.length ?? 0) > REFERRAL_TEXT_LIMITS.judgementReason) {
    problems.push({ field: 'judgement.reason', message: tooLongMessage(REFERRAL_TEXT_LIMITS.judgementReason) });
  }
  return problems;
}
