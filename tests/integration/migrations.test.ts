import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrationsDir } from '../../api/paths';
import { applyMigrations, migrationState, MigrationChangedError, MigrationFailedError, readMigrations } from '../../api/store/migrations';
import { openDatabase } from '../../api/store/database';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

function migrationsCopyWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('applying migrations to an empty database', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await openTestDatabase({ migrate: false });
  });
  afterEach(() => test.dispose());

  it('applies every migration to an empty database and records each as Prisma does', async () => {
    const migrations = readMigrations(migrationsDir);
    const state = await applyMigrations(test.db.sql, migrations);
    expect(state.pending).toEqual([]);
    expect(state.applied).toEqual(migrations.map((m) => m.name));

    const rows = await test.db.sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
      id: string;
    }>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows).toHaveLength(migrations.length);
    for (const [i, row] of rows.entries()) {
      const file = migrations[i]!;
      expect(row.migration_name).toBe(file.name);
      expect(row.checksum).toBe(createHash('sha256').update(file.sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

// Migrating from nothing takes PGlite seconds: the rest start from a copy of the template the run migrated once
// with the same applyMigrations, so the migrations are already applied and recorded.
describe('applying migrations to a migrated database', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await openTestDatabase();
  });
  afterEach(() => test.dispose());

  it('does nothing the second time', async () => {
    const migrations = readMigrations(migrationsDir);
    await applyMigrations(test.db.sql, migrations);
    const [count] = await test.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(count?.n).toBe(migrations.length);
  });

  it('rolls a failing migration back whole and names it', async () => {
    const dir = migrationsCopyWith({
      '29990101000000_broken': 'CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n',
    });
    const failure = applyMigrations(test.db.sql, readMigrations(dir));
    await expect(failure).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(failure).rejects.toThrow(/29990101000000_broken/);

    const [halfDone] = await test.db.sql.query<{ present: boolean }>(`SELECT to_regclass('"HalfDone"') IS NOT NULL AS present`);
    expect(halfDone?.present).toBe(false);
    const state = await migrationState(test.db.sql, readMigrations(dir));
    expect(state.pending).toEqual(['29990101000000_broken']);
    expect(state.applied).toEqual(readMigrations(migrationsDir).map((m) => m.name));
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const edited = readMigrations(migrationsDir).map((m, i) =>
      i === 0
        ? {
            ...m,
            checksum: createHash('sha256')
              .update(m.sql + '\n-- edited')
              .digest('hex'),
          }
        : m,
    );
    await expect(applyMigrations(test.db.sql, edited)).rejects.toBeInstanceOf(MigrationChangedError);
  });

  it('applies a later migration on top of the earlier ones', async () => {
    const dir = migrationsCopyWith({ '29990101000000_add_note': 'ALTER TABLE "Agency" ADD COLUMN "note" TEXT;\n' });
    const state = await applyMigrations(test.db.sql, readMigrations(dir));
    expect(state.latest).toBe('29990101000000_add_note');
    const [column] = await test.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'Agency' AND column_name = 'note'`,
    );
    expect(column?.n).toBe(1);
  });
});

describe('the audit table', () => {
  it('refuses updates and deletes of written rows', async () => {
    const test = await openTestDatabase();
    try {
      await test.db.sql.query(
        `INSERT INTO "AuditEvent" ("actorKind", "event", "entityType", "prevHash", "hash") VALUES ('SYSTEM', 'probe', 'Probe', '', 'h')`,
      );
      await expect(test.db.sql.query(`UPDATE "AuditEvent" SET "event" = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(test.db.sql.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      await expect(test.db.sql.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
      const [row] = await test.db.sql.query<{ event: string }>(`SELECT "event" FROM "AuditEvent"`);
      expect(row?.event).toBe('probe');
    } finally {
      await test.dispose();
    }
  });
});

describe('two app instances starting at once', () => {
  it('apply each migration exactly once', async () => {
    const test = await openTestDatabase({ migrate: false });
    const second = test.url ? await openDatabase({ kind: 'postgresql', url: test.url }) : test.db;
    try {
      const migrations = readMigrations(migrationsDir);
      await Promise.all([applyMigrations(test.db.sql, migrations), applyMigrations(second.sql, migrations)]);
      const [count] = await test.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(count?.n).toBe(migrations.length);
    } finally {
      if (second !== test.db) await second.close();
      await test.dispose();
    }
  });
});
