// The answers of the routes in routes/minutes.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime } from './wire';

/** PUT /api/meetings/:meetingId/items/:itemId/outcome */
export const recordItemOutcomeAnswer = z.strictObject({
  case: z.strictObject({
    status: z.enum(['OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED']),
    currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
    nextReviewDue: z.string().nullable(),
  }),
  decisions: z.string(),
  caseDecision: z.enum(['LEAD_AGENCY_CASEWORK', 'KEEP_ON', 'CLOSE']),
  riskBandAfter: z.enum(['LOW', 'MEDIUM', 'HIGH']).optional(),
  closureReason: z.string().optional(),
  nextReviewDue: z.string().optional(),
  itemId: z.string(),
});

const agencyNote = z
  .strictObject({
    to: z.string(),
    text: z.string(),
    lead: z.string().nullable().describe("The agency's lead the note goes to; null when the agency has none set."),
    sent: z.strictObject({ at: isoDateTime, by: z.string() }).nullable(),
  })
  .nullable()
  .describe("For an action the agency did not do: a note to the agency's lead for the chair to send, or as sent.");

/** POST /api/meetings/:meetingId/action-review/:actionId/agency-note */
export const sendAgencyNoteAnswer = z.strictObject({
  to: z.string(),
  text: z.string(),
  sentAt: isoDateTime,
  sentBy: z.string(),
  delivery: z.enum(['SENT', 'RETRYING', 'NOT_REACHED']),
});

/** GET /api/meetings/:meetingId/action-review */
export const listActionsForReviewAnswer = z.strictObject({
  scorecard: z.array(
    z.strictObject({
      agencyId: z.string(),
      agency: z.string(),
      open: z.number().int(),
      overdue: z.number().int(),
      completed: z.number().int(),
    }),
  ),
  actions: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      status: z.enum(['IN_PROGRESS', 'CANCELLED', 'PROPOSED', 'ACCEPTED', 'COMPLETED', 'BLOCKED']),
      dueDate: z.string(),
      caseReference: z.string(),
      owner: z.string(),
      review: z
        .strictObject({
          notDoneReason: z.enum(['CIRCUMSTANCES_CHANGED', 'AGENCY_DID_NOT_DO_IT']).nullable(),
          outcome: z.enum(['IN_PROGRESS', 'DONE', 'NOT_DONE']),
          note: z.string().nullable(),
          version: z.number().int(),
          agencyNote,
        })
        .nullable(),
    }),
  ),
});

/** POST /api/meetings/:meetingId/action-review */
export const reviewActionAnswer = z.strictObject({
  outcome: z.enum(['IN_PROGRESS', 'DONE', 'NOT_DONE']),
  notDoneReason: z.enum(['CIRCUMSTANCES_CHANGED', 'AGENCY_DID_NOT_DO_IT']).nullable(),
  note: z.string().nullable(),
  reviewedAt: isoDateTime,
  actionId: z.string(),
  version: z.number().int(),
  agencyNote,
});

/** POST /api/meetings/:meetingId/minutes */
export const draftMeetingMinutesAnswer = z.strictObject({
  status: z.string(),
  dueBy: z.string(),
  version: z.number(),
  content: z.strictObject({
    marking: z.string(),
    title: z.string(),
    meetingDate: z.string(),
    present: z.array(z.string()),
    apologies: z.array(z.string()),
    absent: z.array(z.string()),
    actionReview: z.array(z.string()),
    cases: z.array(
      z.strictObject({
        heading: z.string(),
        why: z.string(),
        decisions: z.string(),
        outcome: z.string(),
        actions: z.array(z.string()),
      }),
    ),
    notHeard: z.array(z.string()),
  }),
  approved: z
    .strictObject({
      by: z.string(),
      on: z.string(),
    })
    .nullable(),
  /** Per case heard, its agenda item and the decisions recorded, for the chair to correct before approving. */
  decisions: z.array(z.strictObject({ itemId: z.string(), caseReference: z.string(), decisions: z.string().nullable() })),
  circulatedAt: isoDateTime.nullable(),
  meeting: z.strictObject({ held: z.boolean() }),
  me: z.strictObject({ mayRun: z.boolean() }),
});

/** POST /api/meetings/:meetingId/minutes/circulate */
export const circulateMinutesAnswer = z.strictObject({
  circulatedAt: isoDateTime,
  agencies: z.number(),
  recipients: z.strictObject({ sent: z.number(), retrying: z.number(), notReached: z.number() }),
});

/** GET /api/minutes/awaiting-approval */
export const minutesAwaitingApprovalAnswer = z.array(
  z.strictObject({
    meetingId: z.string(),
    panelName: z.string(),
    meetingDate: z.string(),
    minutes: z.enum(['NOT_DRAFTED', 'DRAFT']),
    dueBy: z.string(),
    overdue: z.boolean(),
  }),
);
