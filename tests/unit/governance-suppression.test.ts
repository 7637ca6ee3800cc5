import { cellText, countCell, median, medianCell, rateCell, suppressionApplies } from '../../api/domain/governance/suppression';

describe('small-number suppression', () => {
  it.each<[number, boolean, number | null, boolean]>([
    [0, true, 0, false],
    [1, true, null, true],
    [4, true, null, true],
    [5, true, 5, false],
    [4, false, 4, false],
    [12, true, 12, false],
  ])('a count of %i with suppression %s reads %s (withheld %s)', (n, suppress, value, suppressed) => {
    expect(countCell(n, suppress)).toEqual({ value, suppressed });
  });

  it.each<[string, number, number, boolean, number | null, boolean]>([
    ['3 of 4 is withheld: its base is small', 3, 4, true, null, true],
    ['3 of 4 shown to someone who sees exact figures', 3, 4, false, 0.75, false],
    ['2 of 6 rounds to three places', 2, 6, true, 0.333, false],
    ['nothing to divide is no rate at all', 0, 0, true, null, false],
  ])('rates: %s', (_name, part, of, suppress, value, suppressed) => {
    expect(rateCell(part, of, suppress)).toEqual({ value, suppressed });
  });

  it.each<[number[], number]>([
    [[5], 5],
    [[9, 1, 4], 4],
    [[10, 2, 4, 8], 6],
  ])('the median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('withholds a median resting on fewer than five actions', () => {
    expect(medianCell([1, 2, 3], true)).toEqual({ value: null, suppressed: true });
    expect(medianCell([1, 2, 3, 4, 5], true)).toEqual({ value: 3, suppressed: false });
    expect(medianCell([], true)).toEqual({ value: null, suppressed: false });
  });

  it.each<[string, string[], boolean]>([
    ['a panel member from a partner agency', ['PANEL_MEMBER'], true],
    ['a referrer', ['REFERRER'], true],
    ['a chair', ['PANEL_CHAIR'], false],
    ['a chair who is also a panel member', ['PANEL_MEMBER', 'PANEL_CHAIR'], false],
    ['an auditor', ['AUDITOR'], false],
    ['a partnership administrator', ['PARTNERSHIP_ADMIN'], false],
  ])('%s sees small numbers withheld: %s', (_name, roles, expected) => {
    expect(suppressionApplies({ roles: roles as never })).toBe(expected);
  });

  it('writes a withheld cell as "<5" and a missing one as blank', () => {
    expect(cellText({ value: null, suppressed: true })).toBe('<5');
    expect(cellText({ value: null, suppressed: false })).toBe('');
    expect(cellText({ value: 0.5, suppressed: false })).toBe('0.5');
  });
});
