// The answers of the routes in routes/panels.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime } from './wire';

/** GET /api/panels */
export const listPanelsAnswer = z.array(
  z.strictObject({
    id: z.string(),
    type: z.enum(['CMARAC', 'OFFENDER_PANEL', 'PROBLEM_SOLVING_FORUM']),
    name: z.string(),
    isActive: z.boolean(),
    cadence: z.union([
      z.strictObject({
        kind: z.literal('MONTHLY'),
        weekday: z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']),
        week: z.union([z.literal(3), z.literal(1), z.literal(4), z.literal(2), z.literal('LAST')]),
      }),
      z.strictObject({
        kind: z.literal('EVERY_N_WEEKS'),
        everyWeeks: z.number(),
        anchor: z.string(),
      }),
    ]),
    cadenceText: z.string(),
    nextMeetingDate: z.string().nullable().optional(),
    referralCutoffDays: z.number(),
    meetingMinutes: z.number(),
    defaultItemMinutes: z.number(),
    agencies: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        type: z.enum([
          'POLICE',
          'COUNCIL_ASB',
          'HOUSING_PROVIDER',
          'ADULT_SOCIAL_CARE',
          'CHILDRENS_SOCIAL_CARE',
          'MENTAL_HEALTH',
          'HEALTH',
          'FIRE',
          'VICTIM_SUPPORT',
          'YOUTH_JUSTICE',
          'PROBATION',
          'DRUG_ALCOHOL',
          'EDUCATION',
          'OTHER',
        ]),
        membership: z.enum(['CORE', 'FLEXIBLE']),
      }),
    ),
    chairs: z.array(
      z.strictObject({
        id: z.string(),
        displayName: z.string(),
        agency: z.string(),
      }),
    ),
  }),
);

/** POST /api/panels */
export const createPanelAnswer = z.strictObject({
  id: z.string(),
  type: z.enum(['CMARAC', 'OFFENDER_PANEL', 'PROBLEM_SOLVING_FORUM']),
  name: z.string(),
  isActive: z.boolean(),
  cadence: z.union([
    z.strictObject({
      kind: z.literal('MONTHLY'),
      weekday: z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']),
      week: z.union([z.literal(3), z.literal(1), z.literal(4), z.literal(2), z.literal('LAST')]),
    }),
    z.strictObject({
      kind: z.literal('EVERY_N_WEEKS'),
      everyWeeks: z.number(),
      anchor: z.string(),
    }),
  ]),
  cadenceText: z.string(),
  nextMeetingDate: z.string().nullable().optional(),
  referralCutoffDays: z.number(),
  meetingMinutes: z.number(),
  defaultItemMinutes: z.number(),
  agencies: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      type: z.enum([
        'POLICE',
        'COUNCIL_ASB',
        'HOUSING_PROVIDER',
        'ADULT_SOCIAL_CARE',
        'CHILDRENS_SOCIAL_CARE',
        'MENTAL_HEALTH',
        'HEALTH',
        'FIRE',
        'VICTIM_SUPPORT',
        'YOUTH_JUSTICE',
        'PROBATION',
        'DRUG_ALCOHOL',
        'EDUCATION',
        'OTHER',
      ]),
      membership: z.enum(['CORE', 'FLEXIBLE']),
    }),
  ),
  chairs: z.array(
    z.strictObject({
      id: z.string(),
      displayName: z.string(),
      agency: z.string(),
    }),
  ),
});

/** GET /api/panels/:panelId/meetings */
export const listPanelMeetingsAnswer = z.array(
  z.strictObject({
    id: z.string(),
    status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED']),
    _count: z.strictObject({
      agendaItems: z.number(),
    }),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    teamsSyncStatus: z.enum(['NOT_REQUESTED', 'PENDING', 'SYNCED', 'FAILED']),
    joinUrl: z.string().nullable(),
  }),
);
