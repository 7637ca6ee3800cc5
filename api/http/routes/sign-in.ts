// Public routes that come before sign-in: how to sign in, and (local mode only) the development
// sign-in that picks a demo member.
import { Router } from 'express';
import { z } from 'zod';
import type { ApiDependencies } from './index';
import { parseWith } from '../validate';
import { notFound } from '../../services/errors';
import { actorForMember } from '../../services/members';
import type { RateLimits } from '../hardening';

const signInRequest = z.object({ memberId: z.uuid('Choose a member from the list.') }).strict();

export function signInRoutes(deps: ApiDependencies, rateLimits: RateLimits): Router {
  const router = Router();
  const { identity, config } = deps;
  router.use(['/config', '/dev'], rateLimits.perAddress(config.signInRateLimitPerMinute));

  router.get('/config', (_req, res) => {
    res.json(config.signIn.mode === 'entra' ? { signIn: 'entra', entraClientId: config.signIn.clientId } : { signIn: 'development' });
  });

  const issue = identity.issueDevelopmentToken;
  if (identity.mode !== 'development' || !issue) return router;

  router.get('/dev/members', async (_req, res) => {
    const members = await deps.db.prisma.member.findMany({
      where: { isActive: true, agency: { isActive: true } },
      select: { id: true, displayName: true, roles: true, agency: { select: { name: true } } },
      orderBy: [{ agency: { name: 'asc' } }, { displayName: 'asc' }],
    });
    res.json({
      members: members.map((member) => ({
        id: member.id,
        displayName: member.displayName,
        agencyName: member.agency.name,
        roles: member.roles,
      })),
    });
  });

  router.post('/dev/sign-in', async (req, res) => {
    const { memberId } = parseWith(signInRequest, req.body);
    const actor = await deps.db.prisma.$transaction((tx) => actorForMember(tx, memberId));
    if (!actor) throw notFound('member');
    res.json(await issue(actor.memberId));
  });
  return router;
}
