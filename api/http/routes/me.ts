// GET /api/me: who the tab is signed in as, and what their roles let them do.
import { Router } from 'express';
import type { ApiDependencies } from './index';
import { actorOf } from '../identity';
import { CAPABILITY_NAMES, mayUse } from '../../domain/access/policy';

export function meRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get('/me', async (_req, res) => {
    const actor = actorOf(res);
    const member = await deps.db.prisma.member.findUniqueOrThrow({
      where: { id: actor.memberId },
      select: {
        id: true,
        displayName: true,
        roles: true,
        agency: { select: { id: true, name: true, type: true } },
        partnership: { select: { id: true, name: true } },
      },
    });
    res.json({
      ...member,
      capabilities: CAPABILITY_NAMES.filter((capability) => mayUse(actor, capability)),
      signIn: deps.identity.mode,
    });
  });
  return router;
}
