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
 * Minutes keep one item per case heard; the anonymised case's items lose their decisions and action
 * titles, and everything else in the minutes (other cases, attendance) is left as it was.
 */
export function anonymiseMinutesItems(content: unknown, caseReference: string): unknown {
  if (!content || typeof content !== 'object' || !Array.isArray((content as { items?: unknown }).items)) return content;
  const minutes = content as { items: unknown[] };
  return {
    ...minutes,
    items: minutes.items.map((item) => {
      if (!item || typeof item !== 'object' || (item as { caseReference?: unknown }).caseReference !== caseReference) return item;
      const heard = item as { decisions?: unknown; actions?: unknown };
      return {
        ...heard,
        ...('decisions' in heard ? { decisions: ANONYMISED_TEXT } : {}),
        ...(Array.isArray(heard.actions) ? { actions: heard.actions.map((action: unknown) => (action && typeof action === 'object' ? { ...action, title: 'Anonymised action' } : action)) } : {}),
      };
    }),
  };
}
