// The answers of the routes in routes/meetings.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { agendaViewAnswer } from './agenda-view';
import { isoDateTime } from './wire';

/** GET /api/meetings/:meetingId/agenda: the agenda, and whether the member may run the meeting. */
export const readMeetingAgendaAnswer = agendaViewAnswer.extend({
  me: z.strictObject({
    mayRun: z.boolean(),
  }),
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

const TEAMS_SYNC = z.enum(['NOT_REQUESTED', 'PENDING', 'SYNCED', 'FAILED']);
const meetingRow = z.strictObject({
  id: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED']),
  version: z.number(),
  teams: z.strictObject({ status: TEAMS_SYNC, error: z.string().nullable() }),
  minutes: z
    .strictObject({
      status: z.enum(['DRAFT', 'APPROVED']),
      dueBy: z.string(),
      circulatedAt: isoDateTime.nullable(),
    })
    .nullable(),
});

/** GET /api/meetings: per panel the member sits on, its upcoming and recent meetings. */
export const listMyPanelsMeetingsAnswer = z.array(
  z.strictObject({
    panel: z.strictObject({ id: z.string(), name: z.string(), cadence: z.string() }),
    mayRun: z.boolean(),
    upcoming: z.array(meetingRow),
    past: z.array(meetingRow),
  }),
);

/** GET /api/panels/:panelId/meetings/next */
export const proposeNextMeetingAnswer = z.strictObject({
  date: z.string(),
  startTime: z.string(),
  startsAt: isoDateTime,
  cadence: z.string(),
});
