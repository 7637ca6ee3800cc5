// Ranks existing people and places that may be the one being entered, so a referrer links to the
// existing record instead of creating a duplicate. The reason is shown beside each candidate.
//
// Each score starts from how similar the names (or addresses) are, then weighs the one hard fact:
// the same date of birth (or postcode) lifts it to at least 0.5, a missing one scales it by 0.8,
// a different one halves it. A different house or flat number halves a location's score again.

import type { CalendarDate } from '../agenda/calendar-date';
import { normaliseAddress, normalisePostcode, propertyNumbers } from './addresses';
import { fullGivenNames, normaliseFamilyName } from './names';
import { jaroWinkler } from './similarity';

export interface PersonRecord {
  id: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: CalendarDate | null;
}

export interface LocationRecord {
  id: string;
  address: string;
  postcode: string | null;
}

export interface MatchCandidate<T> {
  record: T;
  /** 0 to 1, rounded to two places. */
  score: number;
  reason: string;
}

export interface MatchOptions {
  /** Names or addresses less similar than this are never offered. */
  minimumSimilarity: number;
  minimumScore: number;
  limit: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { minimumSimilarity: 0.85, minimumScore: 0.7, limit: 10 };

type Fact = 'SAME' | 'MISSING' | 'DIFFERENT';

const round = (n: number): number => Math.round(n * 100) / 100;

function weigh(similarity: number, fact: Fact): number {
  if (fact === 'SAME') return 0.5 + 0.5 * similarity;
  if (fact === 'MISSING') return 0.8 * similarity;
  return 0.5 * similarity;
}

function compareName(person: Pick<PersonRecord, 'givenNames' | 'familyName'>): { given: string; family: string } {
  return { given: fullGivenNames(person.givenNames), family: normaliseFamilyName(person.familyName) };
}

/** Also tries the names swapped, because given and family names are often entered the wrong way round. */
export function nameSimilarity(
  a: Pick<PersonRecord, 'givenNames' | 'familyName'>,
  b: Pick<PersonRecord, 'givenNames' | 'familyName'>,
): number {
  const x = compareName(a);
  const y = compareName(b);
  return Math.max(
    jaroWinkler(`${x.given} ${x.family}`, `${y.given} ${y.family}`),
    jaroWinkler(`${x.given} ${x.family}`, `${y.family} ${y.given}`),
  );
}

function rank<T extends { id: string }>(candidates: Array<MatchCandidate<T>>, options: MatchOptions): Array<MatchCandidate<T>> {
  return candidates
    .filter((c) => c.score >= options.minimumScore)
    .sort((a, b) => b.score - a.score || a.record.id.localeCompare(b.record.id))
    .slice(0, options.limit);
}

export function findPossiblePeople(
  probe: Omit<PersonRecord, 'id'>,
  people: readonly PersonRecord[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): Array<MatchCandidate<PersonRecord>> {
  const candidates: Array<MatchCandidate<PersonRecord>> = [];
  for (const person of people) {
    const similarity = nameSimilarity(probe, person);
    if (similarity < options.minimumSimilarity) continue;
    const fact: Fact =
      !probe.dateOfBirth || !person.dateOfBirth ? 'MISSING' : probe.dateOfBirth === person.dateOfBirth ? 'SAME' : 'DIFFERENT';
    const dob = { SAME: 'same date of birth', MISSING: 'no date of birth to compare', DIFFERENT: 'different date of birth' }[fact];
    candidates.push({ record: person, score: round(weigh(similarity, fact)), reason: `${dob}, name ${similarity.toFixed(2)} similar` });
  }
  return rank(candidates, options);
}

export function findPossibleLocations(
  probe: Omit<LocationRecord, 'id'>,
  locations: readonly LocationRecord[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): Array<MatchCandidate<LocationRecord>> {
  const probeAddress = normaliseAddress(probe.address);
  const probePostcode = probe.postcode ? normalisePostcode(probe.postcode) : null;
  const probeNumbers = propertyNumbers(probeAddress).join(' ');
  const candidates: Array<MatchCandidate<LocationRecord>> = [];
  for (const location of locations) {
    const address = normaliseAddress(location.address);
    const similarity = jaroWinkler(probeAddress, address);
    if (similarity < options.minimumSimilarity) continue;
    const postcode = location.postcode ? normalisePostcode(location.postcode) : null;
    const fact: Fact = !probePostcode?.ok || !postcode?.ok ? 'MISSING' : probePostcode.value === postcode.value ? 'SAME' : 'DIFFERENT';
    const parts = [
      fact === 'SAME' && postcode?.ok
        ? `same postcode ${postcode.value}`
        : fact === 'MISSING'
          ? 'no postcode to compare'
          : 'different postcode',
      `address ${similarity.toFixed(2)} similar`,
    ];
    let score = weigh(similarity, fact);
    if (propertyNumbers(address).join(' ') !== probeNumbers) {
      score /= 2;
      parts.push('different house or flat number');
    }
    candidates.push({ record: location, score: round(score), reason: parts.join(', ') });
  }
  return rank(candidates, options);
}

/**
 * A match sure enough to reuse without asking: the same postcode, the same house or flat number and
 * an address that reads nearly the same. Anything less is offered to the referrer, never assumed.
 */
export const CONFIDENT_MATCH_SCORE = 0.95;

export function confidentMatch<T>(candidates: ReadonlyArray<MatchCandidate<T>>): MatchCandidate<T> | null {
  const best = candidates[0];
  return best && best.score >= CONFIDENT_MATCH_SCORE ? best : null;
}
