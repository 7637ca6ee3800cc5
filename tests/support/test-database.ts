// Each test file owns its database: PGlite in memory by default, or a fresh database created on the
// PostgreSQL server named by DATABASE_URL (CI runs the suite both ways).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../../api/store/database';
import { migrationsDir } from '../../api/paths';
import { applyMigrations, readMigrations } from '../../api/store/migrations';

export interface TestDatabase {
  db: Database;
  /** The URL of the fresh PostgreSQL database, or null on PGlite. */
  url: string | null;
  dispose(): Promise<void>;
}

export function testServerUrl(): string | null {
  return process.env.DATABASE_URL ?? null;
}

/** Creates an empty database on the test server and returns its URL and a function that drops it. */
export async function createScratchPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `asb_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export async function openTestDatabase(options: { migrate?: boolean } & DatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const scratch = serverUrl ? await createScratchPostgresDatabase(serverUrl) : null;
  const db = await openDatabase(scratch ? { kind: 'postgresql', url: scratch.url } : { kind: 'pglite', dataDir: 'memory' }, options);
  if (options.migrate !== false) await applyMigrations(db.sql, readMigrations(migrationsDir));
  return {
    db,
    url: scratch?.url ?? null,
    async dispose() {
      await db.close();
      await scratch?.drop();
    },
  };
}
