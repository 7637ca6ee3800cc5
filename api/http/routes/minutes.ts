// Outcomes per case heard, the review of earlier actions, and the minutes built from them.
import { z } from 'zod';
import { sendNotDoneNote } from '../../services/agency-notes';
import { listActionsForReview, recordItemOutcome, reviewAction } from '../../services/meeting-outcomes';
import {
  approveMeetingMinutes,
  draftMeetingMinutes,
  editMinutesDecisions,
  exportMeetingMinutes,
  readMeetingMinutes,
} from '../../services/minutes';
import { circulateMinutes } from '../../services/minutes-circulation';
import { listMinutesAwaitingApproval } from '../../services/meetings-overview';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/minutes';

const meeting = { meetingId: 'meeting' };
const ID = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Give an action id.')
  .transform((id) => id.toLowerCase());
const NOTE = z.string().trim().max(2000, 'Keep it under 2000 characters.');

const outcome = z.strictObject({
  decisions: NOTE.min(3, 'Record what the panel decided.'),
  caseDecision: z.enum(['KEEP_ON', 'CLOSE', 'LEAD_AGENCY_CASEWORK']),
  riskBandAfter: z.enum(['LOW', 'MEDIUM', 'HIGH']).optional(),
  closureReason: NOTE.optional(),
  nextReviewDue: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.')
    .optional(),
});
const review = z.strictObject({
  actionId: ID,
  outcome: z.enum(['DONE', 'IN_PROGRESS', 'NOT_DONE']),
  notDoneReason: z.enum(['CIRCUMSTANCES_CHANGED', 'AGENCY_DID_NOT_DO_IT']).optional(),
  note: NOTE.optional(),
  /** The review's version the chair saw, 0 when not yet reviewed: a stale side panel never overwrites a review unseen. */
  expectedVersion: z.number().int().min(0),
});
const agencyNote = z.strictObject({ text: NOTE.min(3, 'Write the note to send.') });
const approval = z.strictObject({ expectedVersion: z.number().int().min(0).optional() });
const decisionsEdit = z.strictObject({
  decisions: NOTE.min(3, 'Record what the panel decided.'),
  /** The minutes' version the chair edited: required, so an edit never overwrites a redraft unseen. */
  expectedVersion: z.number().int().min(0),
});

export function minutesRoutes(deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/minutes/awaiting-approval',
      summary: "List the minutes of the chair's panels still waiting for approval, with their due dates.",
      tag: 'Minutes',
      capability: 'meeting.run',
      response: answers.minutesAwaitingApprovalAnswer,
      async handle({ ctx }) {
        return { json: await listMinutesAwaitingApproval(ctx) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/meetings/:meetingId/items/:itemId/outcome',
      summary: 'Record the decisions, risk and outcome for a case heard.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: { ...meeting, itemId: 'agenda item' },
      body: outcome,
      response: answers.recordItemOutcomeAnswer,
      async handle({ ctx, params, body }) {
        return { json: await recordItemOutcome(ctx, params.meetingId!, params.itemId!, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/meetings/:meetingId/action-review',
      summary: "List the actions from earlier meetings to review, with each attending agency's scorecard for the panel.",
      tag: 'Meetings',
      capability: 'meeting.attend',
      params: meeting,
      response: answers.listActionsForReviewAnswer,
      async handle({ ctx, params }) {
        return { json: await listActionsForReview(ctx, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/action-review',
      summary: 'Record the review of an earlier action, with the reason if not done.',
      tag: 'Meetings',
      capability: 'meeting.run',
      params: meeting,
      body: review,
      response: answers.reviewActionAnswer,
      async handle({ ctx, params, body }) {
        return { json: await reviewAction(ctx, params.meetingId!, body) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/action-review/:actionId/agency-note',
      summary: "Send the note about an action the agency did not do to the agency's lead, in Teams.",
      tag: 'Meetings',
      capability: 'meeting.run',
      params: { ...meeting, actionId: 'action' },
      body: agencyNote,
      response: answers.sendAgencyNoteAnswer,
      async handle({ ctx, params, body }) {
        return { json: await sendNotDoneNote(ctx, deps, params.meetingId!, params.actionId!, body.text) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/minutes',
      summary: 'Draft the minutes from the meeting record.',
      tag: 'Minutes',
      capability: 'meeting.run',
      params: meeting,
      response: answers.draftMeetingMinutesAnswer,
      async handle({ ctx, params }) {
        return { status: 201, json: await draftMeetingMinutes(ctx, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/meetings/:meetingId/minutes',
      summary: 'Read the minutes.',
      tag: 'Minutes',
      capability: 'meeting.attend',
      params: meeting,
      response: answers.draftMeetingMinutesAnswer,
      async handle({ ctx, params }) {
        return { json: await readMeetingMinutes(ctx, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/minutes/approve',
      summary: 'Approve the minutes.',
      tag: 'Minutes',
      capability: 'meeting.run',
      params: meeting,
      body: approval,
      response: answers.draftMeetingMinutesAnswer,
      async handle({ ctx, params, body }) {
        return { json: await approveMeetingMinutes(ctx, params.meetingId!, body.expectedVersion) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/meetings/:meetingId/minutes/items/:itemId/decisions',
      summary: 'Correct the decisions recorded for a case heard, before the minutes are approved.',
      tag: 'Minutes',
      capability: 'meeting.run',
      params: { ...meeting, itemId: 'agenda item' },
      body: decisionsEdit,
      response: answers.draftMeetingMinutesAnswer,
      async handle({ ctx, params, body }) {
        return { json: await editMinutesDecisions(ctx, params.meetingId!, params.itemId!, body) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:meetingId/minutes/circulate',
      summary: 'Tell each agency that attended, in Teams, that the approved minutes are ready.',
      tag: 'Minutes',
      capability: 'meeting.run',
      params: meeting,
      response: answers.circulateMinutesAnswer,
      async handle({ ctx, params }) {
        return { json: await circulateMinutes(ctx, deps, params.meetingId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/meetings/:meetingId/minutes.docx',
      summary: 'Export the minutes as a Word document.',
      tag: 'Minutes',
      capability: 'meeting.attend',
      params: meeting,
      produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      async handle({ ctx, params }) {
        const { filename, data } = await exportMeetingMinutes(ctx, params.meetingId!);
        return { file: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename, data } };
      },
    }),
  ];
}
