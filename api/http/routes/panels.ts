// Panels: every member reads them (a referrer picks one); the partnership admin sets them up.
import { z } from 'zod';
import { WEEKDAYS } from '../../domain/agenda/calendar-date';
import {
  createPanel,
  deactivatePanel,
  listPanels,
  reactivatePanel,
  readPanel,
  setPanelAgencies,
  setPanelChairs,
  updatePanel,
} from '../../services/panels';
import { listPanelMeetings, proposeNextMeeting, scheduleNextMeeting } from '../../services/meetings';
import { proposeNextMeetingAnswer } from '../responses/meetings';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/panels';
import { builtAgendaAnswer } from '../responses/agenda-view';

const ID = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Give an id.')
  .transform((id) => id.toLowerCase());

const cadence = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('MONTHLY'),
    weekday: z.enum(WEEKDAYS as [string, ...string[]]).transform((day) => day as (typeof WEEKDAYS)[number]),
    week: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('LAST')]),
  }),
  z.strictObject({
    kind: z.literal('EVERY_N_WEEKS'),
    everyWeeks: z.number().int().min(1, 'At least every week.').max(52, 'At most every 52 weeks.'),
    anchor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the first meeting date as YYYY-MM-DD.'),
  }),
]);

const settings = {
  name: z.string().trim().min(3, 'Give the panel a name of at least 3 characters.').max(120),
  cadence,
  referralCutoffDays: z.number().int().min(0, 'The cut-off cannot be after the meeting.').max(90, 'At most 90 days before.'),
  meetingMinutes: z.number().int().min(15, 'A meeting lasts at least 15 minutes.').max(480, 'A meeting lasts at most 8 hours.'),
  defaultItemMinutes: z.number().int().min(1, 'At least a minute per case.').max(120, 'At most 2 hours per case.'),
};

const newPanel = z.strictObject({ ...settings, type: z.enum(['CMARAC', 'OFFENDER_PANEL', 'PROBLEM_SOLVING_FORUM']) });
const panelChanges = z
  .strictObject({
    name: settings.name.optional(),
    cadence: settings.cadence.optional(),
    referralCutoffDays: settings.referralCutoffDays.optional(),
    meetingMinutes: settings.meetingMinutes.optional(),
    defaultItemMinutes: settings.defaultItemMinutes.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one setting.' });
const seats = z.strictObject({
  agencies: z
    .array(z.strictObject({ agencyId: ID, membership: z.enum(['CORE', 'FLEXIBLE']) }))
    .min(1, 'Seat at least one agency.')
    .max(40),
});
const chairs = z.strictObject({ memberIds: z.array(ID).min(1, 'Name at least one chair.').max(10) });
const schedule = z.strictObject({
  startTime: z
    .string()
    .regex(/^(0[7-9]|1\d):[0-5]\d$/, 'Give a London start time between 07:00 and 19:59, as HH:MM.')
    .optional(),
  /** The date the chair confirmed (from GET .../meetings/next): refused if the next date has moved since. */
  expectedDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.')
    .optional(),
});

export function panelsRoutes(_deps: ApiDependencies): RouteSpec[] {
  const panel = { panelId: 'panel' };
  return [
    defineRoute({
      method: 'get',
      path: '/panels',
      summary: "List the partnership's panels with their cadence, agencies and chairs.",
      tag: 'Panels',
      capability: null,
      response: answers.listPanelsAnswer,
      async handle({ ctx }) {
        return { json: await listPanels(ctx) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/panels',
      summary: 'Create a panel.',
      tag: 'Panels',
      capability: 'panel.manage',
      body: newPanel,
      response: answers.createPanelAnswer,
      async handle({ ctx, body }) {
        return { status: 201, json: await createPanel(ctx, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/panels/:panelId',
      summary: 'Read a panel.',
      tag: 'Panels',
      capability: null,
      params: panel,
      response: answers.createPanelAnswer,
      async handle({ ctx, params }) {
        return { json: await readPanel(ctx, params.panelId!) };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/panels/:panelId',
      summary: "Change a panel's name, cadence, cut-off, length or minutes per case.",
      tag: 'Panels',
      capability: 'panel.manage',
      params: panel,
      body: panelChanges,
      response: answers.createPanelAnswer,
      async handle({ ctx, params, body }) {
        return { json: await updatePanel(ctx, params.panelId!, body) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/panels/:panelId/agencies',
      summary: "Set a panel's core and flexible agencies.",
      tag: 'Panels',
      capability: 'panel.manage',
      params: panel,
      body: seats,
      response: answers.createPanelAnswer,
      async handle({ ctx, params, body }) {
        return { json: await setPanelAgencies(ctx, params.panelId!, body.agencies) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/panels/:panelId/chairs',
      summary: "Set a panel's chairs.",
      tag: 'Panels',
      capability: 'panel.manage',
      params: panel,
      body: chairs,
      response: answers.createPanelAnswer,
      async handle({ ctx, params, body }) {
        return { json: await setPanelChairs(ctx, params.panelId!, body.memberIds) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/panels/:panelId/deactivation',
      summary: 'Close a panel: it stops taking referrals and meetings; refused while it has a meeting to come.',
      tag: 'Panels',
      capability: 'panel.manage',
      params: panel,
      response: answers.createPanelAnswer,
      async handle({ ctx, params }) {
        return { json: await deactivatePanel(ctx, params.panelId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/panels/:panelId/reactivation',
      summary: 'Reopen a closed panel: it takes referrals and meetings again.',
      tag: 'Panels',
      capability: 'panel.manage',
      params: panel,
      response: answers.createPanelAnswer,
      async handle({ ctx, params }) {
        return { json: await reactivatePanel(ctx, params.panelId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/panels/:panelId/meetings',
      summary: "List a panel's meetings.",
      tag: 'Meetings',
      capability: 'meeting.attend',
      params: panel,
      response: answers.listPanelMeetingsAnswer,
      async handle({ ctx, params }) {
        return { json: await listPanelMeetings(ctx, params.panelId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/panels/:panelId/meetings/next',
      summary: "Propose the panel's next meeting from its cadence, for the chair to confirm.",
      tag: 'Meetings',
      capability: 'meeting.run',
      params: panel,
      response: proposeNextMeetingAnswer,
      async handle({ ctx, params }) {
        return { json: await proposeNextMeeting(ctx, params.panelId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/panels/:panelId/meetings',
      summary: "Schedule the panel's next meeting from its cadence and build its agenda.",
      tag: 'Meetings',
      capability: 'meeting.run',
      params: panel,
      body: schedule,
      response: builtAgendaAnswer,
      async handle({ ctx, params, body }) {
        const request = {
          ...(body.startTime ? { startTime: body.startTime } : {}),
          ...(body.expectedDate ? { expectedDate: body.expectedDate } : {}),
        };
        return { status: 201, json: await scheduleNextMeeting(ctx, params.panelId!, request) };
      },
    }),
  ];
}
