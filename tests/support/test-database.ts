// Each test file owns its database: PGlite in memory by default, or a fresh database created on the
// PostgreSQL server named by DATABASE_URL (CI runs the suite both ways). A migrated database starts
// as a copy of the run's template (template-database-setup.ts), so the migrations run once per run;
// on PGlite an unmigrated one starts as a copy of the template before it was migrated, not by initdb.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../../api/store/database';
import { migrationsDir } from '../../api/paths';
import { applyMigrations, readMigrations } from '../../api/store/migrations';
import { DEFAULT_DEMO_SEED, seedDemoData, type DemoDataOptions } from '../../api/store/demo-data';
import { londonDateOf } from '../../api/domain/agenda/calendar-date';
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

/**
 * A dumped data directory held in memory, in the shape PGlite's `loadDataDir` reads (it calls only
 * `arrayBuffer()`). Not a real Blob: Node's Blob copies its bytes on every read, and a subclass of
 * Blob was never collected (a heap snapshot showed each one held by Node's cleanup queue), so every
 * test file leaked its copy and a worker grew past 2 GB, spending a quarter of its time collecting.
 */
function dumpedDataDir(contents: ArrayBuffer): Blob {
  return { type: 'application/x-tar', size: contents.byteLength, arrayBuffer: () => Promise.resolve(contents) } as unknown as Blob;
}

function readDump(file: string): Blob {
  const bytes = readFileSync(file);
  return dumpedDataDir(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

type PgliteTemplate = 'migrated' | 'empty';
/** The templates' data directories, each read once per test file; null when Jest's global set-up did not run. */
const pgliteTemplates = new Map<PgliteTemplate, Blob | null>();
function pgliteTemplate(name: PgliteTemplate): Blob | null {
  if (!pgliteTemplates.has(name)) {
    const folder = process.env[TEMPLATE_DATA_DIR_ENV];
    pgliteTemplates.set(name, folder ? readDump(path.join(folder, `${name}.tar`)) : null);
  }
  return pgliteTemplates.get(name)!;
}

function inMemory(db: Database): TestDatabase {
  return { db, url: null, dispose: () => db.close() };
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
  if (!scratch) return inMemory(db);
  return {
    db,
    url: scratch.url,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}

/**
 * Data that many test files start from, such as the demo partnership. `name` must say everything
 * `build` depends on; what `build` returns must survive JSON.
 */
export interface Snapshot<Built> {
  name: string;
  build(db: Database): Promise<Built>;
}

/**
 * A migrated test database holding the snapshot's data. On PGlite the first test file of the run to
 * ask builds it and saves a copy beside the template, and every other file starts from that copy (a
 * file asking while another builds waits for it); on PostgreSQL every file builds its own.
 */
export async function openTestDatabaseFrom<Built>(snapshot: Snapshot<Built>): Promise<{ database: TestDatabase; built: Built }> {
  const folder = testServerUrl() ? undefined : process.env[TEMPLATE_DATA_DIR_ENV];
  const saved = folder ? path.join(folder, snapshot.name) : null;
  if (saved && (await builtOrMine(saved))) {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory', loadDataDir: readDump(path.join(saved, 'data.tar')) });
    return { database: inMemory(db), built: JSON.parse(readFileSync(path.join(saved, 'built.json'), 'utf8')) as Built };
  }
  const database = await openTestDatabase();
  try {
    const built = await snapshot.build(database.db);
    if (saved) await save(saved, database.db, built);
    return { database, built };
  } catch (error) {
    await database.dispose();
    throw error;
  } finally {
    if (saved) rmSync(`${saved}.lock`, { force: true });
  }
}

/**
 * Who holds a lock: the process, and which test file in it. Jest runs a worker's files one after
 * another, each with its own copy of this module, so a lock held by another file of this same process
 * was left by a file that gave up (a timed-out beforeAll) and will never be released.
 */
const LOCK_OWNER = `${process.pid}:${randomBytes(6).toString('hex')}`;

/** True when the snapshot is saved; false when this file holds the lock to build it. */
async function builtOrMine(saved: string): Promise<boolean> {
  const lock = `${saved}.lock`;
  for (;;) {
    if (existsSync(saved)) return true;
    try {
      writeFileSync(lock, LOCK_OWNER, { flag: 'wx' });
      if (!existsSync(saved)) return false;
      rmSync(lock, { force: true });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isAbandoned(lockOwner(lock))) rmSync(lock, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function lockOwner(lock: string): string | null {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return null;
  }
}

function isAbandoned(owner: string | null): boolean {
  const pid = Number(owner?.split(':')[0]);
  // No owner yet: the lock was just made and is being written (or it is gone already).
  if (!owner || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return owner !== LOCK_OWNER;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    // A builder that died (a crashed worker) leaves its lock behind.
    return true;
  }
}

async function save(saved: string, db: Database, built: unknown): Promise<void> {
  if (!db.dumpDataDir) return;
  const building = `${saved}.${LOCK_OWNER.replace(':', '-')}`;
  mkdirSync(building);
  writeFileSync(path.join(building, 'data.tar'), Buffer.from(await (await db.dumpDataDir()).arrayBuffer()));
  writeFileSync(path.join(building, 'built.json'), JSON.stringify(built ?? null));
  renameSync(building, saved);
}

/**
 * A migrated test database holding the demo partnership as `seedDemoData` writes it for the London day
 * of `today` (the same day and seed give the same rows, so files of one run share one build).
 */
export async function openDemoDatabase(options: DemoDataOptions): Promise<TestDatabase> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const { database } = await openTestDatabaseFrom({
    name: `demo-${londonDateOf(options.today)}-seed-${seed}`,
    build: async (db) => {
      await seedDemoData(db.prisma, { today: options.today, seed });
    },
  });
  return database;
}
