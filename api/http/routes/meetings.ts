// A meeting's agenda: read by the panel, shaped by its chair.
import { z } from 'zod';
import {
  addMeetingAgendaItem,
  deferMeetingAgendaItem,
  readMeetingAgenda,
  rebuildAgenda,
  reorderMeetingAgenda,
} from '../../services/meetings';
import { cancelMeeting, moveMeeting, retryTeamsSync } from '../../services/meeting-changes';
import { listMyPanelsMeetings } from '../../services/meetings-overview';
import { defineRoute, type RouteSpec } from '../route-spec';
import { meetingRoomRoutes } from './meeting-room';
import { minutesRoutes } from './minutes';
import type { ApiDependencies } from './index';
import * as answers from '../responses/meetings';
import { agendaViewAnswer, builtAgendaAnswer } from '../responses/agenda-view';

const ID = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Give a case id.')
  .transform((id) => id.toLowerCase());
const REASON = z.string().trim().min(3, 'Say why, in a few words.').max(500, 'Keep the reason under 500 characters.');
/** The agenda version the chair's screen was drawn from: a stale edit is refused, not applied. */
const VERSION = z.number().int().min(0).optional();

const reorder = z.strictObject({ caseIds: z.array(ID).min(1, 'List the cases in their new order.').max(200), expectedVersion: VERSION });
const REFERENCE = z.string().trim().min(1, 'Give the case reference.').max(40, 'A case reference is under 40 characters.');
const addition = z
  .strictObject({
    caseId: ID.optional(),
    caseReference: REFERENCE.optional(),
    reasonText: REASON,
    position: z.number().int().min(1).max(200).optional(),
    expectedVersion: VERSION,
  })
  .refine((body) => (body.caseId === undefined) !== (body.caseReference === undefined), {
    message: 'Give the case id or its reference, not both.',
    path: ['caseReference'],
  });
const deferral = z.strictObject({ caseId: ID, reasonText: REASON, expectedVersion: VERSION });
const move = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.'),
  startTime: z.string().regex(/^(0[7-9]|1\d):[0-5]\d$/, 'Give a London start time between 07:00 and 19:59, as HH:MM.'),
  expectedVersion: VERSION,
});
const cancellation = z.strictObject({ reason: REASON, expectedVersion: VERSION });

export function meetingsRoutes(deps: ApiDependencies): RouteSpec[] {
  const meeting = { meetingId: 'meeting' };
  return [
    defineRoute({
      method: 'get',
      path: '/meetings',
      summary: 'List the upcoming and recent meetings of each panel the member sits on, with their Teams state and minutes.',
      tag: 'Meetings',
      capability: 'meeting.attend',
      response: answers.listMyPanelsMeetingsAnswer,
      async handle({ ctx }) {
        return { json: await listMyPanelsMeetings(ctx) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/meetings/:meetingId/agenda',
      summary: 'Read a meeting and its agenda, with why each case is on it.',
      tag: 'Meetings',
      capability: 'meeting.attend',
      params: meeting,
      response: answers.readMeetingAgendaAnswer,
      async handle({ ctx, params }) {
        return { json: await readMeetingAgenda(ctx, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/agenda/rebuild',
      summary: 'Build the agenda again from what waits to be heard now.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      response: builtAgendaAnswer,
      async handle({ ctx, params }) {
        return { json: await rebuildAgenda(ctx, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/meetings/:meetingId/agenda/order',
      summary: 'Put the agenda in a new running order.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      body: reorder,
      response: agendaViewAnswer,
      async handle({ ctx, params, body }) {
        return { json: await reorderMeetingAgenda(ctx, params.meetingId!, body.caseIds, body.expectedVersion) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/agenda/items',
      summary: 'Add a case to the agenda, saying why.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      body: addition,
      response: agendaViewAnswer,
      async handle({ ctx, params, body }) {
        const { expectedVersion, caseId, caseReference, position, reasonText } = body;
        const item = {
          reasonText,
          ...(caseId ? { caseId } : {}),
          ...(caseReference ? { caseReference } : {}),
          ...(position ? { position } : {}),
        };
        return { status: 201, json: await addMeetingAgendaItem(ctx, params.meetingId!, item, expectedVersion) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/agenda/deferrals',
      summary: 'Defer a case to the next meeting, saying why.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      body: deferral,
      response: agendaViewAnswer,
      async handle({ ctx, params, body }) {
        return { json: await deferMeetingAgendaItem(ctx, params.meetingId!, body.caseId, body.reasonText, body.expectedVersion) };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/meetings/:meetingId',
      summary: 'Move a meeting to another day or time; Teams follows.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      body: move,
      response: answers.moveMeetingAnswer,
      async handle({ ctx, params, body }) {
        return { json: await moveMeeting(ctx, params.meetingId!, body) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/cancel',
      summary: 'Cancel a meeting; its cases wait for the next one and Teams sends the cancellation.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      body: cancellation,
      response: answers.cancelMeetingAnswer,
      async handle({ ctx, params, body }) {
        return { json: await cancelMeeting(ctx, params.meetingId!, body.reason, body.expectedVersion) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/teams/retry',
      summary: 'Try putting the meeting in Teams again after a failure.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      response: answers.retryTeamsSyncAnswer,
      async handle({ ctx, params }) {
        return { json: await retryTeamsSync(ctx, params.meetingId!) };
      },
    }),
    ...meetingRoomRoutes(deps),
    ...minutesRoutes(deps),
  ];
}
