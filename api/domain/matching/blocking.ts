// Blocking for the person matcher: a cheap test, answerable in SQL from three stored numbers, that
// every pair findPossiblePeople would accept passes. The database returns the few rows that pass;
// the unchanged matcher ranks them.
//
// Why no finite set of name keys can do it: the matcher accepts a pair when the Jaro-Winkler
// similarity of the whole compared names ("given family", also tried swapped) is at least 0.85, and
// Jaro forgives scattered typos anywhere, the first letter of either name included ("Martha Smith"
// and "Bartha Xmith" score 0.89). So a shared initial, phonetic key or substring can be missing from
// an accepted pair. What the threshold does imply is that the two names share most of their letters:
//
//   JW = J + p * 0.1 * (1 - J) with a common prefix p <= 4, so JW <= 0.6 J + 0.4, and JW >= s needs
//   J >= (s - 0.4) / 0.6. Jaro is J = (m/|a| + m/|b| + (m - t)/m) / 3 <= (m/|a| + m/|b| + 1) / 3,
//   where m counts characters of a paired with equal characters of b. So m/|a| + m/|b| >= 5s - 3
//   (1.25 at s = 0.85). And m is at most the size of the two names' common multiset of characters,
//   which does not depend on word order, so the swapped comparison obeys the same bound.
//
// The letter multiset is stored as a 64-bit mask, two bits per symbol (a-z and space: its first and
// second occurrence), plus a count of every other character (third occurrences, digits, letters
// outside a-z). Per symbol min(x, y) <= min(min(x,2), min(y,2)) + min(x - min(x,2), y - min(y,2)), so
// popcount(maskA & maskB) + least(extraA, extraB) is never below the common multiset: the test can
// only let through too much, never drop a match.
//
// The other hard fact: a different date of birth halves the score (0.5 x similarity <= 0.5), below
// the 0.7 every candidate needs (any minimum score above 0.5), so only people with the same date of birth or none are candidates
// when the probe has one.

import type { CalendarDate } from '../agenda/calendar-date';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './candidates';
import { fullGivenNames, normaliseFamilyName, personNameKey } from './names';

export interface PersonMatchKeys {
  /** Characters (code points) in the compared name, "given family". */
  matchLength: number;
  /** First and second occurrence of each of a-z and space, two bits a symbol. */
  matchBag: bigint;
  /** Characters not in the mask: third and later occurrences, digits, other letters. */
  matchExtra: number;
}

const SYMBOLS = 'abcdefghijklmnopqrstuvwxyz ';

/** Every key a person row keeps for finding them again, derived from the name: written together wherever a person is. */
export function personSearchKeys(givenNames: string, familyName: string): { nameKey: string } & PersonMatchKeys {
  return { nameKey: personNameKey(givenNames, familyName), ...personMatchKeys(givenNames, familyName) };
}

/** The name exactly as the matcher compares it (given names in full, family name closed up). */
export function comparedName(givenNames: string, familyName: string): string {
  return `${fullGivenNames(givenNames)} ${normaliseFamilyName(familyName)}`;
}

export function personMatchKeys(givenNames: string, familyName: string): PersonMatchKeys {
  const chars = [...comparedName(givenNames, familyName)];
  const seen = new Map<string, number>();
  let bag = 0n;
  let extra = 0;
  for (const char of chars) {
    const symbol = SYMBOLS.indexOf(char);
    const occurrence = seen.get(char) ?? 0;
    seen.set(char, occurrence + 1);
    if (symbol >= 0 && occurrence < 2) bag |= 1n << BigInt(symbol * 2 + occurrence);
    else extra += 1;
  }
  return { matchLength: chars.length, matchBag: bag, matchExtra: extra };
}

/** The least m/|a| + m/|b| a pair must reach to be similar enough; a hair lower for rounding. */
export function requiredShare(options: MatchOptions = DEFAULT_MATCH_OPTIONS): number {
  return 5 * options.minimumSimilarity - 3 - 1e-9;
}

function popcount32(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits set in a non-negative mask of at most 64 bits. */
function popcount(n: bigint): number {
  return popcount32(Number(n & 0xffffffffn)) + popcount32(Number((n >> 32n) & 0xffffffffn));
}

/**
 * The test the SQL runs (searchPeople's candidate query), in TypeScript: true for every pair the
 * matcher could accept. Records without keys (written before they were kept) always pass.
 */
export function mayMatchPerson(
  probe: PersonMatchKeys & { dateOfBirth: CalendarDate | null },
  record: { dateOfBirth: CalendarDate | null } & { [K in keyof PersonMatchKeys]: PersonMatchKeys[K] | null },
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): boolean {
  const differentBirth = probe.dateOfBirth && record.dateOfBirth && probe.dateOfBirth !== record.dateOfBirth;
  if (differentBirth && options.minimumScore > 0.5) return false;
  if (record.matchBag === null || record.matchLength === null || record.matchExtra === null) return true;
  const common = popcount(probe.matchBag & record.matchBag) + Math.min(probe.matchExtra, record.matchExtra);
  return common * (probe.matchLength + record.matchLength) >= requiredShare(options) * probe.matchLength * record.matchLength;
}
