// Reading actions (the chair's outstanding list, an officer's own, whose reminders are not getting
// through) and chasing one now. Assigning, accepting and completing are in routes/actions.ts.
import { z } from 'zod';
import { ACTION_STATUSES } from '../../domain/actions/lifecycle';
import { defineRoute, type RouteSpec } from '../route-spec';
import { listActionChoices, listMyActions, listOutstandingActions, type ActionListFilters } from '../../services/action-list';
import { chaseNow, listOutOfReach } from '../../services/notifications';
import type { ApiDependencies } from './index';
import * as answers from '../responses/action-list';

const STATUS = z.enum(ACTION_STATUSES);
const ID = z.uuid('Give an id as a uuid.').transform((id) => id.toLowerCase());

/** Filters arrive as query strings: `status=ACCEPTED,BLOCKED`, `overdue=true`, `sort=risk`. */
const listQuery = z.strictObject({
  panelId: ID.optional(),
  agencyId: ID.optional(),
  officerId: ID.optional(),
  status: z
    .string()
    .transform((value, check) => {
      const statuses = value.split(',').filter((item) => item !== '');
      if (statuses.length > 0 && statuses.every((item) => STATUS.safeParse(item).success)) return statuses as z.output<typeof STATUS>[];
      check.issues.push({
        code: 'custom',
        input: value,
        message: `Give one or more statuses, separated by commas, from ${STATUS.options.join(', ')}.`,
      });
      return z.NEVER;
    })
    .optional(),
  overdue: z
    .enum(['true', 'false'], 'Give overdue as true or false.')
    .transform((value) => value === 'true')
    .optional(),
  sort: z.enum(['due', 'risk'], 'Sort by due or risk.').optional(),
  after: z.string().max(100, 'Give after as the nextCursor of the previous page.').optional(),
});

type ListQuery = z.output<typeof listQuery>;

function filtersFrom(query: ListQuery): ActionListFilters {
  const { status, ...rest } = query;
  return { ...rest, ...(status ? { statuses: status } : {}) };
}

export function actionListRoutes(deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/actions',
      summary: 'List the outstanding actions the member may see: their panels, agency and own.',
      tag: 'Actions',
      capability: 'action.work',
      query: listQuery,
      response: answers.listOutstandingActionsAnswer,
      async handle({ query, ctx }) {
        return { json: await listOutstandingActions(ctx, filtersFrom(query)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/actions/mine',
      summary: 'List the actions named to the member, and their agency’s actions nobody is named on.',
      tag: 'Actions',
      capability: 'action.work',
      query: listQuery,
      response: answers.listOutstandingActionsAnswer,
      async handle({ query, ctx }) {
        return { json: await listMyActions(ctx, filtersFrom(query)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/actions/choices',
      summary: 'List what the outstanding list can be filtered by: the panels, agencies and officers of its actions.',
      tag: 'Actions',
      capability: 'action.work',
      response: answers.listActionChoicesAnswer,
      async handle({ ctx }) {
        return { json: await listActionChoices(ctx) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/actions/out-of-reach',
      summary:
        'List whose reminders are not getting through (undelivered actions, members the bot cannot write to), to phone them instead.',
      tag: 'Actions',
      capability: 'action.oversee',
      response: answers.listOutOfReachAnswer,
      async handle({ ctx }) {
        return { json: await listOutOfReach(ctx) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/actions/:actionId/chase',
      summary: 'Chase an action now: send its owner a reminder at once.',
      tag: 'Actions',
      capability: 'action.oversee',
      params: { actionId: 'action' },
      response: answers.chaseNowAnswer,
      async handle({ params, ctx }) {
        return { status: 200, json: await chaseNow(ctx, deps, params.actionId!) };
      },
    }),
  ];
}
