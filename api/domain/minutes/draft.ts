// Panel minutes drafted from the meeting record (docs/domain.md §4): attendance and apologies, the
// review of the last meeting's actions, and per case the decisions, risk, whether it stays on, and
// the actions agreed with owners and due dates. Marked restricted; due within 3 working days.
import { addWorkingDays } from '../referrals/community-trigger';
import { formatLongDate, type CalendarDate } from '../agenda/calendar-date';
import { fail, ok, type Result } from '../result';

/** The Government Security Classification the minutes carry. */
export const MINUTES_CLASSIFICATION = 'OFFICIAL-SENSITIVE';
export const MINUTES_MARKING = `${MINUTES_CLASSIFICATION}. Personal data shared under s115 of the Crime and Disorder Act 1998 for this panel only: do not forward, print or store outside ASB Panels.`;
export const MINUTES_DUE_WORKING_DAYS = 3;

/** Bank holidays are the partnership's own nation's; the meeting day itself does not count. */
export function minutesDueBy(meetingDate: CalendarDate, bankHolidays: ReadonlySet<CalendarDate>): CalendarDate {
  return addWorkingDays(meetingDate, MINUTES_DUE_WORKING_DAYS, bankHolidays);
}

/** Minutes are approved once the meeting has happened: the chair closed it, or its booked end has passed. */
export function checkMeetingHeld(meeting: { status: string; endsAt: Date }, now: Date): Result<true> {
  if (meeting.status === 'ENDED' || now.getTime() >= meeting.endsAt.getTime()) return ok(true);
  return fail('MEETING_NOT_HELD', 'The minutes can be approved once the meeting has happened.', 'meeting');
}

export type CaseDecision = 'KEEP_ON' | 'CLOSE' | 'LEAD_AGENCY_CASEWORK';
export type ReviewOutcome = 'DONE' | 'IN_PROGRESS' | 'NOT_DONE';
export type NotDoneReason = 'CIRCUMSTANCES_CHANGED' | 'AGENCY_DID_NOT_DO_IT';

export interface MeetingRecord {
  panelName: string;
  meetingDate: CalendarDate;
  attendance: Array<{ name: string; agency: string; status: 'PRESENT' | 'APOLOGIES' | 'ABSENT' }>;
  actionReviews: Array<{
    caseReference: string;
    title: string;
    owner: string;
    dueDate: CalendarDate;
    outcome: ReviewOutcome;
    notDoneReason: NotDoneReason | null;
    note: string | null;
  }>;
  items: Array<{
    position: number;
    caseReference: string;
    why: string;
    status: 'PLANNED' | 'CURRENT' | 'DISCUSSED' | 'DEFERRED' | 'SPILLED_OVER';
    decisions: string | null;
    riskBandAfter: 'LOW' | 'MEDIUM' | 'HIGH' | null;
    caseDecision: CaseDecision | null;
    closureReason: string | null;
    deferralReason: string | null;
    actions: Array<{ title: string; owner: string; dueDate: CalendarDate }>;
  }>;
}

export interface MinutesContent {
  marking: string;
  title: string;
  meetingDate: CalendarDate;
  present: string[];
  apologies: string[];
  absent: string[];
  actionReview: string[];
  cases: Array<{ heading: string; why: string; decisions: string; outcome: string; actions: string[] }>;
  notHeard: string[];
}

const DECISION_WORDS: Record<CaseDecision, string> = {
  KEEP_ON: 'Kept on the panel',
  CLOSE: 'Closed',
  LEAD_AGENCY_CASEWORK: 'Returned to lead agency casework',
};
const NOT_DONE_WORDS: Record<NotDoneReason, string> = {
  CIRCUMSTANCES_CHANGED: 'circumstances changed',
  AGENCY_DID_NOT_DO_IT: 'the agency did not do it',
};

const person = (row: MeetingRecord['attendance'][number]) => `${row.name} (${row.agency})`;

export function draftMinutes(record: MeetingRecord): MinutesContent {
  const heard = record.items.filter((item) => item.status === 'DISCUSSED' || item.status === 'CURRENT');
  return {
    marking: MINUTES_MARKING,
    title: `${record.panelName}: minutes of the meeting on ${formatLongDate(record.meetingDate)}`,
    meetingDate: record.meetingDate,
    present: record.attendance.filter((row) => row.status === 'PRESENT').map(person),
    apologies: record.attendance.filter((row) => row.status === 'APOLOGIES').map(person),
    absent: record.attendance.filter((row) => row.status === 'ABSENT').map(person),
    actionReview: record.actionReviews.map((review) => {
      const outcome =
        review.outcome === 'DONE'
          ? 'done'
          : review.outcome === 'IN_PROGRESS'
            ? 'in progress'
            : `not done: ${review.notDoneReason ? NOT_DONE_WORDS[review.notDoneReason] : 'no reason given'}`;
      return `Case ${review.caseReference}: ${review.title} (${review.owner}, due ${formatLongDate(review.dueDate)}): ${outcome}${review.note ? `. ${review.note}` : ''}`;
    }),
    cases: heard.map((item) => ({
      heading: `${item.position}. Case ${item.caseReference}`,
      why: item.why,
      decisions: item.decisions ?? 'No decision recorded.',
      outcome:
        [
          item.caseDecision ? DECISION_WORDS[item.caseDecision] : 'Outcome not recorded',
          item.riskBandAfter ? `risk now ${item.riskBandAfter.toLowerCase()}` : null,
          item.caseDecision === 'CLOSE' && item.closureReason ? `reason: ${item.closureReason}` : null,
        ]
          .filter(Boolean)
          .join('; ') + '.',
      actions: item.actions.map((action) => `${action.title}: ${action.owner}, by ${formatLongDate(action.dueDate)}`),
    })),
    notHeard: record.items
      .filter((item) => item.status === 'DEFERRED' || item.status === 'SPILLED_OVER' || item.status === 'PLANNED')
      .map(
        (item) =>
          `Case ${item.caseReference}: ${item.status === 'DEFERRED' ? `deferred (${item.deferralReason ?? 'no reason given'})` : 'not reached; carried to the next meeting'}`,
      ),
  };
}

/** The chair approves only minutes that record an outcome for every case heard. */
export function checkReadyForApproval(record: MeetingRecord): Result<true> {
  const missing = record.items.filter(
    (item) => (item.status === 'DISCUSSED' || item.status === 'CURRENT') && (!item.decisions || !item.caseDecision),
  );
  if (missing.length > 0) {
    return fail(
      'OUTCOMES_MISSING',
      `Record the decisions and outcome for case ${missing.map((item) => item.caseReference).join(', ')} before approving the minutes.`,
      'items',
    );
  }
  return ok(true);
}
