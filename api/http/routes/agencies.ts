// Agencies: the partnership admin lists, adds, edits and deactivates them.
import { z } from 'zod';
import { addAgency, deactivateAgency, editAgency, listAgencies } from '../../services/agencies';
import { defineRoute, type RouteSpec } from '../route-spec';
import * as answers from '../responses/agencies';

const settings = {
  name: z.string().trim().min(2, 'Give the agency a name of at least 2 characters.').max(120, 'Keep the name to 120 characters.'),
  type: z.enum(answers.AGENCY_TYPES, 'Choose the type of agency.'),
  guestTenantId: z
    .guid('Give the tenant id as a GUID, as Entra ID shows it, or leave it empty for this organisation.')
    .transform((id) => id.toLowerCase())
    .nullable(),
};

const changes = z
  .strictObject({ name: settings.name.optional(), type: settings.type.optional(), guestTenantId: settings.guestTenantId.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one setting.' });

export function agenciesRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/agencies',
      summary: "List the partnership's agencies, active first.",
      tag: 'Admin',
      capability: 'agency.manage',
      response: answers.listAgenciesAnswer,
      async handle({ ctx }) {
        return { json: await listAgencies(ctx) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/agencies',
      summary: 'Add an agency to the partnership.',
      tag: 'Admin',
      capability: 'agency.manage',
      body: z.strictObject({ ...settings, guestTenantId: settings.guestTenantId.default(null) }),
      response: answers.agencyAnswer,
      async handle({ ctx, body }) {
        return { status: 201, json: await addAgency(ctx, body) };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/agencies/:agencyId',
      summary: "Change an agency's name, type or the tenant its people sign in from.",
      tag: 'Admin',
      capability: 'agency.manage',
      params: { agencyId: 'agency' },
      body: changes,
      response: answers.agencyAnswer,
      async handle({ ctx, params, body }) {
        return { json: await editAgency(ctx, params.agencyId!, body) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/agencies/:agencyId/deactivation',
      summary: 'Deactivate an agency that owns no unfinished actions; its members lose access.',
      tag: 'Admin',
      capability: 'agency.manage',
      params: { agencyId: 'agency' },
      response: answers.agencyAnswer,
      async handle({ ctx, params }) {
        return { json: await deactivateAgency(ctx, params.agencyId!) };
      },
    }),
  ];
}
