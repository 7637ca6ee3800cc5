// Offender Panel interventions: the catalogue of tools and powers, recording one on a case, moving
// it on (active, breached, discharged...), and the history and ladder per perpetrator.
import { z } from 'zod';
import { INTERVENTIONS } from '../../domain/interventions/catalogue';
import { ISSUING_AGENCIES } from '../../domain/interventions/issuers';
import { changeInterventionStatus, readPerpetratorInterventions, recordIntervention } from '../../services/interventions';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/interventions';

const ID = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Give an id.')
  .transform((id) => id.toLowerCase());
const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.');
const TEXT = z.string().trim().max(2000, 'Keep it under 2000 characters.');
const TYPES = INTERVENTIONS.map((entry) => entry.type) as [string, ...string[]];

const duration = z.union([
  z.literal('UNTIL_FURTHER_ORDER'),
  z.strictObject({ amount: z.number().int().min(1, 'At least 1.'), unit: z.enum(['HOURS', 'DAYS', 'MONTHS', 'YEARS']) }),
]);
const intervention = z.strictObject({
  type: z.enum(TYPES).transform((type) => type as (typeof INTERVENTIONS)[number]['type']),
  target: z.enum(['PERSON', 'BUSINESS_OR_ORGANISATION', 'PREMISES', 'PUBLIC_PLACE', 'TENANCY']),
  personId: ID.optional(),
  locationId: ID.optional(),
  status: z.enum(['PROPOSED', 'ACTIVE']),
  issuedOn: DATE.optional(),
  duration: duration.optional(),
  isExtension: z.boolean().optional(),
  issuedByAgencyId: ID.optional(),
  conditions: TEXT.optional(),
  proportionalityNote: TEXT.optional(),
  supportOffered: TEXT.optional(),
  convictions: z
    .array(z.strictObject({ convictedOn: DATE, kind: z.enum(['SERIOUS_OFFENCE', 'BREACH_OF_CBO', 'BREACH_OF_NOISE_ABATEMENT', 'OTHER']) }))
    .max(50)
    .optional(),
});
const statusChange = z.strictObject({
  status: z.enum(['ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED', 'WITHDRAWN']),
  issuedOn: DATE.optional(),
  breachNote: TEXT.optional(),
});

export function interventionsRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/interventions/catalogue',
      summary: 'List the tools and powers with their statutory rules.',
      tag: 'Interventions',
      capability: null,
      response: answers.getInterventionsCatalogueAnswer,
      async handle() {
        // "Who may issue" in words for people, and as agency types for a form to offer only what fits.
        return { json: INTERVENTIONS.map((entry) => ({ ...entry, issuingAgencies: ISSUING_AGENCIES[entry.type] })) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/:caseId/interventions',
      summary: 'Record an intervention on a case, checked against the rules for it.',
      tag: 'Interventions',
      capability: 'case.update',
      params: { caseId: 'case' },
      body: intervention,
      response: answers.recordInterventionAnswer,
      async handle({ ctx, params, body }) {
        return { status: 201, json: await recordIntervention(ctx, params.caseId!, body) };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/interventions/:interventionId',
      summary: 'Mark an intervention active, breached, expired, discharged or withdrawn.',
      tag: 'Interventions',
      capability: 'case.update',
      params: { interventionId: 'intervention' },
      body: statusChange,
      response: answers.changeInterventionStatusAnswer,
      async handle({ ctx, params, body }) {
        return { json: await changeInterventionStatus(ctx, params.interventionId!, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/people/:personId/interventions',
      summary: 'Read the interventions tried with a perpetrator and what could come next.',
      tag: 'Interventions',
      capability: 'case.read',
      params: { personId: 'person' },
      response: answers.readPerpetratorInterventionsAnswer,
      async handle({ ctx, params }) {
        return { json: await readPerpetratorInterventions(ctx, params.personId!) };
      },
    }),
  ];
}
