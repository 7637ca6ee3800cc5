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

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "1 Jun 2026" from "2026-06-01" (a calendar date) or an ISO instant. */
export function formatDate(value: string | null): string {
  if (!value) return '—';
  return LONG_DATE.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));
}

export function formatDateTime(value: string | null): string {
  return value ? DATE_TIME.format(new Date(value)) : '—';
}

/** "HIGH_RISK_VICTIM" → "High risk victim", for enum values with no word list of their own. */
export function sentenceCase(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
