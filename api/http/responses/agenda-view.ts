// A meeting's agenda as every route that shows or changes it answers: the agenda page, the chair's
// edits, the side panel's room and "next item", and scheduling or rebuilding a meeting.
import { z } from 'zod';
import { isoDateTime } from './wire';

const meetingStatus = z.enum(['SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED']);

/** One case on the agenda, with why it is there. */
export const agendaItemAnswer = z.strictObject({
  id: z.string(),
  position: z.number(),
  case: z.strictObject({
    id: z.string(),
    reference: z.string(),
    kind: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
    currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
  }),
  reasons: z.array(z.enum(['DEFERRED', 'NEW_REFERRAL', 'REPEAT_REFERRAL', 'REVIEW_DUE', 'OVERDUE_ACTIONS', 'ADDED_BY_CHAIR'])),
  why: z.string(),
  minutes: z.number(),
  expectedAt: isoDateTime.nullable(),
  agencies: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
    }),
  ),
  status: z.enum(['DEFERRED', 'PLANNED', 'CURRENT', 'DISCUSSED', 'SPILLED_OVER']),
  deferralReason: z.string().nullable(),
});

/** PUT /api/meetings/:meetingId/agenda/order, POST …/agenda/items, …/deferrals, …/next, and the base of the others. */
export const agendaViewAnswer = z.strictObject({
  meeting: z.strictObject({
    id: z.string(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    referralCutoff: isoDateTime,
    status: meetingStatus,
    version: z.number(),
    currentAgendaItemId: z.string().nullable(),
    teams: z.strictObject({
      status: z.enum(['NOT_REQUESTED', 'PENDING', 'SYNCED', 'FAILED']),
      error: z.string().nullable(),
      joinUrl: z.string().nullable(),
    }),
  }),
  panel: z.strictObject({
    id: z.string(),
    name: z.string(),
    type: z.enum(['CMARAC', 'OFFENDER_PANEL', 'PROBLEM_SOLVING_FORUM']),
  }),
  actionsReviewMinutes: z.number(),
  /** The running order, the deferrals and the first few cases that did not fit (none in the side panel). */
  items: z.array(agendaItemAnswer),
  /** How many cases did not fit in all, listed in `items` or not. */
  spillOverTotal: z.number(),
});

/** POST /api/panels/:panelId/meetings and POST /api/meetings/:meetingId/agenda/rebuild: the agenda as built, with the referrals that came after the cut-off. */
export const builtAgendaAnswer = agendaViewAnswer.extend({
  lateReferrals: z.array(
    z.strictObject({
      caseId: z.string(),
      caseReference: z.string(),
      note: z.string(),
    }),
  ),
});
