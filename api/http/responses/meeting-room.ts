// The answers of the routes in routes/meeting-room.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { agendaItemAnswer, agendaViewAnswer } from './agenda-view';
import { isoDateTime } from './wire';

/** GET /api/meetings/for-teams-meeting */
export const getMeetingsForTeamsMeetingAnswer = z.strictObject({
  meetingId: z.string(),
});

/** POST /api/meetings/:meetingId/agenda/post */
export const postMeetingsMeetingIdAgendaPostAnswer = z.strictObject({
  posted: z.boolean(),
  reason: z.string().optional(),
});

/** GET /api/meetings/:meetingId/room */
export const readMeetingRoomAnswer = agendaViewAnswer.extend({
  current: z
    .strictObject({
      item: agendaItemAnswer,
      case: z
        .strictObject({
          id: z.string(),
          reference: z.string(),
          kind: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
          status: z.enum(['OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED']),
          currentRiskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
          summary: z.string().nullable(),
          leadAgency: z.string(),
          subjects: z.array(
            z.strictObject({
              role: z.enum(['VICTIM', 'PERPETRATOR', 'WITNESS']),
              name: z.string(),
            }),
          ),
          openActions: z.array(
            z.strictObject({
              id: z.string(),
              title: z.string(),
              status: z.enum(['IN_PROGRESS', 'CANCELLED', 'PROPOSED', 'ACCEPTED', 'COMPLETED', 'BLOCKED']),
              dueDate: z.string(),
              owner: z.string(),
            }),
          ),
        })
        .nullable(),
      withheld: z.enum(['NOT_IN_ATTENDANCE', 'CONFIDENTIALITY_NOT_ACCEPTED', 'NOT_ENTITLED']).nullable(),
    })
    .nullable(),
  confidentialityStatement: z.string(),
  me: z.strictObject({
    isChair: z.boolean(),
    attendance: z
      .strictObject({
        status: z.enum(['PRESENT', 'APOLOGIES', 'ABSENT']),
        confidentialityAccepted: z.boolean(),
      })
      .nullable(),
  }),
});

/** GET /api/meetings/:meetingId/attendance */
export const listAttendanceAnswer = z.array(
  z.strictObject({
    member: z.strictObject({
      id: z.string(),
      displayName: z.string(),
    }),
    agency: z.strictObject({
      id: z.string(),
      name: z.string(),
    }),
    status: z.enum(['PRESENT', 'APOLOGIES', 'ABSENT']),
    confidentialityAccepted: z.boolean(),
    recordedAt: isoDateTime,
  }),
);

/** POST /api/meetings/:meetingId/attendance/me */
export const signAttendanceAnswer = z.strictObject({
  status: z.enum(['PRESENT', 'APOLOGIES', 'ABSENT']),
  agencyId: z.string(),
  confidentialityAcceptedAt: isoDateTime.nullable(),
});

/** PUT /api/meetings/:meetingId/attendance/:memberId */
export const recordAttendanceAnswer = z.strictObject({
  status: z.enum(['PRESENT', 'APOLOGIES', 'ABSENT']),
  agencyId: z.string(),
});
