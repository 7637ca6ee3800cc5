// The people search asks the database for the people who pass the blocking test, in SQL
// (blockedPeople), and the import asks the same test in TypeScript (mayMatchPerson). The unit test
// holds mayMatchPerson to the matcher; this holds the SQL to mayMatchPerson, row for row, on the
// database the suite runs on (PGlite, or PostgreSQL in CI), over random names and their variants.
import { mayMatchPerson, personMatchKeys, personSearchKeys } from '../../api/domain/matching/blocking';
import { mulberry32 as generator } from '../../api/store/demo-data/random';
import { blockedPeople } from '../../api/services/referrals/subjects';
import { randomPerson, variant } from '../support/name-variants';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let partnershipId: string;
interface Row {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  keys: ReturnType<typeof personSearchKeys> | null;
  anonymised: boolean;
}
const rows: Row[] = [];
const random = generator(2026);

beforeAll(async () => {
  database = await openTestDatabase();
  const prisma = database.db.prisma;
  partnershipId = (await prisma.partnership.create({ data: { name: 'Blocking CSP', area: 'Blocking' } })).id;
  const elsewhere = (await prisma.partnership.create({ data: { name: 'Elsewhere CSP', area: 'Elsewhere' } })).id;
  const people = Array.from({ length: 400 }, (_, index) => {
    // Pairs of the same person typed twice, so that many rows pass for a probe and many do not.
    const person = index % 2 === 0 ? randomPerson(random) : variant(randomPerson(random), random);
    const keys = personSearchKeys(person.givenNames, person.familyName);
    return {
      givenName: person.givenNames,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      // Rows written before the keys were kept have none, and always pass.
      keys: index % 40 === 7 ? null : keys,
      anonymised: index % 50 === 3,
      nameKey: keys.nameKey,
    };
  });
  for (const person of people) {
    const created = await prisma.person.create({
      data: {
        partnershipId,
        givenName: person.givenName,
        familyName: person.familyName,
        dateOfBirth: person.dateOfBirth ? new Date(`${person.dateOfBirth}T00:00:00Z`) : null,
        nameKey: person.nameKey,
        matchLength: person.keys?.matchLength ?? null,
        matchBag: person.keys?.matchBag ?? null,
        matchExtra: person.keys?.matchExtra ?? null,
        anonymisedAt: person.anonymised ? new Date() : null,
      },
    });
    rows.push({ id: created.id, ...person });
  }
  // Another partnership's people are never offered, however alike.
  await prisma.person.create({
    data: { partnershipId: elsewhere, givenName: people[0]!.givenName, familyName: people[0]!.familyName, nameKey: people[0]!.nameKey },
  });
}, 60_000);

afterAll(async () => {
  await database?.dispose();
});

describe('the people search blocking query', () => {
  it('returns exactly the live people of the partnership that mayMatchPerson lets through', async () => {
    let narrowed = 0;
    let found = 0;
    for (let probeIndex = 0; probeIndex < 150; probeIndex += 1) {
      const source = rows[Math.floor(random() * rows.length)]!;
      const probe = variant({ givenNames: source.givenName, familyName: source.familyName, dateOfBirth: source.dateOfBirth }, random);
      const keys = personMatchKeys(probe.givenNames, probe.familyName);
      const expected = rows
        .filter(
          (row) =>
            !row.anonymised &&
            mayMatchPerson(
              { ...keys, dateOfBirth: probe.dateOfBirth },
              {
                matchLength: row.keys?.matchLength ?? null,
                matchBag: row.keys?.matchBag ?? null,
                matchExtra: row.keys?.matchExtra ?? null,
                dateOfBirth: row.dateOfBirth,
              },
            ),
        )
        .map((row) => row.id)
        .sort();
      const returned = (
        await blockedPeople(database.db.prisma, partnershipId, {
          givenName: probe.givenNames,
          familyName: probe.familyName,
          dateOfBirth: probe.dateOfBirth,
        })
      )
        .map((row) => row.id)
        .sort();
      expect({ probe, returned }).toEqual({ probe, returned: expected });
      found += returned.length;
      if (returned.length < rows.length / 2) narrowed += 1;
    }
    // Only worth something if the query both finds people and leaves most out.
    expect(found).toBeGreaterThan(150);
    expect(narrowed).toBeGreaterThan(100);
  });
});
