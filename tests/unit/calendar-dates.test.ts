// The codec between calendar days and `date` columns, and London days as ranges of instants.
import { londonDateOf } from '../../api/domain/agenda/calendar-date';
import {
  calendarDateOfColumn,
  calendarDateOrNull,
  dateColumnOf,
  dateColumnOrNull,
  londonDaysBetween,
} from '../../api/store/calendar-dates';

describe('a calendar day written to a date column and read back', () => {
  it.each(['2026-01-01', '2026-03-29', '2026-06-30', '2026-10-25', '2026-12-31', '2028-02-29'])('keeps %s as it was', (day) => {
    expect(calendarDateOfColumn(dateColumnOf(day))).toBe(day);
  });

  it('writes the day as UTC midnight, the way Prisma stores a date column', () => {
    expect(dateColumnOf('2026-07-02').toISOString()).toBe('2026-07-02T00:00:00.000Z');
  });

  it('reads the day a column holds whatever the season, since a date column carries no time zone', () => {
    expect(calendarDateOfColumn(new Date(Date.UTC(2026, 6, 2)))).toBe('2026-07-02');
    expect(calendarDateOfColumn(new Date(Date.UTC(2026, 11, 2)))).toBe('2026-12-02');
  });

  it('passes an absent value through as null', () => {
    expect(dateColumnOrNull(null)).toBeNull();
    expect(dateColumnOrNull(undefined)).toBeNull();
    expect(calendarDateOrNull(null)).toBeNull();
    expect(calendarDateOrNull(dateColumnOrNull('2026-07-02'))).toBe('2026-07-02');
  });
});

describe('refusing what is not a calendar day', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-7-2', '02/07/2026', '2026-07-02T00:00:00Z', ''])('refuses to write "%s"', (text) => {
    expect(() => dateColumnOf(text)).toThrow(RangeError);
  });

  it('refuses to read an instant as a day: 00:30 on 2 July in London is 23:30 on 1 July in UTC', () => {
    const halfPastMidnightInSummer = new Date('2026-07-01T23:30:00Z');
    expect(() => calendarDateOfColumn(halfPastMidnightInSummer)).toThrow(/londonDateOf/);
    expect(londonDateOf(halfPastMidnightInSummer)).toBe('2026-07-02');
  });

  it('refuses an invalid Date', () => {
    expect(() => calendarDateOfColumn(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('London days as a range of instants, for searching timestamps by day', () => {
  it('starts at midnight UTC in winter and ends at the last millisecond of the day', () => {
    const range = londonDaysBetween('2026-12-01', '2026-12-31');
    expect([range.from.toISOString(), range.to.toISOString()]).toEqual(['2026-12-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z']);
  });

  it('starts an hour before UTC midnight in summer, so 00:30 BST on the first day is inside and 00:30 BST after the last is not', () => {
    const range = londonDaysBetween('2026-07-02', '2026-07-02');
    expect([range.from.toISOString(), range.to.toISOString()]).toEqual(['2026-07-01T23:00:00.000Z', '2026-07-02T22:59:59.999Z']);
    const inside = new Date('2026-07-01T23:30:00Z');
    const dayAfter = new Date('2026-07-02T23:30:00Z');
    expect(inside >= range.from && inside <= range.to).toBe(true);
    expect(dayAfter >= range.from && dayAfter <= range.to).toBe(false);
  });

  it('spans the 23-hour day the clocks go forward and the 25-hour day they go back', () => {
    const spring = londonDaysBetween('2026-03-29', '2026-03-29');
    expect(spring.to.getTime() + 1 - spring.from.getTime()).toBe(23 * 3_600_000);
    const autumn = londonDaysBetween('2026-10-25', '2026-10-25');
    expect(autumn.to.getTime() + 1 - autumn.from.getTime()).toBe(25 * 3_600_000);
  });
});
