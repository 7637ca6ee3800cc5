// The meeting as it runs: moving between items, the side panel's view (polled with ETag), and the
// attendance register.
import { z } from 'zod';
import {
  authoriseAgendaPost,
  listAttendance,
  meetingForChat,
  meetingRoomTag,
  moveToNextItem,
  readMeetingRoom,
  recordAttendance,
  signAttendance,
} from '../../services/meeting-room';
import { postAgendaToMeetingChat, refreshPostedAgendaCard } from '../../services/agenda-post';
import { conflict, notFound } from '../../services/errors';
import { chatThreadIdOfTeamsMeetingId } from '../../graph/teams-ids';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/meeting-room';
import { agendaViewAnswer } from '../responses/agenda-view';

const meeting = { meetingId: 'meeting' };
const next = z.strictObject({ expectedVersion: z.number().int().min(0).optional() });
const signing = z.strictObject({
  acceptConfidentiality: z.literal(true, { error: 'Accept the confidentiality statement to join the discussion of cases.' }),
});
const record = z.strictObject({ status: z.enum(['PRESENT', 'APOLOGIES', 'ABSENT']) });
const teamsMeeting = z.strictObject({ teamsMeetingId: z.string().min(8).max(400, 'That is not a Teams meeting id.') });

export function meetingRoomRoutes(deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/meetings/for-teams-meeting',
      summary: 'Find the panel meeting a Teams meeting (as teams-js names it) belongs to.',
      tag: 'Meetings',
      capability: 'meeting.attend',
      query: teamsMeeting,
      response: answers.getMeetingsForTeamsMeetingAnswer,
      async handle({ ctx, query }) {
        const threadId = chatThreadIdOfTeamsMeetingId(query.teamsMeetingId);
        const found = threadId ? await meetingForChat(ctx, threadId) : null;
        // Worded as meetingForChat's refusal of a meeting the member may not attend, so the two read alike.
        if (!found) throw notFound('meeting');
        return { json: { meetingId: found.meetingId } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/next',
      summary: 'Close the item being heard and move to the next.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      body: next,
      response: agendaViewAnswer,
      async handle({ ctx, params, body }) {
        const view = await moveToNextItem(ctx, params.meetingId!, body.expectedVersion);
        await refreshPostedAgendaCard(deps, params.meetingId!);
        return { json: view };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/agenda/post',
      summary: 'Post the agenda card to the meeting chat.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      response: answers.postMeetingsMeetingIdAgendaPostAnswer,
      async handle({ ctx, params }) {
        await authoriseAgendaPost(ctx, params.meetingId!);
        const result = await postAgendaToMeetingChat(deps, params.meetingId!);
        if (!result.posted) throw conflict(result.reason ?? 'The agenda could not be posted.');
        return { json: result };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/meetings/:meetingId/room',
      summary:
        'Read the meeting as the side panel shows it: agenda, current item and, once the confidentiality statement is accepted, its case.',
      tag: 'Meetings',
      capability: 'meeting.attend',
      params: meeting,
      response: answers.readMeetingRoomAnswer,
      async handle({ ctx, params, req, res }) {
        // Side panels poll every second or so: an unchanged meeting answers 304 and reads no case.
        const tag = await meetingRoomTag(ctx, params.meetingId!);
        res.setHeader('ETag', tag);
        res.setHeader('Cache-Control', 'no-cache, private');
        if (req.headers['if-none-match'] === tag) {
          res.status(304).end();
          return {};
        }
        return { json: await readMeetingRoom(ctx, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/meetings/:meetingId/attendance',
      summary: 'Read the attendance register.',
      tag: 'Meetings',
      capability: 'meeting.attend',
      params: meeting,
      response: answers.listAttendanceAnswer,
      async handle({ ctx, params }) {
        return { json: await listAttendance(ctx, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/attendance/me',
      summary: 'Sign the attendance register for your agency and accept the confidentiality statement.',
      tag: 'Meetings',
      capability: 'meeting.attend',
      params: meeting,
      body: signing,
      response: answers.signAttendanceAnswer,
      async handle({ ctx, params }) {
        return { json: await signAttendance(ctx, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/meetings/:meetingId/attendance/:memberId',
      summary: 'Record a member present, sending apologies or absent.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: { ...meeting, memberId: 'member' },
      body: record,
      response: answers.recordAttendanceAnswer,
      async handle({ ctx, params, body }) {
        return { json: await recordAttendance(ctx, params.meetingId!, params.memberId!, body.status) };
      },
    }),
  ];
}
