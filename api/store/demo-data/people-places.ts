// The 60 people and 40 locations of the demo, created as the case stories need them.
import type { CaseRole, LocationKind } from '../generated/client';
import {
  BLOCKS,
  BUSINESSES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  INWARD_LETTERS,
  PERPETRATOR_VULNERABILITIES,
  PUBLIC_SPACES,
  STREETS,
  VICTIM_VULNERABILITIES,
  WARDS,
  type Ward,
} from './names';
import { DEMO_PARTNERSHIP_ID } from './partnership';
import type { IdMaker, Random } from './random';
import type { DemoRows } from './rows';
import { earlierOf, type DemoClock } from './time';
import { dateColumnOf } from '../calendar-dates';
import { normaliseAddress, normalisePostcode } from '../../domain/matching/addresses';
import { normaliseFamilyName, normaliseName } from '../../domain/matching/names';
import { personSearchKeys } from '../../domain/matching/blocking';

export const PEOPLE_COUNT = 60;
export const LOCATION_COUNT = 40;

// Matching keys come from the same domain functions the referral form uses.
function postcodeKeyOf(postcode: string): string {
  const normalised = normalisePostcode(postcode);
  if (!normalised.ok) throw new Error(`demo postcode ${postcode} is not a valid postcode`);
  return normalised.value;
}

export interface DemoLocation {
  id: string;
  kind: LocationKind;
  addressLine1: string;
  addressLine2: string | null;
  ward: Ward;
  postcode: string;
  firstSeen: Date;
}

export interface DemoPerson {
  id: string;
  givenName: string;
  familyName: string;
  role: CaseRole;
  age: number;
  vulnerabilities: string[];
  home: DemoLocation | null;
  firstSeen: Date;
}

export interface Directory {
  people: DemoPerson[];
  dwellings: DemoLocation[];
  publicSpaces: DemoLocation[];
  businesses: DemoLocation[];
  /** A new person, or an existing one with the same role once all 60 exist. */
  person(role: CaseRole, where?: { near?: DemoLocation; home?: DemoLocation | null }): DemoPerson;
  /** A new home, or an existing one once the dwellings are used up. */
  dwelling(near?: DemoLocation): DemoLocation;
  seen(thing: { firstSeen: Date }, at: Date): void;
  /** Tops people and places up to their full counts and writes them out. */
  finish(rows: DemoRows): void;
}

const DWELLING_COUNT = LOCATION_COUNT - PUBLIC_SPACES.length - BUSINESSES.length;

export function createDirectory(random: Random, id: IdMaker, clock: DemoClock): Directory {
  const longAgo = clock.at(clock.daysAgo(365), 9);
  const names = random.shuffle(GIVEN_NAMES.flatMap((given) => FAMILY_NAMES.map((family) => [given, family] as const)));
  const usedPostcodes = new Set<string>();

  const postcodeIn = (ward: Ward): string => {
    for (;;) {
      const postcode = `${ward.district} ${random.int(1, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
      if (!usedPostcodes.has(postcode)) {
        usedPostcodes.add(postcode);
        return postcode;
      }
    }
  };
  const wardNamed = (name: string): Ward => WARDS.find((w) => w.name === name) ?? (WARDS[0] as Ward);
  const place = (kind: LocationKind, index: number, p: { name: string; near: string; ward: string }): DemoLocation => {
    const ward = wardNamed(p.ward);
    return {
      id: id('location', kind, index),
      kind,
      addressLine1: p.name,
      addressLine2: p.near,
      ward,
      postcode: postcodeIn(ward),
      firstSeen: longAgo,
    };
  };

  const directory: Directory = {
    people: [],
    dwellings: [],
    publicSpaces: PUBLIC_SPACES.map((p, i) => place('PUBLIC_SPACE', i, p)),
    businesses: BUSINESSES.map((p, i) => place('BUSINESS', i, p)),
    person(role, where = {}) {
      if (directory.people.length >= PEOPLE_COUNT) {
        const sameRole = directory.people.filter((p) => p.role === role);
        return random.pick(sameRole.length > 0 ? sameRole : directory.people);
      }
      const index = directory.people.length;
      const [givenName, familyName] = names[index] ?? ['Alex', 'Example'];
      const age = role === 'PERPETRATOR' ? random.int(15, 52) : role === 'VICTIM' ? random.int(24, 89) : random.int(19, 75);
      const pool = role === 'PERPETRATOR' ? PERPETRATOR_VULNERABILITIES : VICTIM_VULNERABILITIES;
      const vulnerabilities =
        role === 'WITNESS'
          ? []
          : random.shuffle(pool).slice(
              0,
              random.weighted([
                [0, 2],
                [1, 5],
                [2, 3],
              ]),
            );
      if (role === 'VICTIM' && age >= 75 && !vulnerabilities.includes('older person living alone'))
        vulnerabilities.push('older person living alone');
      const person: DemoPerson = {
        id: id('person', index),
        givenName,
        familyName,
        role,
        age,
        vulnerabilities,
        home: where.home !== undefined ? where.home : role === 'WITNESS' && random.chance(0.5) ? null : directory.dwelling(where.near),
        firstSeen: clock.at(clock.today, 0),
      };
      directory.people.push(person);
      return person;
    },
    dwelling(near) {
      if (directory.dwellings.length >= DWELLING_COUNT) return random.pick(directory.dwellings);
      const index = directory.dwellings.length;
      const ward = near?.ward ?? random.pick(WARDS);
      let addressLine1: string;
      let addressLine2: string | null = null;
      if (near && random.chance(0.6)) {
        // A neighbour: the next flat or the house a few doors along.
        const flat = /^Flat (\d+), (.*)$/.exec(near.addressLine1);
        const house = /^(\d+) (.*)$/.exec(near.addressLine1);
        if (flat) {
          addressLine1 = `Flat ${Number(flat[1]) + random.int(1, 4)}, ${flat[2]}`;
          addressLine2 = near.addressLine2;
        } else if (house) {
          addressLine1 = `${Number(house[1]) + 2 * random.int(1, 3)} ${house[2]}`;
        } else {
          addressLine1 = `${random.int(1, 120)} ${random.pick(STREETS)}`;
        }
      } else if (random.chance(0.4)) {
        addressLine1 = `Flat ${random.int(1, 40)}, ${random.pick(BLOCKS)}`;
        addressLine2 = random.pick(STREETS);
      } else {
        addressLine1 = `${random.int(1, 120)} ${random.pick(STREETS)}`;
      }
      const home: DemoLocation = {
        id: id('location', 'DWELLING', index),
        kind: 'DWELLING',
        addressLine1,
        addressLine2,
        ward,
        postcode: near && near.kind === 'DWELLING' && random.chance(0.7) ? near.postcode : postcodeIn(ward),
        firstSeen: clock.at(clock.today, 0),
      };
      // The same first line and postcode twice would be one address recorded as two.
      while (directory.dwellings.some((d) => d.addressLine1 === home.addressLine1 && d.postcode === home.postcode)) {
        home.addressLine1 = `${random.int(121, 199)} ${random.pick(STREETS)}`;
        home.addressLine2 = null;
      }
      directory.dwellings.push(home);
      return home;
    },
    seen(thing, at) {
      thing.firstSeen = earlierOf(thing.firstSeen, at);
    },
    finish(rows) {
      while (directory.people.length < PEOPLE_COUNT) directory.seen(directory.person('WITNESS'), longAgo);
      while (directory.dwellings.length < DWELLING_COUNT) directory.seen(directory.dwelling(), longAgo);
      for (const p of directory.people) rows.people.push(personRow(p, random, clock));
      for (const l of [...directory.dwellings, ...directory.publicSpaces, ...directory.businesses]) rows.locations.push(locationRow(l));
    },
  };
  return directory;
}

function personRow(p: DemoPerson, random: Random, clock: DemoClock): DemoRows['people'][number] {
  const year = Number(clock.today.slice(0, 4)) - p.age - 1;
  const dateOfBirth = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const wantsContact = p.role !== 'PERPETRATOR' || random.chance(0.3);
  return {
    id: p.id,
    partnershipId: DEMO_PARTNERSHIP_ID,
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: dateColumnOf(dateOfBirth),
    ...personSearchKeys(p.givenName, p.familyName),
    phone: wantsContact ? `07700 900${String(random.int(0, 999)).padStart(3, '0')}` : null,
    email:
      wantsContact && random.chance(0.5)
        ? `${normaliseName(p.givenName)}.${normaliseFamilyName(p.familyName)}@mail.example`.replace(/ /g, '')
        : null,
    vulnerabilities: p.vulnerabilities,
    healthNotes: p.vulnerabilities.includes('mental health')
      ? 'Known to the community mental health team; engagement has been inconsistent.'
      : p.vulnerabilities.includes('physical disability')
        ? 'Uses a wheelchair; limited mobility outside the home.'
        : null,
    safeguardingNotes: p.vulnerabilities.includes('suspected exploitation')
      ? 'Possible cuckooing: unknown adults seen staying at the address.'
      : p.vulnerabilities.includes('older person living alone')
        ? 'Lives alone; no family nearby.'
        : null,
    intelligenceNotes: p.role === 'PERPETRATOR' && random.chance(0.4) ? 'Associates with a group linked to drug supply in the area.' : null,
    createdAt: p.firstSeen,
    updatedAt: p.firstSeen,
  };
}

function locationRow(l: DemoLocation): DemoRows['locations'][number] {
  return {
    id: l.id,
    partnershipId: DEMO_PARTNERSHIP_ID,
    kind: l.kind,
    addressLine1: l.addressLine1,
    addressLine2: l.addressLine2,
    town: l.ward.town,
    postcode: l.postcode,
    postcodeKey: postcodeKeyOf(l.postcode),
    addressKey: normaliseAddress(l.addressLine1),
    ward: l.ward.name,
    area: l.ward.area,
    createdAt: l.firstSeen,
    updatedAt: l.firstSeen,
  };
}
