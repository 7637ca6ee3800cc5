// Structured JSON logs. They carry ids, codes and timings, never names, notes or free text about
// people: the redaction list is a safety net, not the policy (call sites log ids only).
import pino, { type Logger } from 'pino';

export type { Logger };

const PERSONAL_FIELDS = [
  'givenName',
  'familyName',
  'displayName',
  'name',
  'email',
  'phone',
  'dateOfBirth',
  'address',
  'addressLine1',
  'addressLine2',
  'postcode',
  'description',
  'notes',
  'note',
  'healthNotes',
  'safeguardingNotes',
  'intelligenceNotes',
  'summary',
  'text',
  'authorization',
  'password',
  'token',
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'asb-panels' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [...PERSONAL_FIELDS, ...PERSONAL_FIELDS.map((field) => `*.${field}`)],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
