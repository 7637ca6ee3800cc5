// The answers of the routes in routes/meetings.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime } from './wire';

/** GET /api/meetings/:meetingId/agenda */
export const readMeetingAgendaAnswer = z.strictObject({
  meeting: z.strictObject({
    id: z.string(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    referralCutoff: isoDateTime,
    status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED']),
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
  items: z.array(
    z.strictObject({
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
    }),
  ),
  me: z.strictObject({
    mayRun: z.boolean(),
  }),
});

/** POST /api/meetings/:meetingId/agenda/rebuild */
export const rebuildAgendaAnswer = z.strictObject({
  lateReferrals: z.array(
    z.strictObject({
      caseId: z.string(),
      caseReference: z.string(),
      note: z.string(),
    }),
  ),
  meeting: z.strictObject({
    id: z.string(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    referralCutoff: isoDateTime,
    status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED']),
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
  items: z.array(
    z.strictObject({
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
    }),
  ),
});

/** PUT /api/meetings/:meetingId/agenda/order */
export const reorderMeetingAgendaAnswer = z.strictObject({
  meeting: z.strictObject({
    id: z.string(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    referralCutoff: isoDateTime,
    status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED']),
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
  items: z.array(
    z.strictObject({
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
    }),
  ),
});

/** PATCH /api/meetings/:meetingId */
export const moveMeetingAnswer = z.strictObject({
  id: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  teamsSyncStatus: z.enum(['NOT_REQUESTED', 'PENDING', 'SYNCED', 'FAILED']),
});

/** POST /api/meetings/:meetingId/cancel */
export const cancelMeetingAnswer = z.strictObject({
  id: z.string(),
  status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED']),
  teamsSyncStatus: z.enum(['NOT_REQUESTED', 'PENDING', 'SYNCED', 'FAILED']),
});

/** POST /api/meetings/:meetingId/teams/retry */
export const retryTeamsSyncAnswer = z.strictObject({
  id: z.string(),
  teamsSyncStatus: z.enum(['NOT_REQUESTED', 'PENDING', 'SYNCED', 'FAILED']),
});
