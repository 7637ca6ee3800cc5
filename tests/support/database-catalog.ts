// Reads what a migrated database actually contains from pg_catalog, in the same shape as
// ExpectedSchema, so the two can be compared with one equality.
import type { SqlChannel } from '../../api/store/database';
import type { ExpectedSchema } from './prisma-datamodel';

export async function readCatalog(sql: SqlChannel): Promise<ExpectedSchema> {
  const catalog: ExpectedSchema = { enums: {}, tables: {}, indexes: [], foreignKeys: [] };

  const enumRows = await sql.query<{ name: string; value: string }>(
    `SELECT t.typname AS name, e.enumlabel AS value
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
  );
  for (const row of enumRows) (catalog.enums[row.name] ??= []).push(row.value);

  const columnRows = await sql.query<{ table: string; column: string; type: string; notnull: boolean; hasdefault: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, a.atthasdef AS hasdefault
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname, a.attnum`,
  );
  for (const row of columnRows) {
    const table = (catalog.tables[row.table] ??= { columns: {}, primaryKey: [] });
    table.columns[row.column] = { type: row.type, notNull: row.notnull, hasDefault: row.hasdefault };
  }

  const constraintRows = await sql.query<{
    name: string;
    table: string;
    type: string;
    columns: string[];
    referenced_table: string | null;
    referenced_columns: string[] | null;
    on_delete: string;
    on_update: string;
  }>(
    `SELECT con.conname AS name, c.relname AS table, con.contype AS type,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            rc.relname AS referenced_table,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class rc ON rc.oid = con.confrelid
      WHERE n.nspname = 'public' AND con.contype IN ('p', 'f') AND c.relname <> '_prisma_migrations'
      ORDER BY con.conname`,
  );
  const actions: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
  for (const row of constraintRows) {
    if (row.type === 'p') {
      const table = catalog.tables[row.table];
      if (table) table.primaryKey = row.columns;
      continue;
    }
    catalog.foreignKeys.push({
      name: row.name,
      table: row.table,
      columns: row.columns,
      referencedTable: row.referenced_table ?? '',
      referencedColumns: row.referenced_columns ?? [],
      onDelete: actions[row.on_delete] ?? row.on_delete,
      onUpdate: actions[row.on_update] ?? row.on_update,
    });
  }

  const indexRows = await sql.query<{ name: string; table: string; unique: boolean; columns: string[] }>(
    `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique,
            ARRAY(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND NOT ix.indisprimary AND t.relname <> '_prisma_migrations'
      ORDER BY i.relname`,
  );
  for (const row of indexRows) catalog.indexes.push({ name: row.name, table: row.table, columns: row.columns, unique: row.unique });

  return catalog;
}
