// Random names as referrers type them, for the tests that hold the people search's blocking test
// (api/domain/matching/blocking.ts) to the matcher and to its SQL twin.
import type { PersonRecord } from '../../api/domain/matching/candidates';

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

/** The same person as a referrer might type them again: typos, words added or lost, names swapped, another or no date of birth. */
export function variant(person: Omit<PersonRecord, 'id'>, random: () => number): Omit<PersonRecord, 'id'> {
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

/** Someone from a small pool of real-world names, so that many pairs are near each other. */
export function randomPerson(random: () => number): Omit<PersonRecord, 'id'> {
  return {
    givenNames: GIVEN[Math.floor(random() * GIVEN.length)]!,
    familyName: FAMILY[Math.floor(random() * FAMILY.length)]!,
    dateOfBirth: random() < 0.3 ? null : random() < 0.5 ? '1990-01-02' : '1981-04-12',
  };
}
