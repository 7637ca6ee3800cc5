import { fullGivenNames, normaliseFamilyName, normaliseName, personNameKey } from '../../api/domain/matching/names';

describe('normalising names', () => {
  it.each<[string, string]>([
    ['SIOBHÁN', 'siobhan'],
    ["O'Brien", 'obrien'],
    ['O\u2019Brien', 'obrien'],
    ['  Smith-Jones ', 'smith jones'],
    ['Zoë  Müller', 'zoe muller'],
    ['Łukasz Straße', 'lukasz strasse'],
    ['Jean-François', 'jean francois'],
  ])('writes %p as %p', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it.each<[string, string]>([
    ['Bob', 'robert'],
    ['Liz', 'elizabeth'],
    ['Mick', 'michael'],
    ['Alex', 'alex'],
    ['Bill Tom', 'william thomas'],
  ])('writes the short form %p in full as %p', (raw, expected) => {
    expect(fullGivenNames(raw)).toBe(expected);
  });

  it.each<[string, string]>([
    ['O Brien', 'obrien'],
    ["O'Brien", 'obrien'],
    ['Smith Jones', 'smithjones'],
    ['Smith-Jones', 'smithjones'],
  ])('closes up the family name %p as %p', (raw, expected) => {
    expect(normaliseFamilyName(raw)).toBe(expected);
  });

  it('gives the same key to the same person written differently', () => {
    expect(personNameKey('Bob', "O'Brien")).toBe('obrien robert');
    expect(personNameKey('ROBERT', 'O Brien')).toBe('obrien robert');
  });
});
