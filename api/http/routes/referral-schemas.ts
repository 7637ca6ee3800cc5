// The referral form's shapes at the edge. A draft accepts any part of the form (checks for
// completeness happen on submit), but every value present must be of the right kind and size.
import { z } from 'zod';
import { REFERRAL_TEXT_LIMITS, tooLongMessage } from '../../domain/referrals/referral-form';
import {
  BASES_WITHOUT_CONSENT,
  CONSENT_STATUSES,
  JUSTIFICATION_LIMIT,
  REFERRAL_CONSENT_STATUSES,
} from '../../domain/referrals/sharing-consent';

const SUBJECT_TYPES = ['VICTIM', 'PERPETRATOR', 'LOCATION'] as const;
export const subjectTypeSchema = z.enum(SUBJECT_TYPES, 'Choose victim, perpetrator or location.');
export const bandSchema = z.enum(['LOW', 'MEDIUM', 'HIGH'], 'Choose low, medium or high.');
const optionalText = (max: number) => z.string().max(max, tooLongMessage(max)).optional();
const uuid = z.uuid('This is not a record id.');

/** Where in a value a NUL character hides (in a string or a key), or null. */
function pathOfNul(value: unknown, path: Array<string | number> = []): Array<string | number> | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const found = pathOfNul(item, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL stores no NUL character in text or jsonb: such input is refused here with its field,
 * rather than failing in the database after validation.
 */
export function refusingNul<Schema extends z.ZodType>(schema: Schema): Schema {
  return schema.superRefine((value, ctx) => {
    const path = pathOfNul(value);
    if (path) ctx.addIssue({ code: 'custom', message: 'Remove the invisible control character (NUL) from this text.', path });
  }) as Schema;
}

const LIMITS = REFERRAL_TEXT_LIMITS;

export const referralDraftSchema = z.looseObject({
  step: optionalText(60),
  subject: z
    .strictObject({
      givenName: optionalText(LIMITS.givenName),
      familyName: optionalText(LIMITS.familyName),
      dateOfBirth: optionalText(LIMITS.dateOfBirth),
      address: optionalText(LIMITS.address),
      town: optionalText(LIMITS.town),
      postcode: optionalText(LIMITS.postcode),
      ward: optionalText(LIMITS.ward),
    })
    .optional(),
  match: z.strictObject({ personId: uuid.optional(), locationId: uuid.optional(), confirmedNew: z.boolean().optional() }).optional(),
  homeMatch: z.strictObject({ locationId: uuid.optional(), confirmedNew: z.boolean().optional() }).optional(),
  // The date of birth boxes as typed, kept in the draft until they make a date.
  dateOfBirthParts: z.strictObject({ day: z.string().max(2), month: z.string().max(2), year: z.string().max(4) }).optional(),
  concerns: optionalText(LIMITS.concerns),
  answers: z.record(z.string().max(60), z.string().max(60)).optional(),
  judgement: z.strictObject({ band: bandSchema.optional(), reason: optionalText(LIMITS.judgementReason) }).optional(),
  consent: z
    .strictObject({
      status: z.enum(REFERRAL_CONSENT_STATUSES, 'Choose whether the person consented.').optional(),
      lawfulBasis: z.enum(BASES_WITHOUT_CONSENT, 'Choose one of the lawful bases listed.').optional(),
      justification: optionalText(JUSTIFICATION_LIMIT),
    })
    .optional(),
});

/** Consent recorded later on the case: withdrawn too, once it had been given. */
export const caseConsentBody = refusingNul(
  z.strictObject({
    personId: uuid,
    status: z.enum(CONSENT_STATUSES, 'Choose whether the person consented.'),
    lawfulBasis: z.enum(BASES_WITHOUT_CONSENT, 'Choose one of the lawful bases listed.').optional(),
    justification: optionalText(JUSTIFICATION_LIMIT),
  }),
);

export const startReferralBody = refusingNul(z.strictObject({ subjectType: subjectTypeSchema, draft: referralDraftSchema.default({}) }));
export const saveDraftBody = refusingNul(z.strictObject({ subjectType: subjectTypeSchema.optional(), draft: referralDraftSchema }));
const expectedVersion = z
  .number({ message: 'Say which version of the referral you are deciding on.' })
  .int()
  .min(0)
  .describe('The version the decision was made from: a stale one is refused with 409, so a decision never overwrites one unseen.');
const decisionReason = (message: string) => z.string().trim().min(1, message).max(2000, 'Keep the reason to 2000 characters.');
export const decisionBody = refusingNul(
  z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('ACCEPT'), expectedVersion }),
    z.strictObject({
      decision: z.literal('DECLINE'),
      expectedVersion,
      reason: decisionReason('Say why the panel will not hear this referral.'),
    }),
    z.strictObject({
      decision: z.literal('REDIRECT'),
      expectedVersion,
      to: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('PANEL'), panelId: uuid }),
        z.strictObject({
          kind: z.literal('LEAD_AGENCY_CASEWORK'),
          reviewDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD.'),
        }),
      ]),
      reason: decisionReason('Say why the referral goes elsewhere.'),
    }),
  ]),
);
export const withdrawalBody = refusingNul(
  z.strictObject({
    reason: z.string().trim().min(1, 'Say why the referral is withdrawn.').max(2000, 'Keep the reason to 2000 characters.'),
  }),
);
export const reassessmentBody = refusingNul(
  z.strictObject({
    answers: z.record(z.string().max(60), z.string().max(60)),
    judgement: z.strictObject({ band: bandSchema, reason: z.string().max(2000) }).optional(),
  }),
);

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD.');
export const personSearchQuery = refusingNul(
  z.strictObject({
    givenName: z.string().trim().min(1, 'Enter a first name.').max(100),
    familyName: z.string().trim().min(1, 'Enter a last name.').max(100),
    dateOfBirth: DATE.optional(),
  }),
);
export const locationSearchQuery = refusingNul(
  z.strictObject({
    address: z.string().trim().min(3, 'Enter at least the first line of the address.').max(200),
    postcode: z.string().trim().max(10).optional(),
  }),
);
const instant = z.iso
  .datetime({ offset: true, message: 'Give a date and time such as 2026-03-14T21:30:00Z.' })
  .transform((value) => new Date(value));
export const incidentBody = refusingNul(
  z.strictObject({
    occurredAt: instant,
    reportedAt: instant,
    category: z.enum(['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL'], 'Choose personal, nuisance or environmental.'),
    description: z.string().trim().min(1, 'Describe what happened.').max(5000),
    sourceReference: z.string().trim().max(100).optional(),
    locationId: uuid.optional(),
    people: z
      .array(z.strictObject({ personId: uuid, role: z.enum(['VICTIM', 'PERPETRATOR', 'WITNESS']) }))
      .max(20)
      .optional(),
  }),
);
export const incidentSearchQuery = z.strictObject({
  from: DATE,
  to: DATE,
  category: z.enum(['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL']).optional(),
  caseId: uuid.optional(),
});
export const caseReviewBody = z.strictObject({
  caseId: uuid,
  applicantPersonId: uuid.optional(),
  locationId: uuid.optional(),
  receivedAt: instant,
});
export const caseReviewStepBody = refusingNul(
  z.discriminatedUnion('step', [
    z.strictObject({ step: z.literal('ACKNOWLEDGE') }),
    z.strictObject({ step: z.literal('DECIDE_THRESHOLD'), met: z.boolean(), outcome: z.string().trim().max(2000).optional() }),
    z.strictObject({ step: z.literal('HOLD_REVIEW'), outcome: z.string().trim().min(1, 'Record what the review decided.').max(5000) }),
    z.strictObject({ step: z.literal('CLOSE'), outcome: z.string().trim().min(1, 'Record why the review is closed.').max(5000) }),
  ]),
);
