// How the tab says API values in words: statuses, risk bands and dates, in one place.
import type { ActionStatus, RiskBand } from '../api/actions';

export const STATUS_WORDS: Record<ActionStatus, string> = {
  PROPOSED: 'Proposed',
  ACCEPTED: 'Accepted',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  BLOCKED: 'Blocked',
  CANCELLED: 'Cancelled',
};

export const RISK_WORDS: Record<RiskBand | 'UNASSESSED', string> = {
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  UNASSESSED: 'Not assessed',
};

// A calendar date ('2026-06-01') names a day, not an instant: it is read at UTC midnight and
// written in UTC, so no time zone can move it. An instant is written as it reads in London.
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

const isCalendarDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

/** "1 Jun 2026" from "2026-06-01" (a calendar date) or from an ISO instant (its London day). */
export function formatDate(value: string | null): string {
  if (!value) return '—';
  return isCalendarDate(value) ? SHORT_DAY.format(dayOf(value)) : LONDON_DAY.format(new Date(value));
}

/** "1 June 2026" from the calendar date "2026-06-01". */
export function formatLongDate(date: string): string {
  return LONG_DAY.format(dayOf(date));
}

/** "Jun 26" from the month "2026-06". */
export function formatMonth(month: string): string {
  return SHORT_MONTH.format(dayOf(`${month}-01`));
}

export function formatDateTime(value: string | null): string {
  return value ? DATE_TIME.format(new Date(value)) : '—';
}

/** "HIGH_RISK_VICTIM" → "High risk victim", for enum values with no word list of their own. */
export function sentenceCase(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const LONDON_CALENDAR_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in London as a calendar date ("2026-11-20"), the day the API counts from. */
export function londonToday(now = new Date()): string {
  return LONDON_CALENDAR_DAY.format(now);
}
