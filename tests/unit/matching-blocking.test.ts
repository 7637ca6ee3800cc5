// The people search asks the database only for people passing the blocking test; this checks, over
// many random names and their variants, that the test never drops a pair the matcher accepts.
import { mayMatchPerson, personMatchKeys } from '../../api/domain/matching/blocking';
import { DEFAULT_MATCH_OPTIONS, findPossiblePeople, type PersonRecord } from '../../api/domain/matching/candidates';
// Seeded, so a failure can be replayed.
import { mulberry32 as generator } from '../../api/store/demo-data/random';

const GIVEN = [
  'Robert',
  'Bob',
  'Siobhán',
  'John',
  'Jon',
  'Aisha',
  'Elizabeth',
  'Liz',
  'Mary Ann',
  'Jo',
  'Zoë',
  'Kate',
  'Catherine',
  'Li',
  'Wojciech',
  'Anne-Marie',
  'Ed',
  'Mohammed',
  'Muhammad',
  'Ann',
];
const FAMILY = [
  "O'Brien",
  'Smith',
  'Smyth',
  'Khan',
  'Nguyen',
  'Smith-Jones',
  'Ng',
  'Łukasiewicz',
  'MacDonald',
  'Van der Berg',
  'Öztürk',
  'Li',
  'Ali',
  'Brown',
  'Jones',
  'Ahmed',
  'Bøe',
];
const LETTERS = "abcdefghijklmnopqrstuvwxyzéß' -1";

function mutate(name: string, random: () => number): string {
  const chars = [...name];
  const at = Math.floor(random() * (chars.length + 1));
  const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
  switch (Math.floor(random() * 6)) {
    case 0: // a letter mistyped, the first included
      if (chars.length > 0) chars[Math.min(at, chars.length - 1)] = letter;
      break;
    case 1: // a letter dropped
      chars.splice(Math.min(at, chars.length - 1), 1);
      break;
    case 2: // a letter added
      chars.splice(at, 0, letter);
      break;
    case 3: // two letters swapped
      if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
      break;
    case 4: // shouted or whispered
      return random() < 0.5 ? name.toUpperCase() : name.toLowerCase();
    default: // a word added or lost
      return random() < 0.5 ? `${name} ${GIVEN[Math.floor(random() * GIVEN.length)]}` : name.split(/[ -]/)[0]!;
  }
  return chars.join('');
}

function variant(person: Omit<PersonRecord, 'id'>, random: () => number): Omit<PersonRecord, 'id'> {
  let { givenNames, familyName, dateOfBirth } = person;
  const edits = Math.floor(random() * 4);
  for (let i = 0; i < edits; i += 1) {
    if (random() < 0.5) givenNames = mutate(givenNames, random);
    else familyName = mutate(familyName, random);
  }
  if (random() < 0.2) [givenNames, familyName] = [familyName, givenNames];
  const r = random();
  if (r < 0.2) dateOfBirth = null;
  else if (r < 0.3) dateOfBirth = '1990-01-02';
  return { givenNames, familyName, dateOfBirth };
}

function randomPerson(random: () => number): Omit<PersonRecord, 'id'> {
  return {
    givenNames: GIVEN[Math.floor(random() * GIVEN.length)]!,
    familyName: FAMILY[Math.floor(random() * FAMILY.length)]!,
    dateOfBirth: random() < 0.3 ? null : random() < 0.5 ? '1990-01-02' : '1981-04-12',
  };
}

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
