// Opens the one database the app runs on: PostgreSQL when DATABASE_URL is set, embedded PGlite
// (real Postgres compiled to WebAssembly, in-process) otherwise. Both serve the same generated
// Prisma client; `sql` is a small raw channel for migrations and health checks.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from './generated/client';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface SqlQueries {
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

/** Raw SQL, used only where Prisma has no say: migrations, health, catalog checks. */
export interface SqlChannel extends SqlQueries {
  /** Runs a multi-statement script in one transaction: all of it or none of it. */
  runScriptInTransaction(script: string, after?: (tx: SqlQueries) => Promise<void>): Promise<void>;
  /** Runs `work` while holding a database-wide advisory lock, so two app instances never migrate at once. */
  withExclusiveLock<T>(lockKey: number, work: () => Promise<T>): Promise<T>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlChannel;
  /** A short description without secrets, for logs and /healthz. */
  describe: string;
  /** PGlite only: the whole data directory as a tar that another PGlite can start from (`loadDataDir`). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseLocation =
  | { kind: 'postgresql'; url: string }
  // `loadDataDir` starts from a dumped data directory (PGlite's dumpDataDir), as tests do from one migrated template.
  | { kind: 'pglite'; dataDir: string | 'memory'; loadDataDir?: Blob };

export class DatabaseUnreachableError extends Error {
  constructor(where: string, cause: unknown) {
    super(`Cannot reach the database (${where}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DatabaseUnreachableError';
  }
}

export interface DatabaseOptions {
  /** Receives the SQL Prisma sends, e.g. for tests that check query plans. Never logged: parameters hold personal data. */
  onQuery?: (query: { sql: string; params: unknown[] }) => void;
}

export async function openDatabase(location: DatabaseLocation, options: DatabaseOptions = {}): Promise<Database> {
  return location.kind === 'postgresql' ? openPostgres(location.url, options) : openPglite(location.dataDir, options, location.loadDataDir);
}

/**
 * Raw SQL that starts with this comment is prepared once on each PostgreSQL connection and kept, so
 * that its plan can be reused: for a hot query whose planning costs as much as running it (the
 * action lists). Everything else stays an unnamed statement, planned afresh each time. The number
 * of statements kept is bounded by the distinct SQL texts so marked.
 */
export const PREPARED_STATEMENT = '/* prepared */';

function preparedStatementName(query: { sql: string }): string {
  // pg sends an empty name as the unnamed statement.
  return query.sql.startsWith(PREPARED_STATEMENT) ? `prepared_${createHash('sha1').update(query.sql).digest('hex')}` : '';
}

function createPrismaClient(adapter: PrismaPg | PrismaPGlite, options: DatabaseOptions): PrismaClient {
  const { onQuery } = options;
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  return client;
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const describe = describePostgresUrl(url);
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process: the next query reports it.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(describe, error);
  }
  const prisma = createPrismaClient(new PrismaPg(pool, { statementNameGenerator: preparedStatementName }), options);
  const sql: SqlChannel = {
    ...channelFor(pool),
    async runScriptInTransaction(script, after) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        if (after) await after(channelFor(client));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async withExclusiveLock(lockKey, work) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [lockKey]);
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [lockKey]);
        }
      } finally {
        client.release();
      }
    },
  };
  return {
    kind: 'postgresql',
    prisma,
    sql,
    describe,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function channelFor(client: { query: Pool['query'] }): SqlQueries {
  return {
    async query(text, params) {
      const result = await client.query(text, params as unknown[] | undefined);
      return result.rows;
    },
  };
}

async function openPglite(dataDir: string | 'memory', options: DatabaseOptions, loadDataDir?: Blob): Promise<Database> {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  let pglite: PGlite;
  try {
    pglite = new PGlite({ ...(dataDir === 'memory' ? {} : { dataDir }), ...(loadDataDir ? { loadDataDir } : {}) });
    await pglite.waitReady;
  } catch (error) {
    throw new DatabaseUnreachableError(`embedded PGlite at ${dataDir}`, error);
  }
  const prisma = createPrismaClient(new PrismaPGlite(pglite), options);
  let lockQueue: Promise<void> = Promise.resolve();
  const pgliteChannel = (db: Pick<PGlite, 'query'>): SqlQueries => ({
    async query(text, params) {
      const result = await db.query(text, params as unknown[] | undefined);
      return result.rows as never[];
    },
  });
  const sql: SqlChannel = {
    ...pgliteChannel(pglite),
    async runScriptInTransaction(script, after) {
      await pglite.transaction(async (tx) => {
        await tx.exec(script);
        if (after) await after(pgliteChannel(tx));
      });
    },
    // PGlite lives inside this process, so an in-process queue is the whole of the lock.
    withExclusiveLock(_key, work) {
      const run = lockQueue.then(work, work);
      lockQueue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
  };
  return {
    kind: 'pglite',
    prisma,
    sql,
    describe: dataDir === 'memory' ? 'embedded PGlite (in memory)' : `embedded PGlite at ${dataDir}`,
    async dumpDataDir() {
      // Written to disk first, so a copy starts without replaying the log.
      await pglite.exec('CHECKPOINT');
      return pglite.dumpDataDir('none');
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** host:port/database, never the user name or password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (unparseable DATABASE_URL)';
  }
}
