// The migration that added the people search's blocking keys backfills them in SQL from nameKey; this
// checks its function gives exactly the keys the application writes (personMatchKeys).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrationsDir } from '../../api/paths';
import { personMatchKeys } from '../../api/domain/matching/blocking';
import { personNameKey } from '../../api/domain/matching/names';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

const NAMES: Array<[string, string]> = [
  ['Robert', "O'Brien"],
  ['Bob', 'OBrien'],
  ['Siobhán', 'Ó Súilleabháin'],
  ['Mary Ann', 'Smith-Jones'],
  ['Anne-Marie', 'Van der Berg'],
  ['', 'Khan'],
  ['Aisha', 'Khan'],
  ['Zoë', 'Łukasiewicz'],
  ['Wojciech', 'Bøe'],
  ['Lee', 'Lee'],
  ['Annabella', 'Llewellyn'],
  ['李', '小龙'],
  ['Jo 2nd', 'Smith 3'],
  ['ss', 'Straße'],
];

describe('backfilling the people search blocking keys', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase();
  });
  afterAll(() => test.dispose());

  it('computes from nameKey the keys the application writes', async () => {
    const sql = readFileSync(path.join(migrationsDir, '20261210100000_person_match_keys', 'migration.sql'), 'utf8');
    const create = sql.slice(sql.indexOf('CREATE FUNCTION'), sql.indexOf('$$;') + 3);
    await test.db.sql.runScriptInTransaction(create, async () => undefined);
    for (const [given, family] of NAMES) {
      const nameKey = personNameKey(given, family);
      const [row] = await test.db.sql.query<{ len: number; bag: string; extra: number }>(
        `SELECT len, bag::text AS bag, extra
           FROM "person_match_keys_of"(CASE WHEN position(' ' IN $1::text) > 0 THEN $1::text ELSE $1::text || ' ' END)`,
        [nameKey],
      );
      const keys = personMatchKeys(given, family);
      expect({ name: `${given} ${family}`, len: row!.len, bag: row!.bag, extra: row!.extra }).toEqual({
        name: `${given} ${family}`,
        len: keys.matchLength,
        bag: keys.matchBag.toString(),
        extra: keys.matchExtra,
      });
    }
    await test.db.sql.query('DROP FUNCTION "person_match_keys_of"(TEXT)');
  });
});
