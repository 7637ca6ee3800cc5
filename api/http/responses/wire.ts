// Shapes every answer shares on the wire. Services hand back Dates; JSON carries them as ISO 8601
// strings, so the schema's input side (what the tab receives, and what OpenAPI publishes) is the string.
import { z } from 'zod';

export const isoDateTime = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** The body of every 4xx and 5xx answer (api/http/errors.ts). */
export const errorAnswer = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
  }),
});

// Prisma's JSON type: an object's keys may be absent (undefined), which JSON simply leaves out.
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * A JSON column handed back as stored (risk answers). Published as any JSON: z.json() is recursive, and
 * its self-reference does not resolve once the schema sits inside the OpenAPI document.
 */
export const storedJson = z.unknown().meta({ description: 'JSON as stored.' }) as unknown as z.ZodType<JsonValue>;

/** A published count or rate (api/domain/governance/suppression.ts): null when withheld, and why. */
export const figureCell = z.strictObject({
  value: z.number().nullable(),
  suppressed: z.boolean(),
  /** Withheld not for being small but because it would give a withheld figure away. */
  secondary: z.literal(true).optional(),
});

/** Whether an action's card and reminders reach its owner in Teams (services/owner-delivery-state.ts); null for all but chairs. */
export const ownerDelivery = z
  .strictObject({
    status: z.enum(['DELIVERED', 'PENDING', 'UNREACHABLE', 'FAILED', 'NOT_SENT']),
    reason: z.string().nullable(),
    since: isoDateTime.nullable(),
  })
  .nullable();
