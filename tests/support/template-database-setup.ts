// Jest global set-up: migrates one template database per run, which every test file's database starts
// from (see test-database.ts) instead of running the migrations again. On PGlite the template is a
// dumped data directory in a temporary folder (with the same database before migration beside it); on
// PostgreSQL (DATABASE_URL) it is a database that test databases are created from with
// `CREATE DATABASE … TEMPLATE`.
// Prisma's generated client cannot be loaded here (Jest's module mapping does not apply to set-up
// modules), so the migrations run over a raw SQL channel of their own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { migrationsDir } from '../../api/paths';
import type { SqlChannel, SqlQueries } from '../../api/store/database';
import { applyMigrations, readMigrations } from '../../api/store/migrations';
import { TEMPLATE_DATABASE_ENV, TEMPLATE_DATA_DIR_ENV, databaseUrlNamed } from './template-database';

/** The template is built by one process with nothing else connected, so no lock is needed. */
const noLock: SqlChannel['withExclusiveLock'] = (_key, work) => work();

/**
 * Two dumped data directories: `empty` just after initdb, for tests of an unmigrated database (so they
 * skip initdb, which costs as much as the migrations), and `migrated`.
 */
async function dumpPgliteTemplates(): Promise<{ empty: Blob; migrated: Blob }> {
  // Every test file loads a copy into memory (and the garbage collector then walks it), so the data
  // directory is kept small: 1 MB log segments instead of one 16 MB segment, the log not kept beyond
  // what a restart needs, and no template databases (tests never create a database on PGlite; the app
  // uses `postgres`). That took a copy from 40 MB to 15 MB and its start from about 0.5 s to 0.2 s.
  const pglite = new PGlite({ initDbStartParams: ['--wal-segsize=1'] });
  try {
    // PostgreSQL's default 128 MB of shared buffers is zeroed at every start, which was most of a
    // test database's start-up; a test's few hundred rows fit in 16 MB many times over.
    await pglite.exec(`ALTER SYSTEM SET shared_buffers = '16MB'`);
    await pglite.exec(`ALTER SYSTEM SET min_wal_size = '2MB'`);
    await pglite.exec(`ALTER SYSTEM SET max_wal_size = '32MB'`);
    await pglite.query('SELECT pg_reload_conf()');
    for (const template of ['template0', 'template1']) {
      await pglite.exec(`UPDATE pg_database SET datistemplate = false WHERE datname = '${template}'`);
      await pglite.exec(`DROP DATABASE ${template}`);
    }
    // Uncompressed: each test file loads it, and unpacking costs more than reading 40 MB.
    const empty = await pglite.dumpDataDir('none');
    const channel = (db: Pick<PGlite, 'query'>): SqlQueries => ({
      query: async (text, params) => (await db.query(text, params)).rows as never[],
    });
    await applyMigrations(
      {
        ...channel(pglite),
        withExclusiveLock: noLock,
        runScriptInTransaction: (script, after) =>
          pglite.transaction(async (tx) => {
            await tx.exec(script);
            if (after) await after(channel(tx));
          }),
      },
      readMigrations(migrationsDir),
    );
    // Written to disk first, so a copy starts without replaying the log.
    await pglite.exec('CHECKPOINT');
    return { empty, migrated: await pglite.dumpDataDir('none') };
  } finally {
    await pglite.close();
  }
}

async function migratePostgres(serverUrl: string): Promise<string> {
  const name = `asb_template_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  // The template must have no open connection when a database is copied from it, so this one closes.
  const client = new Client({ connectionString: databaseUrlNamed(serverUrl, name) });
  await client.connect();
  try {
    const channel: SqlQueries = { query: async (text, params) => (await client.query(text, params)).rows };
    await applyMigrations(
      {
        ...channel,
        withExclusiveLock: noLock,
        async runScriptInTransaction(script, after) {
          await client.query('BEGIN');
          try {
            await client.query(script);
            if (after) await after(channel);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
          }
        },
      },
      readMigrations(migrationsDir),
    );
  } finally {
    await client.end();
  }
  return name;
}

export default async function setUpTemplateDatabase(): Promise<void> {
  // The browser tests' set-up calls this too; a run makes one template.
  if (process.env[TEMPLATE_DATA_DIR_ENV] || process.env[TEMPLATE_DATABASE_ENV]) return;
  const serverUrl = process.env.DATABASE_URL;
  // Workers are started after this and inherit the environment: that is how they find the template.
  if (serverUrl) {
    process.env[TEMPLATE_DATABASE_ENV] = await migratePostgres(serverUrl);
    return;
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'asb-test-template-'));
  const templates = await dumpPgliteTemplates();
  for (const [name, dump] of Object.entries(templates))
    writeFileSync(path.join(folder, `${name}.tar`), Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_DATA_DIR_ENV] = folder;
}
