// Bank holidays for the UK's three holiday calendars, taken from the maintained `date-holidays`
// rules (GOV.UK's dates for any year, substitute days included) rather than a hand-kept list.
// Working-day deadlines skip the holidays of the partnership's own nation.
import type { default as HolidayCalendar } from 'date-holidays';
import type { CalendarDate } from '../domain/agenda/calendar-date';
import type { BankHolidayRegion } from '../store/generated/client';
import type { Tx } from './context';

const SUBDIVISION: Record<BankHolidayRegion, string> = { ENGLAND_AND_WALES: 'ENG', SCOTLAND: 'SCT', NORTHERN_IRELAND: 'NIR' };

// The library carries every country's rules and takes about a third of a second to load, so it
// loads on the first deadline counted, not at start-up.
const calendars = new Map<BankHolidayRegion, Promise<HolidayCalendar>>();
const byYear = new Map<string, readonly CalendarDate[]>();

function calendarOf(region: BankHolidayRegion): Promise<HolidayCalendar> {
  let calendar = calendars.get(region);
  if (!calendar) {
    calendar = import('date-holidays').then(({ default: Holidays }) => new Holidays('GB', SUBDIVISION[region]));
    calendars.set(region, calendar);
  }
  return calendar;
}

/** The bank holidays of `region` in `year`; observances such as Mother's Day are not holidays. */
export async function bankHolidaysIn(region: BankHolidayRegion, year: number): Promise<readonly CalendarDate[]> {
  const key = `${region}:${year}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  const holidays = (await calendarOf(region)).getHolidays(year);
  // `date` is the London wall-clock start ('2026-12-28 00:00:00'), so its first ten characters are the day.
  const days = [...new Set(holidays.filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)))];
  byYear.set(key, days);
  return days;
}

/** The bank holidays from the start of `from`'s year to the end of the next: enough for any deadline a few weeks of working days away. */
export async function bankHolidaysFrom(region: BankHolidayRegion, from: CalendarDate): Promise<readonly CalendarDate[]> {
  const year = Number(from.slice(0, 4));
  return [...(await bankHolidaysIn(region, year)), ...(await bankHolidaysIn(region, year + 1))];
}

/** The bank holidays a partnership's working-day deadlines skip, counting from `from`. */
export async function partnershipBankHolidays(tx: Tx, partnershipId: string, from: CalendarDate): Promise<readonly CalendarDate[]> {
  const { bankHolidayRegion } = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { bankHolidayRegion: true },
  });
  return bankHolidaysFrom(bankHolidayRegion, from);
}
