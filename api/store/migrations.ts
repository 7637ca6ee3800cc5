// Applies the SQL migrations in prisma/migrations (Prisma's own layout) to PostgreSQL or PGlite,
// recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does, so an operator
// with network access can still run `prisma migrate status|deploy` against the same database.
// We run them ourselves because Prisma's schema engine is a downloaded binary (see README).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlChannel } from './database';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  latest: string | null;
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(`Migration ${migrationName} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MigrationFailedError';
  }
}

export class MigrationChangedError extends Error {
  constructor(readonly migrationName: string) {
    super(`Migration ${migrationName} was changed after it was applied; add a new migration instead of editing an applied one`);
    this.name = 'MigrationChangedError';
  }
}

// The table Prisma creates for itself; the definition is Prisma's own.
const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

// Any constant works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 72_707_369;

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      // Prisma's checksum: SHA-256 of the file's bytes, hex.
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
}

async function appliedMigrations(sql: SqlChannel): Promise<AppliedRow[]> {
  return sql.query<AppliedRow>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

export async function migrationState(sql: SqlChannel, migrations: Migration[]): Promise<MigrationState> {
  const [exists] = await sql.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  const applied = exists?.present ? (await appliedMigrations(sql)).map((row) => row.migration_name) : [];
  const pending = migrations.map((m) => m.name).filter((name) => !applied.includes(name));
  return { applied, pending, latest: applied.at(-1) ?? null };
}

/** Applies every pending migration, each in its own transaction; stops at the first failure. */
export async function applyMigrations(sql: SqlChannel, migrations: Migration[]): Promise<MigrationState> {
  return sql.withExclusiveLock(MIGRATION_LOCK_KEY, async () => {
    await sql.query(MIGRATIONS_TABLE);
    const applied = new Map((await appliedMigrations(sql)).map((row) => [row.migration_name, row.checksum]));
    for (const migration of migrations) {
      const appliedChecksum = applied.get(migration.name);
      if (appliedChecksum !== undefined) {
        if (appliedChecksum !== migration.checksum) throw new MigrationChangedError(migration.name);
        continue;
      }
      const startedAt = new Date();
      try {
        await sql.runScriptInTransaction(migration.sql, async (tx) => {
          await tx.query(
            `INSERT INTO "_prisma_migrations"
               (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
            [randomUUID(), migration.checksum, migration.name, startedAt],
          );
        });
      } catch (error) {
        throw new MigrationFailedError(migration.name, error);
      }
    }
    return migrationState(sql, migrations);
  });
}
