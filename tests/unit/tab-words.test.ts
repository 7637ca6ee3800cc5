// How the tab writes dates: a calendar date stays its day in any time zone; an instant reads as London's day.
import { formatDate, formatLongDate, formatMonth } from '../../tab/src/components/words';

describe('the tab writing dates', () => {
  it.each([
    ['a calendar date as its own day', '2026-07-02', '2 Jul 2026'],
    ['an instant at 00:30 on a summer night as the London day it fell on', '2026-07-01T23:30:00Z', '2 Jul 2026'],
    ['an instant in winter, when London keeps UTC', '2026-12-01T23:30:00Z', '1 Dec 2026'],
  ])('writes %s', (_what, value, words) => {
    expect(formatDate(value)).toBe(words);
  });

  it('writes nothing known as a dash', () => {
    expect(formatDate(null)).toBe('—');
  });

  it('writes a long date and a month from calendar values', () => {
    expect(formatLongDate('2026-03-29')).toBe('29 March 2026');
    expect(formatMonth('2026-10')).toBe('Oct 26');
  });
});
