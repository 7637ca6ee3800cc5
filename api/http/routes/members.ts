// Members: the partnership admin finds people in the directory, adds them with an agency and roles,
// changes their roles, deactivates leavers and records a member's guest identity in another organisation.
import { z } from 'zod';
import { ROLES } from '../../domain/access/policy';
import { addMemberIdentity } from '../../services/member-identities';
import { addMember, changeMemberRoles, deactivateMember, findInDirectory, listMembers } from '../../services/member-admin';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/members';

const GUID = z.guid('Give a GUID, as Entra ID shows it.').transform((id) => id.toLowerCase());
const roles = z.array(z.enum(ROLES, 'Choose roles from the list.')).min(1, 'Give the member at least one role.').max(ROLES.length);
export function membersRoutes(deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/members',
      summary: "List the partnership's members with their agency, roles and unfinished actions, active first.",
      tag: 'Members',
      capability: 'member.manage',
      response: answers.listMembersAnswer,
      async handle({ ctx }) {
        return { json: await listMembers(ctx) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/directory/people',
      summary: "Find people in the organisation's directory by the start of their name, e-mail or sign-in address.",
      tag: 'Members',
      capability: 'member.manage',
      query: z.strictObject({
        text: z.string().trim().min(2, 'Type at least 2 characters of a name or e-mail address.').max(100, 'Type at most 100 characters.'),
      }),
      response: answers.directoryPeopleAnswer,
      async handle({ ctx, query }) {
        return { json: await findInDirectory(ctx, deps.directory, query.text) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/members',
      summary:
        'Add a person found in the directory as a member of an agency, with roles. Their name, e-mail and tenant are read from the directory by object id.',
      tag: 'Members',
      capability: 'member.manage',
      body: z.strictObject({ entraObjectId: GUID, agencyId: GUID, roles }),
      response: answers.memberAnswer,
      async handle({ ctx, body }) {
        return { status: 201, json: await addMember(ctx, deps.directory, body) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/members/:memberId/roles',
      summary: "Change a member's roles.",
      tag: 'Members',
      capability: 'member.manage',
      params: { memberId: 'member' },
      body: z.strictObject({ roles }),
      response: answers.memberAnswer,
      async handle({ ctx, params, body }) {
        return { json: await changeMemberRoles(ctx, params.memberId!, body.roles) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/members/:memberId/deactivation',
      summary: 'Deactivate a leaver: they lose access, their history stays, their chairs reassign their actions.',
      tag: 'Members',
      capability: 'member.manage',
      params: { memberId: 'member' },
      response: answers.memberAnswer,
      async handle({ ctx, params }) {
        return { json: await deactivateMember(ctx, params.memberId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/members/:memberId/identities',
      summary: "Record another Entra identity of a member, such as a partner officer's guest account in the host organisation.",
      tag: 'Members',
      capability: 'member.manage',
      params: { memberId: 'member' },
      body: z.strictObject({
        tenantId: z.guid('Give a GUID, as Entra ID shows it.'),
        entraObjectId: z.guid('Give a GUID, as Entra ID shows it.'),
      }),
      response: answers.memberIdentitiesAnswer,
      async handle({ ctx, params, body }) {
        return { status: 201, json: await addMemberIdentity(ctx, params.memberId!, body) };
      },
    }),
  ];
}
