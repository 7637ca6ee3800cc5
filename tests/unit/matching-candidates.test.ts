import { findPossibleLocations, findPossiblePeople, type LocationRecord, type PersonRecord } from '../../api/domain/matching/candidates';

const people: PersonRecord[] = [
  { id: 'p1', givenNames: 'Robert', familyName: "O'Brien", dateOfBirth: '1981-04-12' },
  { id: 'p2', givenNames: 'John', familyName: 'Smyth', dateOfBirth: '1990-01-02' },
  { id: 'p3', givenNames: 'Jon', familyName: 'Smith', dateOfBirth: null },
  { id: 'p4', givenNames: 'Jon', familyName: 'Smith', dateOfBirth: '1975-06-30' },
  { id: 'p5', givenNames: 'Aisha', familyName: 'Khan', dateOfBirth: '1990-01-02' },
];

describe('finding people who may already be on record', () => {
  it.each<[string, Omit<PersonRecord, 'id'>, Array<[string, number, string]>]>([
    [
      'a short form and a missing apostrophe with the same date of birth',
      { givenNames: 'Bob', familyName: 'OBrien', dateOfBirth: '1981-04-12' },
      [['p1', 1, 'same date of birth, name 1.00 similar']],
    ],
    [
      'a misspelt name with the same date of birth ranks above the same name without one',
      { givenNames: 'Jon', familyName: 'Smith', dateOfBirth: '1990-01-02' },
      [
        ['p2', 0.96, 'same date of birth, name 0.92 similar'],
        ['p3', 0.8, 'no date of birth to compare, name 1.00 similar'],
      ],
    ],
    [
      'given and family names entered the wrong way round',
      { givenNames: 'Khan', familyName: 'Aisha', dateOfBirth: '1990-01-02' },
      [['p5', 1, 'same date of birth, name 1.00 similar']],
    ],
    ['a different person who shares only a date of birth', { givenNames: 'Mohammed', familyName: 'Ali', dateOfBirth: '1990-01-02' }, []],
  ])('%s', (_case, probe, expected) => {
    expect(findPossiblePeople(probe, people).map((c) => [c.record.id, c.score, c.reason])).toEqual(expected);
  });

  it('does not offer the same name with a different date of birth', () => {
    const ids = findPossiblePeople({ givenNames: 'Jon', familyName: 'Smith', dateOfBirth: '1990-01-02' }, people).map((c) => c.record.id);
    expect(ids).not.toContain('p4');
  });

  it('stops at the limit asked for', () => {
    expect(
      findPossiblePeople({ givenNames: 'Jon', familyName: 'Smith', dateOfBirth: null }, people, {
        minimumSimilarity: 0.85,
        minimumScore: 0.5,
        limit: 1,
      }),
    ).toHaveLength(1);
  });
});

const places: LocationRecord[] = [
  { id: 'l1', address: '14 Elm St, Burnley', postcode: 'BB11 1AA' },
  { id: 'l2', address: '16 Elm Street, Burnley', postcode: 'BB11 1AA' },
  { id: 'l3', address: 'Elm Street Play Park, Burnley', postcode: null },
  { id: 'l4', address: '14 Elm Street, Burnley', postcode: 'BB10 2XY' },
];

describe('finding places that may already be on record', () => {
  it.each<[string, Omit<LocationRecord, 'id'>, Array<[string, string]>]>([
    [
      'the same house written with an abbreviation and a lower-case postcode',
      { address: '14 Elm Street Burnley', postcode: 'bb111aa' },
      [['l1', 'same postcode BB11 1AA, address 1.00 similar']],
    ],
    [
      'a park with no postcode',
      { address: 'Elm St Play Park Burnley', postcode: null },
      [['l3', 'no postcode to compare, address 1.00 similar']],
    ],
  ])('%s', (_case, probe, expected) => {
    expect(findPossibleLocations(probe, places).map((c) => [c.record.id, c.reason])).toEqual(expected);
  });

  it.each<[string, string]>([
    ['the house next door on the same street and postcode', 'l2'],
    ['the same house number and street in another postcode', 'l4'],
  ])('does not offer %s', (_case, id) => {
    const ids = findPossibleLocations({ address: '14 Elm Street, Burnley', postcode: 'BB11 1AA' }, places).map((c) => c.record.id);
    expect(ids).not.toContain(id);
  });

  it('explains a different house number when a low minimum lets it through', () => {
    const [next] = findPossibleLocations({ address: '14 Elm Street, Burnley', postcode: 'BB11 1AA' }, [places[1]!], {
      minimumSimilarity: 0.85,
      minimumScore: 0,
      limit: 10,
    });
    expect(next?.reason).toMatch(/^same postcode BB11 1AA, address 0\.\d\d similar, different house or flat number$/);
  });
});
