// When a panel meets ("monthly, second Thursday") and when referrals for each meeting close.
import { fail, ok, type Result } from '../result';
import {
  addDays,
  calendarDate,
  daysBetween,
  daysInMonth,
  formatLongDate,
  isCalendarDate,
  londonDateOf,
  startOfLondonDay,
  WEEKDAYS,
  weekdayOf,
  type CalendarDate,
  type Weekday,
} from './calendar-date';

export type WeekOfMonth = 1 | 2 | 3 | 4 | 'LAST';

export type PanelCadence =
  { kind: 'MONTHLY'; weekday: Weekday; week: WeekOfMonth } | { kind: 'EVERY_N_WEEKS'; everyWeeks: number; anchor: CalendarDate };

/** One borough's referral deadline, 10 days before the meeting (docs/domain.md §4); partnerships may set their own. */
export const DEFAULT_CUT_OFF_DAYS_BEFORE = 10;

export interface ReferralCutOff {
  meetingDate: CalendarDate;
  /** The last day referrals are taken, in London. */
  lastDay: CalendarDate;
  /** Referrals submitted at or after this instant (the London midnight ending `lastDay`) are late. */
  closesAt: Date;
}

const ORDINALS: Record<string, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', LAST: 'last' };
const MAX_MEETINGS = 60;

export function describeCadence(cadence: PanelCadence): string {
  if (cadence.kind === 'MONTHLY') {
    return `monthly, ${ORDINALS[cadence.week]} ${titleCase(cadence.weekday)}`;
  }
  const every = cadence.everyWeeks === 1 ? 'weekly' : `every ${cadence.everyWeeks} weeks`;
  return `${every} on ${titleCase(weekdayOf(cadence.anchor))}s, from ${formatLongDate(cadence.anchor)}`;
}

function titleCase(weekday: Weekday): string {
  return weekday.charAt(0) + weekday.slice(1).toLowerCase();
}

function checkCadence(cadence: PanelCadence): Result<PanelCadence> {
  if (cadence.kind === 'EVERY_N_WEEKS') {
    if (!Number.isInteger(cadence.everyWeeks) || cadence.everyWeeks < 1 || cadence.everyWeeks > 52) {
      return fail('INVALID_CADENCE', 'Meetings must be every 1 to 52 whole weeks.', 'everyWeeks');
    }
    if (!isCalendarDate(cadence.anchor)) {
      return fail('INVALID_CADENCE', 'The first meeting date must be a real date (YYYY-MM-DD).', 'anchor');
    }
  }
  return ok(cadence);
}

/** The meeting day of the given month for a monthly cadence. */
function monthlyMeeting(year: number, month: number, weekday: Weekday, week: WeekOfMonth): CalendarDate {
  const target = WEEKDAYS.indexOf(weekday);
  if (week === 'LAST') {
    const last = calendarDate(year, month, daysInMonth(year, month));
    const back = (WEEKDAYS.indexOf(weekdayOf(last)) - target + 7) % 7;
    return addDays(last, -back);
  }
  const first = calendarDate(year, month, 1);
  const forward = (target - WEEKDAYS.indexOf(weekdayOf(first)) + 7) % 7;
  return addDays(first, forward + (week - 1) * 7);
}

/** The next `count` meeting dates strictly after `after` (a meeting on `after` itself has begun). */
export function nextMeetingDates(cadence: PanelCadence, after: CalendarDate, count: number): Result<CalendarDate[]> {
  const checked = checkCadence(cadence);
  if (!checked.ok) return checked;
  if (!isCalendarDate(after)) return fail('INVALID_DATE', 'The start date must be a real date (YYYY-MM-DD).', 'after');
  if (!Number.isInteger(count) || count < 1 || count > MAX_MEETINGS) {
    return fail('INVALID_COUNT', `Ask for between 1 and ${MAX_MEETINGS} meetings.`, 'count');
  }
  const dates: CalendarDate[] = [];
  if (cadence.kind === 'MONTHLY') {
    let year = Number(after.slice(0, 4));
    let month = Number(after.slice(5, 7));
    while (dates.length < count) {
      const meeting = monthlyMeeting(year, month, cadence.weekday, cadence.week);
      if (meeting > after) dates.push(meeting);
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    return ok(dates);
  }
  const step = cadence.everyWeeks * 7;
  const elapsed = daysBetween(cadence.anchor, after);
  let next = elapsed < 0 ? cadence.anchor : addDays(cadence.anchor, (Math.floor(elapsed / step) + 1) * step);
  while (dates.length < count) {
    dates.push(next);
    next = addDays(next, step);
  }
  return ok(dates);
}

export function referralCutOff(meetingDate: CalendarDate, daysBefore: number = DEFAULT_CUT_OFF_DAYS_BEFORE): ReferralCutOff {
  const lastDay = addDays(meetingDate, -daysBefore);
  return { meetingDate, lastDay, closesAt: startOfLondonDay(addDays(lastDay, 1)) };
}

export function isLateReferral(submittedAt: Date, cutOff: ReferralCutOff): boolean {
  return submittedAt.getTime() >= cutOff.closesAt.getTime();
}

/**
 * The first meeting whose referral cut-off has not passed when a referral arrives: a referral made
 * after one meeting's cut-off goes to the one after.
 */
export function meetingForReferral(
  cadence: PanelCadence,
  submittedAt: Date,
  daysBefore: number = DEFAULT_CUT_OFF_DAYS_BEFORE,
): Result<ReferralCutOff> {
  if (!Number.isInteger(daysBefore) || daysBefore < 0 || daysBefore > 90) {
    return fail('INVALID_CUT_OFF', 'The referral cut-off must be 0 to 90 whole days before the meeting.', 'daysBefore');
  }
  // Enough meetings to step past the cut-off even for a weekly panel.
  const candidates = nextMeetingDates(cadence, londonDateOf(submittedAt), Math.ceil(daysBefore / 7) + 2);
  if (!candidates.ok) return candidates;
  for (const meetingDate of candidates.value) {
    const cutOff = referralCutOff(meetingDate, daysBefore);
    if (!isLateReferral(submittedAt, cutOff)) return ok(cutOff);
  }
  return fail('NO_MEETING', 'No meeting in the cadence can take this referral.');
}
