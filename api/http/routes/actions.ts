// Assigning and working on one action over REST: the same use cases the action card's buttons call.
// Every change carries the version it was drawn from, so a stale form never overwrites newer state.
import { z } from 'zod';
import { isCalendarDate } from '../../domain/agenda/calendar-date';
import { assignAction, changeAction, readAction, type ActionOutcome } from '../../services/actions';
import { assignmentChoices } from '../../services/assignment-choices';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/actions';

const id = z.guid({ message: 'Give a valid id.' });
const text = (message: string, max: number) =>
  z
    .string({ message })
    .trim()
    .min(1, { message })
    .max(max, { message: `Keep this under ${max.toLocaleString('en-GB')} characters.` });
const calendarDate = z
  .string({ message: 'Give a date as YYYY-MM-DD.' })
  .refine(isCalendarDate, { message: 'Give a real date as YYYY-MM-DD.' });
const expectedVersion = z.number({ message: 'Say which version of the action you are changing.' }).int().min(0);

const assignBody = z.strictObject({
  caseId: id,
  meetingId: id.optional(),
  agendaItemId: id.optional(),
  title: text('Say what will be done.', 500),
  description: z.string().trim().max(4000).optional(),
  ownerAgencyId: id,
  ownerMemberId: id.nullable().optional(),
  dueDate: calendarDate,
  priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT'], { message: 'Choose LOW, NORMAL, HIGH or URGENT.' }).default('NORMAL'),
});

const versionOnly = z.strictObject({ expectedVersion });
const withNote = (message: string) => z.strictObject({ expectedVersion, note: text(message, 4000) });
const cannotCompleteBody = z.strictObject({
  expectedVersion,
  reason: z.enum(['CIRCUMSTANCES_CHANGED', 'AGENCY_DID_NOT_DO_IT'], { message: 'Choose CIRCUMSTANCES_CHANGED or AGENCY_DID_NOT_DO_IT.' }),
  note: text('Explain why the action cannot be completed.', 4000),
});
const reassignBody = z.strictObject({
  expectedVersion,
  agencyId: id,
  memberId: id.nullable().default(null),
  reason: text('Give a reason for reassigning the action.', 4000),
});
const cancelBody = z.strictObject({ expectedVersion, reason: text('Give a reason for cancelling the action.', 4000) });
const dueDateBody = z.strictObject({
  expectedVersion,
  dueDate: calendarDate,
  reason: text('Give a reason for changing the due date.', 4000),
});

const choicesQuery = z.strictObject({ agencyId: id.optional(), meetingId: id.optional() });

/** 201 for a new action, 200 for a change (or a repeat that changed nothing). */
function reply(result: ActionOutcome, created = false) {
  return { status: created && result.outcome === 'APPLIED' ? 201 : 200, json: result };
}

export function actionRoutes(deps: ApiDependencies): RouteSpec[] {
  const params = { actionId: 'action' };
  return [
    defineRoute({
      method: 'post',
      path: '/actions',
      summary: 'Assign an action on a case, during an agenda item or at any time; the owner is sent the action card in Teams.',
      tag: 'Actions',
      capability: 'action.assign',
      body: assignBody,
      response: answers.postActionsAnswer,
      async handle({ body, ctx }) {
        return reply(await assignAction(ctx, deps, body), true);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/:caseId/assignment-choices',
      summary:
        'The agencies an action on this case may be assigned or reassigned to and, given agencyId, its officers (the assign card offers the same).',
      tag: 'Actions',
      capability: 'action.assign',
      params: { caseId: 'case' },
      query: choicesQuery,
      response: answers.assignmentChoicesAnswer,
      async handle({ params: { caseId }, query, ctx }) {
        return { json: await assignmentChoices(ctx, { caseId: caseId!, meetingId: query.meetingId }, query.agencyId) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/actions/:actionId',
      summary: 'Read one action with its history.',
      tag: 'Actions',
      capability: 'case.read',
      params,
      response: answers.readActionAnswer,
      async handle({ params: { actionId }, ctx }) {
        return { json: await readAction(ctx, actionId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/actions/:actionId/accept',
      summary: 'Accept an action you own.',
      tag: 'Actions',
      capability: 'action.work',
      params,
      body: versionOnly,
      response: answers.postActionsAnswer,
      async handle({ params: { actionId }, body, ctx }) {
        return reply(await changeAction(ctx, deps, actionId!, { expectedVersion: body.expectedVersion, command: { kind: 'ACCEPT' } }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/actions/:actionId/progress',
      summary: 'Record progress on an action you own.',
      tag: 'Actions',
      capability: 'action.work',
      params,
      body: withNote('Say what has been done so far.'),
      response: answers.postActionsAnswer,
      async handle({ params: { actionId }, body, ctx }) {
        return reply(
          await changeAction(ctx, deps, actionId!, {
            expectedVersion: body.expectedVersion,
            command: { kind: 'UPDATE_PROGRESS', note: body.note },
          }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/actions/:actionId/complete',
      summary: 'Mark an action you own complete, saying what was done.',
      tag: 'Actions',
      capability: 'action.work',
      params,
      body: withNote('Say what was done, for the minutes.'),
      response: answers.postActionsAnswer,
      async handle({ params: { actionId }, body, ctx }) {
        return reply(
          await changeAction(ctx, deps, actionId!, {
            expectedVersion: body.expectedVersion,
            command: { kind: 'COMPLETE', note: body.note },
          }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/actions/:actionId/cannot-complete',
      summary: "Record that an action can't be completed: circumstances changed, or the agency did not do it.",
      tag: 'Actions',
      capability: 'action.work',
      params,
      body: cannotCompleteBody,
      response: answers.postActionsAnswer,
      async handle({ params: { actionId }, body, ctx }) {
        return reply(
          await changeAction(ctx, deps, actionId!, {
            expectedVersion: body.expectedVersion,
            command: { kind: 'CANNOT_COMPLETE', reason: body.reason, note: body.note },
          }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/actions/:actionId/reassign',
      summary: 'Reassign an action to another agency or officer, with a reason.',
      tag: 'Actions',
      capability: 'action.oversee',
      params,
      body: reassignBody,
      response: answers.postActionsAnswer,
      async handle({ params: { actionId }, body, ctx }) {
        return reply(
          await changeAction(ctx, deps, actionId!, {
            expectedVersion: body.expectedVersion,
            command: { kind: 'REASSIGN', agencyId: body.agencyId, memberId: body.memberId, reason: body.reason },
          }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/actions/:actionId/due-date',
      summary: "Move an action's due date, with a reason.",
      tag: 'Actions',
      capability: 'action.oversee',
      params,
      body: dueDateBody,
      response: answers.postActionsAnswer,
      async handle({ params: { actionId }, body, ctx }) {
        return reply(
          await changeAction(ctx, deps, actionId!, {
            expectedVersion: body.expectedVersion,
            command: { kind: 'CHANGE_DUE_DATE', dueDate: body.dueDate, reason: body.reason },
          }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/actions/:actionId/cancel',
      summary: 'Cancel an action, with a reason.',
      tag: 'Actions',
      capability: 'action.oversee',
      params,
      body: cancelBody,
      response: answers.postActionsAnswer,
      async handle({ params: { actionId }, body, ctx }) {
        return reply(
          await changeAction(ctx, deps, actionId!, {
            expectedVersion: body.expectedVersion,
            command: { kind: 'CANCEL', reason: body.reason },
          }),
        );
      },
    }),
  ];
}
