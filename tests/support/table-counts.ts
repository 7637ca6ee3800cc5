// Row counts of every table in the public schema, and fingerprints of their whole contents: a
// rejected request must leave them all as they were, neither adding rows nor changing any.
import type { Database } from '../../api/store/database';
import { REFUSED_ATTEMPT_EVENT } from '../../api/services/refused-attempts';

let tables: string[] | null = null;

async function publicTables(db: Database): Promise<string[]> {
  tables ??= (
    await db.sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    )
  ).map((row) => row.name);
  return tables;
}

/** Each table's row count, leaving out the audit of refused attempts as tableFingerprints does. */
export async function tableRowCounts(db: Database): Promise<Record<string, number>> {
  const union = (await publicTables(db))
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::int AS rows FROM "${table}" t` +
        (table === 'AuditEvent' ? ` WHERE t.event <> '${REFUSED_ATTEMPT_EVENT}'` : ''),
    )
    .join(' UNION ALL ');
  const rows = await db.sql.query<{ name: string; rows: number }>(union);
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.rows)]));
}

/**
 * Each table's row count and an md5 of all its rows in a fixed order: any insert, update or delete
 * shows. The one write a refusal makes, the audit of the refused attempt itself, is left out; the
 * tests of refused attempts assert that row on its own.
 */
export async function tableFingerprints(db: Database): Promise<Record<string, string>> {
  const union = (await publicTables(db))
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS print FROM "${table}" t` +
        (table === 'AuditEvent' ? ` WHERE t.event <> '${REFUSED_ATTEMPT_EVENT}'` : ''),
    )
    .join(' UNION ALL ');
  const rows = await db.sql.query<{ name: string; print: string }>(union);
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}
