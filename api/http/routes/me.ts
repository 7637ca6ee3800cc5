// GET /api/me: who the tab is signed in as, and what their roles let them do.
import { defineRoute, type RouteSpec } from '../route-spec';
import { CAPABILITY_NAMES, mayUse } from '../../domain/access/policy';
import type { ApiDependencies } from './index';
import * as answers from '../responses/me';

export function meRoutes(deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/me',
      summary: 'Who is signed in, their agency and what they may do.',
      tag: 'Identity',
      capability: null,
      response: answers.getMeAnswer,
      async handle({ ctx }) {
        const member = await ctx.db.prisma.member.findUniqueOrThrow({
          where: { id: ctx.actor.memberId },
          select: {
            id: true,
            displayName: true,
            roles: true,
            agency: { select: { id: true, name: true, type: true } },
            partnership: { select: { id: true, name: true } },
          },
        });
        return {
          json: {
            ...member,
            capabilities: CAPABILITY_NAMES.filter((capability) => mayUse(ctx.actor, capability)),
            signIn: deps.identity.mode,
          },
        };
      },
    }),
  ];
}
