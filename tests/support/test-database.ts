// Each test file owns its database: PGlite in memory by default, or a fresh database created on the
// PostgreSQL server named by DATABASE_URL (CI runs the suite both ways). A migrated database starts
// as a copy of the run's template (template-database-setup.ts), so the migrations run once per run;
// on PGlite an unmigrated one starts as a copy of the template before it was migrated, not by initdb.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../../api/store/database';
import { migrationsDir } from '../../api/paths';
import { applyMigrations, readMigrations } from '../../api/store/migrations';
import { TEMPLATE_DATABASE_ENV, TEMPLATE_DATA_DIR_ENV, databaseUrlNamed } from './template-database';

export interface TestDatabase {
  db: Database;
  /** The URL of the fresh PostgreSQL database, or null on PGlite. */
  url: string | null;
  dispose(): Promise<void>;
}

export function testServerUrl(): string | null {
  return process.env.DATABASE_URL ?? null;
}

/**
 * Creates a database on the test server, empty or as a copy of `template`, and returns its URL and a
 * function that drops it.
 */
export async function createScratchPostgresDatabase(serverUrl: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `asb_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlNamed(serverUrl, name),
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

/** A dumped data directory held in memory: Node's Blob would copy all 40 MB on every read. */
class DumpedDataDir extends Blob {
  constructor(private readonly contents: ArrayBuffer) {
    super([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.contents);
  }
}

type PgliteTemplate = 'migrated' | 'empty';
/** The templates' data directories, each read once per test file; null when Jest's global set-up did not run. */
const pgliteTemplates = new Map<PgliteTemplate, Blob | null>();
function pgliteTemplate(name: PgliteTemplate): Blob | null {
  if (!pgliteTemplates.has(name)) {
    const folder = process.env[TEMPLATE_DATA_DIR_ENV];
    const bytes = folder ? readFileSync(path.join(folder, `${name}.tar`)) : null;
    pgliteTemplates.set(name, bytes ? new DumpedDataDir(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) : null);
  }
  return pgliteTemplates.get(name)!;
}

export async function openTestDatabase(options: { migrate?: boolean } & DatabaseOptions = {}): Promise<TestDatabase> {
  const migrate = options.migrate !== false;
  const serverUrl = testServerUrl();
  const postgresTemplate = migrate ? process.env[TEMPLATE_DATABASE_ENV] : undefined;
  const pgliteStart = serverUrl ? null : pgliteTemplate(migrate ? 'migrated' : 'empty');
  const scratch = serverUrl ? await createScratchPostgresDatabase(serverUrl, postgresTemplate) : null;
  const db = await openDatabase(
    scratch
      ? { kind: 'postgresql', url: scratch.url }
      : { kind: 'pglite', dataDir: 'memory', ...(pgliteStart ? { loadDataDir: pgliteStart } : {}) },
    options,
  );
  // A copy of the template is already migrated; without one (a run without the global set-up) migrate here.
  if (migrate && !postgresTemplate && !pgliteStart) await applyMigrations(db.sql, readMigrations(migrationsDir));
  return {
    db,
    url: scratch?.url ?? null,
    async dispose() {
      await db.close();
      await scratch?.drop();
    },
  };
}
