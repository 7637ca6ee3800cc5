// Row counts of every table in the public schema: a rejected request must leave them all as they were.
import type { Database } from '../../api/store/database';

let tables: string[] | null = null;

export async function tableRowCounts(db: Database): Promise<Record<string, number>> {
  tables ??= (
    await db.sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    )
  ).map((row) => row.name);
  const union = tables.map((table) => `SELECT '${table}' AS name, count(*)::int AS rows FROM "${table}"`).join(' UNION ALL ');
  const rows = await db.sql.query<{ name: string; rows: number }>(union);
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.rows)]));
}
