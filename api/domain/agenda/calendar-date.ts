// Plain calendar dates ('2026-11-12') for meetings, due dates and cut-offs. Panels think in days,
// not instants, so arithmetic runs on UTC midnights where no clock change can shift a day; only
// turning an instant into a London day (or back) consults the Europe/London time zone.

export type CalendarDate = string;

export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function toUtcMs(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return fromUtcMs(Date.UTC(year, month - 1, day));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Adds calendar months, keeping the day where it exists and otherwise using the month's last day. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = daysInMonth(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1);
  return calendarDate(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, Math.min(d, lastDay));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function weekdayOf(date: CalendarDate): Weekday {
  const sundayFirst = new Date(toUtcMs(date)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7] as Weekday;
}

/** ISO 8601 week label such as '2026-W47'; weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekOf(date: CalendarDate): string {
  const mondayBased = WEEKDAYS.indexOf(weekdayOf(date));
  const thursday = addDays(date, 3 - mondayBased);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(calendarDate(year, 1, 1), thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** '12 November 2026', the way minutes and cards write dates. */
export function formatLongDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonWallClock(instant: Date): { date: CalendarDate; minutes: number } {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The day it is in London at `instant`. */
export function londonDateOf(instant: Date): CalendarDate {
  return londonWallClock(instant).date;
}

/**
 * The instant London's day `date` begins. UK clocks change at 01:00 UTC and London is never behind
 * UTC, so at UTC midnight London reads 00:00 or 01:00 of the same day: that reading is the offset.
 */
export function startOfLondonDay(date: CalendarDate): Date {
  const utcMidnight = toUtcMs(date);
  return new Date(utcMidnight - londonWallClock(new Date(utcMidnight)).minutes * 60_000);
}

/** The instant a London wall-clock time ('10:00') falls on `date`; meetings are set in local time. */
export function londonInstant(date: CalendarDate, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const asIfUtc = toUtcMs(date) + (hours * 60 + minutes) * 60_000;
  // Read the wall clock's day as well as its time: in summer 23:30 UTC is already tomorrow in London.
  const wall = londonWallClock(new Date(asIfUtc));
  const offsetMinutes = (toUtcMs(wall.date) - toUtcMs(date)) / 60_000 + wall.minutes - (hours * 60 + minutes);
  return new Date(asIfUtc - offsetMinutes * 60_000);
}
