// Demo dates are London days relative to the `today` the caller passes, never the machine clock.
import { addDays, londonDateOf, startOfLondonDay, weekdayOf, type CalendarDate } from '../../domain/agenda/calendar-date';

export interface DemoClock {
  today: CalendarDate;
  daysAgo(days: number): CalendarDate;
  /** An instant on a London day at a wall-clock time. */
  at(date: CalendarDate, hour: number, minute?: number): Date;
}

export function demoClock(today: Date): DemoClock {
  const todayDate = londonDateOf(today);
  return {
    today: todayDate,
    daysAgo: (days) => addDays(todayDate, -days),
    at: (date, hour, minute = 0) => new Date(startOfLondonDay(date).getTime() + (hour * 60 + minute) * 60_000),
  };
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

export function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export function earlierOf(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** Adds working days (Monday to Friday); bank holidays are ignored in demo data. */
export function addWorkingDays(date: CalendarDate, days: number): CalendarDate {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    const weekday = weekdayOf(current);
    if (weekday !== 'SATURDAY' && weekday !== 'SUNDAY') left -= 1;
  }
  return current;
}
