// ASB case review ("Community Trigger", s104 Anti-social Behaviour, Crime and Policing Act 2014):
// whether an application meets the threshold, and the timescales the partnership has published.
//
// A complaint qualifies when it was reported within one month of the incident and the application
// came within six months of the report (docs/domain.md §6). Months are calendar months in London:
// an incident on 15 March may be reported up to and including 15 April; where the month is
// shorter the last day of the month is used (31 January → 28 or 29 February).

import { addDays, addMonths, formatLongDate, isCalendarDate, londonDateOf, weekdayOf, type CalendarDate } from '../agenda/calendar-date';
import { fail, ok, type Result } from '../result';

/** The statute lets a partnership lower the threshold but never set it above three. */
export const STATUTORY_MAXIMUM_QUALIFYING_COMPLAINTS = 3;
const REPORT_WITHIN_MONTHS = 1;
const APPLICATION_WITHIN_MONTHS = 6;

export interface AsbComplaint {
  /** The same incident reported to several agencies carries the same id and counts once. */
  incidentId: string;
  incidentAt: Date;
  reportedAt: Date;
  complainant: string;
  reportedTo: string;
  /** The place or person complained about. */
  concerning: string;
}

export interface CaseReviewPolicy {
  qualifyingComplaints: number;
  acknowledgeWithinWorkingDays: number;
  decideThresholdWithinWorkingDays: number;
  holdReviewWithinDays: number;
}

/** Statutory threshold; timescales as published by East Herts, Cambridge and Mole Valley. */
export const DEFAULT_CASE_REVIEW_POLICY: CaseReviewPolicy = {
  qualifyingComplaints: 3,
  acknowledgeWithinWorkingDays: 2,
  decideThresholdWithinWorkingDays: 14,
  holdReviewWithinDays: 21,
};

export interface QualifyingIncident {
  incidentId: string;
  incidentOn: CalendarDate;
  /** The earliest qualifying report of the incident. */
  reportedOn: CalendarDate;
  concerning: string;
  reportedTo: string[];
  complainants: string[];
}

export interface NonQualifyingComplaint {
  complaint: AsbComplaint;
  reason: string;
}

export interface ThresholdAssessment {
  met: boolean;
  required: number;
  qualifying: QualifyingIncident[];
  notQualifying: NonQualifyingComplaint[];
  explanation: string;
}

export interface CaseReviewDeadlines {
  acknowledgeBy: CalendarDate;
  decideThresholdBy: CalendarDate;
  /** Counted from the actual decision when there is one, otherwise from the latest it may be made. */
  holdReviewBy: CalendarDate;
}

export function checkCaseReviewPolicy(policy: CaseReviewPolicy): Result<CaseReviewPolicy> {
  const { qualifyingComplaints: n } = policy;
  if (!Number.isInteger(n) || n < 1) {
    return fail(
      'CASE_REVIEW_THRESHOLD_INVALID',
      'The number of qualifying complaints must be a whole number, 1 or more.',
      'qualifyingComplaints',
    );
  }
  if (n > STATUTORY_MAXIMUM_QUALIFYING_COMPLAINTS) {
    return fail(
      'CASE_REVIEW_THRESHOLD_TOO_HIGH',
      `The law does not allow a threshold above ${STATUTORY_MAXIMUM_QUALIFYING_COMPLAINTS} qualifying complaints; ${n} was asked for.`,
      'qualifyingComplaints',
    );
  }
  const periods: Array<[keyof CaseReviewPolicy, number]> = [
    ['acknowledgeWithinWorkingDays', policy.acknowledgeWithinWorkingDays],
    ['decideThresholdWithinWorkingDays', policy.decideThresholdWithinWorkingDays],
    ['holdReviewWithinDays', policy.holdReviewWithinDays],
  ];
  for (const [field, days] of periods) {
    if (!Number.isInteger(days) || days < 1) {
      return fail('CASE_REVIEW_TIMESCALE_INVALID', `Each timescale must be a whole number of days, 1 or more; ${field} is ${days}.`, field);
    }
  }
  return ok(policy);
}

function whyNotQualifying(incidentOn: CalendarDate, reportedOn: CalendarDate, applicationOn: CalendarDate): string | null {
  if (reportedOn < incidentOn) return 'it was reported before the incident date it gives';
  if (reportedOn > addMonths(incidentOn, REPORT_WITHIN_MONTHS)) return 'it was reported more than one month after the incident';
  if (reportedOn > applicationOn) return 'it was reported after the application was received';
  if (applicationOn > addMonths(reportedOn, APPLICATION_WITHIN_MONTHS))
    return 'it was reported more than six months before the application';
  return null;
}

export function assessCaseReviewThreshold(
  complaints: readonly AsbComplaint[],
  applicationReceivedAt: Date,
  policy: CaseReviewPolicy = DEFAULT_CASE_REVIEW_POLICY,
): Result<ThresholdAssessment> {
  const checked = checkCaseReviewPolicy(policy);
  if (!checked.ok) return checked;

  const applicationOn = londonDateOf(applicationReceivedAt);
  const byIncident = new Map<string, QualifyingIncident>();
  const notQualifying: NonQualifyingComplaint[] = [];
  const inReportOrder = [...complaints].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());

  for (const complaint of inReportOrder) {
    const incidentOn = londonDateOf(complaint.incidentAt);
    const reportedOn = londonDateOf(complaint.reportedAt);
    const reason = whyNotQualifying(incidentOn, reportedOn, applicationOn);
    if (reason) {
      notQualifying.push({ complaint, reason });
      continue;
    }
    const seen = byIncident.get(complaint.incidentId);
    if (seen) {
      if (!seen.reportedTo.includes(complaint.reportedTo)) seen.reportedTo.push(complaint.reportedTo);
      if (!seen.complainants.includes(complaint.complainant)) seen.complainants.push(complaint.complainant);
    } else {
      byIncident.set(complaint.incidentId, {
        incidentId: complaint.incidentId,
        incidentOn,
        reportedOn,
        concerning: complaint.concerning,
        reportedTo: [complaint.reportedTo],
        complainants: [complaint.complainant],
      });
    }
  }

  const qualifying = [...byIncident.values()];
  const required = policy.qualifyingComplaints;
  const met = qualifying.length >= required;
  const counted = `${qualifying.length} qualifying ${qualifying.length === 1 ? 'incident' : 'incidents'}`;
  const explanation = met
    ? `Threshold met: ${counted} reported within a month of happening and within six months before the application on ${formatLongDate(applicationOn)} (threshold ${required}).`
    : `Threshold not met: ${counted} of the ${required} needed. The partnership may still hold a review after considering the persistence of the behaviour, the harm or potential harm, and whether the response so far was adequate.`;
  return ok({ met, required, qualifying, notQualifying, explanation });
}

export function isWorkingDay(date: CalendarDate, bankHolidays: ReadonlySet<CalendarDate>): boolean {
  const day = weekdayOf(date);
  return day !== 'SATURDAY' && day !== 'SUNDAY' && !bankHolidays.has(date);
}

/** The day received does not count: received on Friday, 2 working days is the following Tuesday. */
export function addWorkingDays(from: CalendarDate, workingDays: number, bankHolidays: ReadonlySet<CalendarDate>): CalendarDate {
  let date = from;
  for (let counted = 0; counted < workingDays;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, bankHolidays)) counted += 1;
  }
  return date;
}

export function caseReviewDeadlines(
  receivedAt: Date,
  bankHolidays: readonly CalendarDate[],
  policy: CaseReviewPolicy = DEFAULT_CASE_REVIEW_POLICY,
  thresholdDecidedAt?: Date,
): Result<CaseReviewDeadlines> {
  const checked = checkCaseReviewPolicy(policy);
  if (!checked.ok) return checked;
  const invalid = bankHolidays.find((d) => !isCalendarDate(d));
  if (invalid !== undefined) return fail('BANK_HOLIDAY_INVALID', `"${invalid}" is not a date written as YYYY-MM-DD.`, 'bankHolidays');

  const holidays = new Set(bankHolidays);
  const receivedOn = londonDateOf(receivedAt);
  const decideThresholdBy = addWorkingDays(receivedOn, policy.decideThresholdWithinWorkingDays, holidays);
  const decidedOn = thresholdDecidedAt ? londonDateOf(thresholdDecidedAt) : decideThresholdBy;
  return ok({
    acknowledgeBy: addWorkingDays(receivedOn, policy.acknowledgeWithinWorkingDays, holidays),
    decideThresholdBy,
    holdReviewBy: addDays(decidedOn, policy.holdReviewWithinDays),
  });
}
