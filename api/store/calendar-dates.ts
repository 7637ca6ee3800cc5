// The one codec between London calendar days ('2026-11-12') and the database. A `date` column holds
// a day, not an instant: Prisma writes and reads it as a Date at UTC midnight of that day, so the
// conversion is plain UTC arithmetic and never consults a time zone. Turning an instant (a
// `timestamp` column, the clock) into a day asks which day it is in London: that is `londonDateOf`,
// and cutting a UTC ISO string would put 00:00–01:00 BST on the day before.
import { addDays, isCalendarDate, startOfLondonDay, type CalendarDate } from '../domain/agenda/calendar-date';

/** The value to write to a `date` column for the calendar day `date`. */
export function dateColumnOf(date: CalendarDate): Date {
  if (!isCalendarDate(date)) throw new RangeError(`"${date}" is not a calendar date written as YYYY-MM-DD.`);
  return new Date(`${date}T00:00:00.000Z`);
}

/** The calendar day a `date` column holds. Refuses an instant that is not UTC midnight: that is a timestamp, not a day. */
export function calendarDateOfColumn(column: Date): CalendarDate {
  const ms = column.getTime();
  if (Number.isNaN(ms)) throw new RangeError('The date column holds an invalid date.');
  const iso = column.toISOString();
  if (!iso.endsWith('T00:00:00.000Z'))
    throw new RangeError(`${iso} is an instant, not a date column's day; use londonDateOf for instants.`);
  return iso.slice(0, 10);
}

export function dateColumnOrNull(date: CalendarDate | null | undefined): Date | null {
  return date ? dateColumnOf(date) : null;
}

export function calendarDateOrNull(column: Date | null | undefined): CalendarDate | null {
  return column ? calendarDateOfColumn(column) : null;
}

/** The instants from the start of London's day `from` to the last millisecond of London's day `to`, for searching timestamps by day. */
export function londonDaysBetween(from: CalendarDate, to: CalendarDate): { from: Date; to: Date } {
  return { from: startOfLondonDay(from), to: new Date(startOfLondonDay(addDays(to, 1)).getTime() - 1) };
}
