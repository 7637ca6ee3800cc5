// Members: the partnership admin records a member's guest identity in another organisation.
import { z } from 'zod';
import { addMemberIdentity } from '../../services/member-identities';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/members';

const GUID = z.guid('Give a GUID, as Entra ID shows it.');

export function membersRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/members/:memberId/identities',
      summary: "Record another Entra identity of a member, such as a partner officer's guest account in the host organisation.",
      tag: 'Members',
      capability: 'member.manage',
      params: { memberId: 'member' },
      body: z.strictObject({ tenantId: GUID, entraObjectId: GUID }),
      response: answers.memberIdentitiesAnswer,
      async handle({ ctx, params, body }) {
        return { status: 201, json: await addMemberIdentity(ctx, params.memberId!, body) };
      },
    }),
  ];
}
