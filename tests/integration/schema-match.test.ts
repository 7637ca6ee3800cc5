import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { expectedSchema, type ExpectedSchema } from '../support/prisma-datamodel';
import { readCatalog } from '../support/database-catalog';

const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));

describe('the migrated database matches schema.prisma', () => {
  let test: TestDatabase;
  let expected: ExpectedSchema;
  let actual: ExpectedSchema;

  beforeAll(async () => {
    test = await openTestDatabase();
    expected = expectedSchema();
    actual = await readCatalog(test.db.sql);
  }, 60_000);
  afterAll(() => test.dispose());

  it('has exactly the tables of the models', () => {
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    expect(Object.keys(expected.tables).length).toBeGreaterThanOrEqual(30);
  });

  it('has every enum with its values in order', () => {
    expect(actual.enums).toEqual(expected.enums);
  });

  it.each(Object.keys(expectedSchema().tables))('gives table %s the columns, types, nullability and defaults of its model', (table) => {
    expect(actual.tables[table]?.columns).toEqual(expected.tables[table]?.columns);
  });

  it('gives every table the primary key of its model', () => {
    const keys = (schema: ExpectedSchema) => Object.fromEntries(Object.entries(schema.tables).map(([name, t]) => [name, t.primaryKey]));
    expect(keys(actual)).toEqual(keys(expected));
  });

  it('has every foreign key with Prisma referential actions, and no others', () => {
    expect(byName(actual.foreignKeys)).toEqual(byName(expected.foreignKeys));
  });

  it('has every unique and secondary index, and no others', () => {
    expect(byName(actual.indexes)).toEqual(byName(expected.indexes));
  });

  it('serves the hot queries from indexes', () => {
    const hasIndex = (table: string, columns: string[]) =>
      expected.indexes.some((index) => index.table === table && columns.every((column, i) => index.columns[i] === column));
    expect(hasIndex('Action', ['ownerAgencyId', 'status', 'dueDate'])).toBe(true);
    expect(hasIndex('Referral', ['panelId', 'status'])).toBe(true);
    expect(hasIndex('IncidentPerson', ['personId', 'occurredAt'])).toBe(true);
    expect(hasIndex('Incident', ['locationId', 'occurredAt'])).toBe(true);
  });
});

describe('the schema comparison itself', () => {
  it('notices a column whose type differs from the model', async () => {
    const test = await openTestDatabase();
    try {
      await test.db.sql.query('ALTER TABLE "Case" ALTER COLUMN "summary" TYPE varchar(200)');
      await test.db.sql.query('DROP INDEX "Action_ownerAgencyId_status_dueDate_idx"');
      const actual = await readCatalog(test.db.sql);
      const expected = expectedSchema();
      expect(actual.tables.Case?.columns.summary).not.toEqual(expected.tables.Case?.columns.summary);
      expect(byName(actual.indexes)).not.toEqual(byName(expected.indexes));
    } finally {
      await test.dispose();
    }
  });
});
