// The people search asks the database only for people passing the blocking test; this checks, over
// many random names and their variants, that the test never drops a pair the matcher accepts.
import { mayMatchPerson, personMatchKeys } from '../../api/domain/matching/blocking';
import { DEFAULT_MATCH_OPTIONS, findPossiblePeople } from '../../api/domain/matching/candidates';
// Seeded, so a failure can be replayed.
import { mulberry32 as generator } from '../../api/store/demo-data/random';
import { randomPerson, variant } from '../support/name-variants';

describe('the people search blocking test', () => {
  it('lets through every pair of names and dates of birth the matcher accepts', () => {
    const random = generator(19);
    let accepted = 0;
    let blocked = 0;
    for (let i = 0; i < 4000; i += 1) {
      const original = randomPerson(random);
      const probe = variant(original, random);
      // Half the records are variants of the probe's person, half anyone at all.
      const others = Array.from({ length: 10 }, (_, k) => ({
        id: `r${k}`,
        ...(k % 2 === 0 ? variant(original, random) : randomPerson(random)),
      }));
      const keys = personMatchKeys(probe.givenNames, probe.familyName);
      for (const record of others) {
        const matched = findPossiblePeople(probe, [record], DEFAULT_MATCH_OPTIONS).length > 0;
        const passes = mayMatchPerson(
          { ...keys, dateOfBirth: probe.dateOfBirth },
          { ...personMatchKeys(record.givenNames, record.familyName), dateOfBirth: record.dateOfBirth },
        );
        if (matched) {
          accepted += 1;
          if (!passes) throw new Error(`blocked an accepted pair: ${JSON.stringify(probe)} and ${JSON.stringify(record)}`);
        }
        if (!passes) blocked += 1;
      }
    }
    // The property is only worth something if the matcher accepted many pairs and the test still narrows.
    expect(accepted).toBeGreaterThan(2000);
    expect(blocked).toBeGreaterThan(10000);
  });

  it('lets through records without keys, and refuses a different date of birth whatever the name', () => {
    const keys = personMatchKeys('Jon', 'Smith');
    expect(mayMatchPerson({ ...keys, dateOfBirth: null }, { matchLength: null, matchBag: null, matchExtra: null, dateOfBirth: null })).toBe(
      true,
    );
    expect(mayMatchPerson({ ...keys, dateOfBirth: '1990-01-02' }, { ...keys, dateOfBirth: '1990-01-03' })).toBe(false);
    expect(mayMatchPerson({ ...keys, dateOfBirth: '1990-01-02' }, { ...keys, dateOfBirth: null })).toBe(true);
    expect(mayMatchPerson({ ...keys, dateOfBirth: null }, { ...personMatchKeys('Aisha', 'Khan'), dateOfBirth: null })).toBe(false);
  });

  it('keeps the same keys for the names swapped, short forms and spelling of the same name', () => {
    expect(personMatchKeys('Smith', 'Jon')).toEqual(personMatchKeys('Jon', 'Smith'));
    expect(personMatchKeys('Bob', "O'Brien")).toEqual(personMatchKeys('ROBERT', 'o brien'));
  });
});
