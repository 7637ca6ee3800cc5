// Bank holidays of the UK's three calendars, from the date-holidays rules, for any year.
import { bankHolidaysFrom, bankHolidaysIn } from '../../api/services/bank-holidays';

describe('bank holidays by nation', () => {
  it.each([
    ["St Andrew's Day", '2026-11-30', { ENGLAND_AND_WALES: false, SCOTLAND: true, NORTHERN_IRELAND: false }],
    ['the Battle of the Boyne', '2027-07-12', { ENGLAND_AND_WALES: false, SCOTLAND: false, NORTHERN_IRELAND: true }],
    ["St Patrick's Day", '2027-03-17', { ENGLAND_AND_WALES: false, SCOTLAND: false, NORTHERN_IRELAND: true }],
    ['Easter Monday', '2026-04-06', { ENGLAND_AND_WALES: true, SCOTLAND: false, NORTHERN_IRELAND: true }],
    ['2 January', '2026-01-02', { ENGLAND_AND_WALES: false, SCOTLAND: true, NORTHERN_IRELAND: false }],
    ['the first Monday in August', '2026-08-03', { ENGLAND_AND_WALES: false, SCOTLAND: true, NORTHERN_IRELAND: false }],
    ['Good Friday', '2026-04-03', { ENGLAND_AND_WALES: true, SCOTLAND: true, NORTHERN_IRELAND: true }],
  ] as const)('%s (%s) is a bank holiday only where it is kept', async (_name, day, keptIn) => {
    for (const [region, kept] of Object.entries(keptIn)) {
      const holidays = await bankHolidaysIn(region as keyof typeof keptIn, Number(day.slice(0, 4)));
      expect([region, holidays.includes(day)]).toEqual([region, kept]);
    }
  });

  it('gives England and Wales its eight bank holidays with the substitute days, in a year no hand-kept list covered', async () => {
    expect(await bankHolidaysIn('ENGLAND_AND_WALES', 2031)).toEqual([
      '2031-01-01',
      '2031-04-11',
      '2031-04-14',
      '2031-05-05',
      '2031-05-26',
      '2031-08-25',
      '2031-12-25',
      '2031-12-26',
    ]);
  });

  it('moves Christmas to a weekday when it falls at the weekend', async () => {
    const holidays = await bankHolidaysIn('ENGLAND_AND_WALES', 2027);
    expect(holidays).toEqual(expect.arrayContaining(['2027-12-27', '2027-12-28']));
  });

  it("leaves out observances such as Mother's Day and Easter Sunday", async () => {
    const holidays = await bankHolidaysIn('ENGLAND_AND_WALES', 2026);
    expect(holidays).not.toContain('2026-03-15');
    expect(holidays).not.toContain('2026-04-05');
  });

  it('covers the year after, so a deadline counted over New Year skips 1 January', async () => {
    expect(await bankHolidaysFrom('SCOTLAND', '2026-12-20')).toEqual(expect.arrayContaining(['2026-12-25', '2027-01-01', '2027-01-04']));
  });
});
