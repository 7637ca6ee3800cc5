// GET /api/home: what needs the signed-in member now (api/services/home.ts). A part the member's
// roles do not use is null.
import { z } from 'zod';
import { isoDateTime } from './wire';

const reference = z.strictObject({ id: z.string(), name: z.string() });

export const homeAnswer = z.strictObject({
  triage: z
    .strictObject({
      awaitingDecision: z.number(),
      oldestSubmittedAt: isoDateTime.nullable(),
    })
    .nullable(),
  nextMeetings: z
    .array(
      z.strictObject({
        panel: reference,
        meeting: z
          .strictObject({
            id: z.string(),
            startsAt: isoDateTime,
            referralCutoff: isoDateTime,
            items: z.number(),
            plannedMinutes: z.number(),
            lengthMinutes: z.number(),
            lateReferrals: z.number(),
            teamsStatus: z.enum(['NOT_REQUESTED', 'PENDING', 'SYNCED', 'FAILED']),
          })
          .nullable(),
      }),
    )
    .nullable(),
  actionsByAgency: z.array(z.strictObject({ agency: reference, overdue: z.number(), blocked: z.number() })).nullable(),
  earlyWarnings: z
    .array(
      z.strictObject({
        case: z.strictObject({
          id: z.string(),
          reference: z.string(),
          kind: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
          riskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
        }),
        threshold: z.enum(['CASE_REVIEW', 'REPEAT_VICTIM', 'ESCALATION']),
        rule: z.string(),
        counted: z.number(),
        needed: z.number(),
        windowClosesOn: z.iso.date(),
        explanation: z.string(),
      }),
    )
    .nullable(),
  referrals: z
    .strictObject({
      drafts: z.number(),
      recent: z.array(
        z.strictObject({
          id: z.string(),
          status: z.enum(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN']),
          submittedAt: isoDateTime.nullable(),
          decidedAt: isoDateTime.nullable(),
          declineReason: z.string().nullable(),
          panelName: z.string().nullable(),
          case: z.strictObject({ id: z.string(), reference: z.string() }).nullable(),
        }),
      ),
    })
    .nullable(),
});
