import {
  describeCadence,
  isLateReferral,
  meetingForReferral,
  nextMeetingDates,
  referralCutOff,
  type PanelCadence,
} from '../../api/domain/agenda/cadence';
import { isoWeekOf, londonDateOf, startOfLondonDay, addMonths } from '../../api/domain/agenda/calendar-date';

const secondThursday: PanelCadence = { kind: 'MONTHLY', weekday: 'THURSDAY', week: 2 };

describe('meeting dates', () => {
  it.each<[string, PanelCadence, string, string[]]>([
    [
      'a monthly second-Thursday panel meets on the next three second Thursdays',
      secondThursday,
      '2026-11-01',
      ['2026-11-12', '2026-12-10', '2027-01-14'],
    ],
    ['a meeting on the start date itself is not "next"', secondThursday, '2026-11-12', ['2026-12-10', '2027-01-14', '2027-02-11']],
    [
      'a second-Wednesday panel (Islington) skips to December once November has passed',
      { kind: 'MONTHLY', weekday: 'WEDNESDAY', week: 2 },
      '2026-11-20',
      ['2026-12-09', '2027-01-13', '2027-02-10'],
    ],
    [
      'a last-Thursday panel meets on 31 December when the month has five Thursdays',
      { kind: 'MONTHLY', weekday: 'THURSDAY', week: 'LAST' },
      '2026-11-27',
      ['2026-12-31', '2027-01-28', '2027-02-25'],
    ],
    [
      'a first-Monday panel crosses the year end',
      { kind: 'MONTHLY', weekday: 'MONDAY', week: 1 },
      '2026-12-08',
      ['2027-01-04', '2027-02-01', '2027-03-01'],
    ],
    [
      'a fortnightly MARAC counts from its first meeting',
      { kind: 'EVERY_N_WEEKS', everyWeeks: 2, anchor: '2026-09-03' },
      '2026-11-12',
      ['2026-11-26', '2026-12-10', '2026-12-24'],
    ],
    [
      'a three-weekly panel that has not started yet begins on its first meeting',
      { kind: 'EVERY_N_WEEKS', everyWeeks: 3, anchor: '2027-01-05' },
      '2026-11-22',
      ['2027-01-05', '2027-01-26', '2027-02-16'],
    ],
  ])('%s', (_name, cadence, after, expected) => {
    expect(nextMeetingDates(cadence, after, 3)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, PanelCadence, string, number, string]>([
    ['refuses a cadence of zero weeks', { kind: 'EVERY_N_WEEKS', everyWeeks: 0, anchor: '2026-09-03' }, '2026-11-01', 3, 'INVALID_CADENCE'],
    [
      'refuses a first meeting on a date that does not exist',
      { kind: 'EVERY_N_WEEKS', everyWeeks: 2, anchor: '2026-02-30' },
      '2026-11-01',
      3,
      'INVALID_CADENCE',
    ],
    ['refuses a start date that is not a date', secondThursday, 'next week', 3, 'INVALID_DATE'],
    ['refuses to list no meetings at all', secondThursday, '2026-11-01', 0, 'INVALID_COUNT'],
  ])('%s', (_name, cadence, after, count, code) => {
    const result = nextMeetingDates(cadence, after, count);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it.each<[PanelCadence, string]>([
    [secondThursday, 'monthly, second Thursday'],
    [{ kind: 'MONTHLY', weekday: 'FRIDAY', week: 'LAST' }, 'monthly, last Friday'],
    [{ kind: 'EVERY_N_WEEKS', everyWeeks: 1, anchor: '2026-11-03' }, 'weekly on Tuesdays, from 3 November 2026'],
    [{ kind: 'EVERY_N_WEEKS', everyWeeks: 3, anchor: '2026-11-05' }, 'every 3 weeks on Thursdays, from 5 November 2026'],
  ])('describes %j as "%s"', (cadence, words) => {
    expect(describeCadence(cadence)).toBe(words);
  });
});

describe('referral cut-off', () => {
  it.each<[string, string, number, string, string]>([
    ['closes at the end of 2 November for the 12 November meeting (GMT)', '2026-11-12', 10, '2026-11-02', '2026-11-03T00:00:00.000Z'],
    ['closes at 23:00 UTC in summer, which is midnight in London', '2026-07-09', 10, '2026-06-29', '2026-06-29T23:00:00.000Z'],
    ['a partnership with a 7-day deadline closes a week before', '2026-12-10', 7, '2026-12-03', '2026-12-04T00:00:00.000Z'],
  ])('%s', (_name, meeting, daysBefore, lastDay, closesAt) => {
    const cutOff = referralCutOff(meeting, daysBefore);
    expect(cutOff.lastDay).toBe(lastDay);
    expect(cutOff.closesAt.toISOString()).toBe(closesAt);
  });

  it.each<[string, string, string, boolean]>([
    ['a referral at 23:59 London time on the last day is in time', '2026-11-12', '2026-11-02T23:59:00Z', false],
    ['a referral at midnight after the last day is late', '2026-11-12', '2026-11-03T00:00:00Z', true],
    [
      'a referral at 23:30 UTC on the last summer day is already the next day in London, so late',
      '2026-07-09',
      '2026-06-29T23:30:00Z',
      true,
    ],
    ['a referral at 22:30 UTC on the last summer day is 23:30 in London, so in time', '2026-07-09', '2026-06-29T22:30:00Z', false],
  ])('%s', (_name, meeting, submittedAt, late) => {
    expect(isLateReferral(new Date(submittedAt), referralCutOff(meeting))).toBe(late);
  });

  it.each<[string, PanelCadence, string, string]>([
    ['a referral before the cut-off goes to this month’s meeting', secondThursday, '2026-11-01T10:00:00Z', '2026-11-12'],
    ['a referral after the cut-off goes to next month’s meeting', secondThursday, '2026-11-05T10:00:00Z', '2026-12-10'],
    ['a referral on the day of the meeting goes to next month’s', secondThursday, '2026-11-12T09:00:00Z', '2026-12-10'],
    [
      'a weekly panel with a 10-day deadline takes it two meetings on',
      { kind: 'EVERY_N_WEEKS', everyWeeks: 1, anchor: '2026-11-05' },
      '2026-11-06T09:00:00Z',
      '2026-11-19',
    ],
  ])('%s', (_name, cadence, submittedAt, meetingDate) => {
    const result = meetingForReferral(cadence, new Date(submittedAt));
    expect(result.ok && result.value.meetingDate).toBe(meetingDate);
  });
});

describe('calendar dates in London', () => {
  it.each<[string, string, string]>([
    ['late evening UTC in summer is already tomorrow in London', '2026-06-29T23:30:00Z', '2026-06-30'],
    ['late evening UTC in winter is still today in London', '2026-11-29T23:30:00Z', '2026-11-29'],
  ])('%s', (_name, instant, date) => {
    expect(londonDateOf(new Date(instant))).toBe(date);
  });

  it.each<[string, string]>([
    ['2026-03-29', '2026-03-29T00:00:00.000Z'],
    ['2026-03-30', '2026-03-29T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['2026-10-26', '2026-10-26T00:00:00.000Z'],
  ])('London’s day %s starts at %s across the clock changes', (date, instant) => {
    expect(startOfLondonDay(date).toISOString()).toBe(instant);
  });

  it.each<[string, string]>([
    ['2026-11-23', '2026-W48'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-04', '2027-W01'],
  ])('%s falls in ISO week %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it.each<[string, number, string]>([
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-12', 3, '2027-02-12'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
