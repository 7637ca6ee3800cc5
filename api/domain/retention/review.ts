// When a closed case comes up for retention review, and what anonymising it replaces. Pure: dates
// come in as London calendar dates.
import { addMonths, type CalendarDate } from '../agenda/calendar-date';

/** The shortest and longest review periods a partnership may set, in months. */
export const RETENTION_MONTHS = { min: 1, max: 120 } as const;

export interface ClosedCaseDates {
  closedOn: CalendarDate;
  /** The review date recorded on the case when it closed or when the period last changed. */
  recordedReviewOn: CalendarDate | null;
}

/** The recorded review date, or the closure date plus the partnership's period when none was recorded. */
export function retentionReviewOn(dates: ClosedCaseDates, months: number): CalendarDate {
  return dates.recordedReviewOn ?? addMonths(dates.closedOn, months);
}

export function isDueForReview(dates: ClosedCaseDates, months: number, today: CalendarDate): boolean {
  return retentionReviewOn(dates, months) <= today;
}

/** What a person's identifying fields become: ids stay, so counts and links stay. */
export const ANONYMISED_PERSON = {
  givenName: 'Anonymised',
  familyName: 'person',
  nameKey: '',
  matchLength: null,
  matchBag: null,
  matchExtra: null,
  dateOfBirth: null,
  phone: null,
  email: null,
  vulnerabilities: [] as string[],
  healthNotes: null,
  safeguardingNotes: null,
  intelligenceNotes: null,
} as const;

/**
 * What an address becomes. The ward, town and kind stay: the places heat table and governance count
 * by ward, not by door.
 */
export const ANONYMISED_LOCATION = {
  addressLine1: 'Anonymised address',
  addressLine2: null,
  postcode: '',
  postcodeKey: '',
  addressKey: '',
  latitude: null,
  longitude: null,
  uprn: null,
} as const;

/** Free text written about the people in a case (descriptions, notes, reasons) is replaced by this. */
export const ANONYMISED_TEXT = 'Anonymised under the retention policy.';

/**
 * Minutes (as draftMinutes writes them) keep one entry per case heard, headed "<n>. Case <reference>",
 * and name the case at the start of its action-review and not-heard lines. The anonymised case's
 * entry loses its decisions and action titles, its lines lose what follows the reference, and
 * everything else in the minutes (other cases, attendance) is left as it was.
 */
export function anonymiseMinutesItems(content: unknown, caseReference: string): unknown {
  if (!content || typeof content !== 'object' || !Array.isArray((content as { cases?: unknown }).cases)) return content;
  const minutes = content as { cases: unknown[]; actionReview?: unknown; notHeard?: unknown };
  const label = `Case ${caseReference}`;
  const scrubLines = (lines: unknown) =>
    Array.isArray(lines)
      ? lines.map((line) => (typeof line === 'string' && line.startsWith(`${label}:`) ? `${label}: ${ANONYMISED_TEXT}` : line))
      : lines;
  return {
    ...minutes,
    cases: minutes.cases.map((item) => {
      const heard = item as { heading?: unknown; decisions?: unknown; actions?: unknown } | null;
      if (!heard || typeof heard !== 'object' || typeof heard.heading !== 'string' || !heard.heading.endsWith(` ${label}`)) return item;
      return {
        ...heard,
        ...('decisions' in heard ? { decisions: ANONYMISED_TEXT } : {}),
        ...(Array.isArray(heard.actions) ? { actions: heard.actions.map(() => 'Anonymised action') } : {}),
      };
    }),
    ...('actionReview' in minutes ? { actionReview: scrubLines(minutes.actionReview) } : {}),
    ...('notHeard' in minutes ? { notHeard: scrubLines(minutes.notHeard) } : {}),
  };
}
