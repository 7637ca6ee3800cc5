// A valid example of a route's body or query, made from its own zod schema (via JSON Schema), so the
// access matrix can get past validation to the need-to-know check of routes it has never seen. Ids
// are asked for by field name, so a body's caseId is resolved just like a path's :caseId.
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export type IdFor = (fieldName: string) => Promise<string>;

/** A date three weeks after the seeded world's today: valid as a due date or a meeting date. */
export const SAMPLE_DATE = '2026-11-23';

export async function sampleInput(schema: z.ZodType, idFor: IdFor): Promise<unknown> {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const sample = await sampleOf(jsonSchema, '', idFor);
  if (schema.safeParse(sample).success || !isPlainObject(sample)) return sample;
  // A refinement JSON Schema cannot express ("the case id or its reference"): add one optional
  // field at a time, ids first, until the schema accepts the sample.
  const optional = Object.keys(jsonSchema.properties ?? {})
    .filter((key) => !(key in sample))
    .sort((a, b) => Number(/Id$/.test(b)) - Number(/Id$/.test(a)));
  for (const key of optional) {
    const candidate = { ...sample, [key]: await sampleOf(jsonSchema.properties![key]!, key, idFor) };
    if (schema.safeParse(candidate).success) return candidate;
  }
  return sample;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function sampleOf(schema: JsonSchema, name: string, idFor: IdFor): Promise<unknown> {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sampleOf(options.find((option) => option.type !== 'null') ?? options[0]!, name, idFor);
  if (schema.allOf) return sampleOf(Object.assign({}, ...schema.allOf) as JsonSchema, name, idFor);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = await sampleOf(schema.properties?.[key] ?? {}, key, idFor);
      return value;
    }
    case 'array': {
      const items: unknown[] = [];
      for (let index = 0; index < (schema.minItems ?? 0); index += 1)
        items.push(await sampleOf(schema.items ?? {}, name.replace(/s$/, ''), idFor));
      return items;
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema, name, idFor);
    default:
      return schema.default ?? null;
  }
}

async function sampleString(schema: JsonSchema, name: string, idFor: IdFor): Promise<string> {
  if (schema.format === 'uuid' || /Id$/.test(name)) return idFor(name);
  if (schema.format === 'date' || schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return SAMPLE_DATE;
  // Something that has happened (occurredAt, receivedAt) is a week before the world's today; anything else is ahead.
  if (schema.format === 'date-time') return /At$/.test(name) ? '2026-10-26T10:00:00.000Z' : `${SAMPLE_DATE}T10:00:00.000Z`;
  if (schema.format === 'email') return 'someone@example.org';
  // Dates and times checked by refine or a narrow pattern are known here by their field's name.
  if (name === 'date' || /Date$/.test(name)) return SAMPLE_DATE;
  if (name === 'time' || /Time$/.test(name)) return '10:00';
  const text = 'A sample written by the access matrix.';
  return text.slice(0, schema.maxLength ?? text.length).padEnd(schema.minLength ?? 0, '.');
}
