// Reads schema.prisma through Prisma's own schema parser (the WebAssembly build, no download) and
// states what PostgreSQL must contain for it, in the terms of pg_catalog: Prisma's documented
// type mapping, its naming rules for keys and indexes, and its default referential actions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { projectRoot } from '../../api/paths';

interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal';
  fields: { name: string }[];
  dbName?: string | null;
}
interface Datamodel {
  enums: { name: string; values: { name: string }[] }[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
}

export interface ExpectedColumn {
  type: string;
  notNull: boolean;
  hasDefault: boolean;
}
export interface ExpectedIndex {
  name: string;
  table: string;
  columns: string[];
  unique: boolean;
}
export interface ExpectedForeignKey {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}
export interface ExpectedSchema {
  enums: Record<string, string[]>;
  tables: Record<string, { columns: Record<string, ExpectedColumn>; primaryKey: string[] }>;
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
}

export function readDatamodel(): Datamodel {
  const schema = readFileSync(path.join(projectRoot, 'prisma', 'schema.prisma'), 'utf8');
  return (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema }))) as { datamodel: Datamodel }).datamodel;
}

// What format_type() prints for each Prisma scalar on PostgreSQL.
const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
};

function columnType(field: DmmfField): string {
  let base: string;
  if (field.kind === 'enum') base = `"${field.type}"`;
  else if (field.nativeType) {
    const [name, args] = field.nativeType;
    base = { Uuid: 'uuid', Date: 'date', Decimal: `numeric(${args.join(',')})` }[name] ?? `unmapped native type ${name}`;
  } else base = SCALAR_TYPES[field.type] ?? `unmapped type ${field.type}`;
  return field.isList ? `${base}[]` : base;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Restrict: 'RESTRICT',
  SetNull: 'SET NULL',
  Cascade: 'CASCADE',
  NoAction: 'NO ACTION',
  SetDefault: 'SET DEFAULT',
};

export function expectedSchema(datamodel: Datamodel = readDatamodel()): ExpectedSchema {
  const tableName = (model: string) => datamodel.models.find((m) => m.name === model)?.dbName ?? model;
  const expected: ExpectedSchema = { enums: {}, tables: {}, indexes: [], foreignKeys: [] };
  for (const e of datamodel.enums) expected.enums[e.name] = e.values.map((v) => v.name);
  for (const model of datamodel.models) {
    const table = tableName(model.name);
    const columns: Record<string, ExpectedColumn> = {};
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          expected.foreignKeys.push({
            name: `${table}_${field.relationFromFields.join('_')}_fkey`,
            table,
            columns: field.relationFromFields,
            referencedTable: tableName(field.type),
            referencedColumns: field.relationToFields ?? [],
            // Prisma's defaults: a required relation restricts deletes, an optional one sets null.
            onDelete: REFERENTIAL_ACTIONS[field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')] ?? '?',
            onUpdate: REFERENTIAL_ACTIONS[field.relationOnUpdate ?? 'Cascade'] ?? '?',
          });
        }
        continue;
      }
      // @default(uuid()) and @updatedAt are filled by the client, not by the database.
      const defaultInDatabase =
        field.hasDefaultValue &&
        !(
          typeof field.default === 'object' &&
          field.default !== null &&
          !Array.isArray(field.default) &&
          (field.default as { name: string }).name === 'uuid'
        );
      // Prisma never declares list columns NOT NULL.
      columns[field.name] = { type: columnType(field), notNull: field.isRequired && !field.isList, hasDefault: defaultInDatabase };
    }
    const primaryKey = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    expected.tables[table] = { columns, primaryKey };
  }
  for (const index of datamodel.indexes) {
    if (index.type === 'id') continue;
    const table = tableName(index.model);
    const columns = index.fields.map((f) => f.name);
    const name = index.dbName ?? `${table}_${columns.join('_')}_${index.type === 'unique' ? 'key' : 'idx'}`;
    expected.indexes.push({ name, table, columns, unique: index.type === 'unique' });
  }
  return expected;
}
