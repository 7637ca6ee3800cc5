// The first run's set-up, before anyone is a member: GET /api/setup says whether the deployment is
// set up and whether the caller may set it up; POST /api/setup creates the partnership. Entra mode
// only (the development sign-in always has the demo partnership). Outside the member route list
// because its caller is not a member yet.
import { Router } from 'express';
import { z } from 'zod';
import type { ApiDependencies } from './index';
import { parseWith } from '../validate';
import type { RateLimits } from '../hardening';
import { signedInUser } from '../../auth/require-entra-user';
import { firstRunState, setUpPartnership } from '../../services/first-run';
import { AgencyType, BankHolidayRegion } from '../../store/generated/enums';

const text = (what: string, max: number) =>
  z.string(`Give ${what}.`).trim().min(1, `Give ${what}.`).max(max, `Keep ${what} to ${max} characters.`);

export const setUpRequest = z.strictObject({
  partnershipName: text('the partnership’s name', 120),
  area: text('the area it covers', 120),
  bankHolidayRegion: z.enum(Object.values(BankHolidayRegion) as [BankHolidayRegion, ...BankHolidayRegion[]], 'Choose a region.'),
  agencyName: text('your agency’s name', 120),
  agencyType: z.enum(Object.values(AgencyType) as [AgencyType, ...AgencyType[]], 'Choose the type of your agency.'),
});

export function firstRunRoutes(deps: ApiDependencies, rateLimits: RateLimits): Router {
  const router = Router();
  const { identity, config } = deps;
  if (config.signIn.mode !== 'entra' || !identity.authenticatePerson) return router;
  const bootstrapAdmin = config.signIn.bootstrapAdmin;
  router.use('/setup', rateLimits.perAddress(config.signInRateLimitPerMinute), ...identity.authenticatePerson);

  router.get('/setup', async (_req, res) => {
    res.json({ state: await firstRunState(deps.db, signedInUser(res), bootstrapAdmin) });
  });

  router.post('/setup', async (req, res) => {
    const input = parseWith(setUpRequest, req.body ?? {});
    const requestId = (res.locals as { requestId?: string }).requestId;
    res.status(201).json(await setUpPartnership(deps.db, deps.clock, signedInUser(res), bootstrapAdmin, input, requestId));
  });
  return router;
}
