import { jaro, jaroWinkler } from '../../api/domain/matching/similarity';

describe('Jaro-Winkler similarity', () => {
  it.each<[string, string, number, number]>([
    ['MARTHA', 'MARHTA', 0.9444, 0.9611],
    ['DWAYNE', 'DUANE', 0.8222, 0.84],
    ['DIXON', 'DICKSONX', 0.7667, 0.8133],
    ['JELLYFISH', 'SMELLYFISH', 0.8963, 0.8963],
  ])('matches the published value for %s and %s', (a, b, jaroValue, winklerValue) => {
    expect(jaro(a, b)).toBeCloseTo(jaroValue, 4);
    expect(jaroWinkler(a, b)).toBeCloseTo(winklerValue, 4);
  });

  it.each<[string, string, number]>([
    ['identical names', 'smith', 1],
    ['no letters in common', 'abc', 0],
    ['one name empty', '', 0],
  ])('scores %s', (_case, other, expected) => {
    expect(jaroWinkler('smith', other)).toBe(expected);
  });

  it('treats two empty strings as identical', () => {
    expect(jaroWinkler('', '')).toBe(1);
  });

  it('is the same whichever way round the names are given', () => {
    expect(jaroWinkler('obrien', 'o brian')).toBe(jaroWinkler('o brian', 'obrien'));
  });
});
