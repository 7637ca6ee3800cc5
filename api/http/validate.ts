// Validation at the edge: zod schemas turn raw JSON into typed values, and failures into field
// errors in plain words. Nothing past this point sees unchecked input.
import type { z } from 'zod';
import { notFound, validationFailed, type FieldError } from '../services/errors';

/** `whole` names the input when an issue is about all of it (an unknown field): "body" or "query". */
export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown, whole = 'body'): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationFailed(parsed.error.issues.map((issue) => toFieldError(issue, whole)));
}

function toFieldError(issue: z.core.$ZodIssue, whole: string): FieldError {
  const field = issue.path.length > 0 ? issue.path.join('.') : whole;
  // zod 4 leaves the input out of issues unless asked; its message is the reliable signal.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { field, message: 'This field is required.' };
  }
  if (issue.code === 'unrecognized_keys') {
    return { field, message: `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.` };
  }
  return { field, message: issue.message };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the URL. A malformed one answers exactly as an unknown one does. */
export function parseId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw notFound(what);
  return value.toLowerCase();
}
